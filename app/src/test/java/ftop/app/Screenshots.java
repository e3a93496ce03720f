package ftop.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of scenes for people to look at, written to the folder named by the system property
 * {@code ftop.screens} ({@code -Dftop.screens=/tmp/screens}); nothing is written without it.
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** The folder pictures go to, when one is named. */
    public static Optional<Path> folder() {
        return Optional.ofNullable(System.getProperty("ftop.screens")).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** Writes {@code scene} as {@code name}.png to the folder, when one is named. */
    public static void save(Scene scene, String name) {
        Optional<Path> dir = folder();
        if (dir.isEmpty()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = Platform.isFxApplicationThread() ? scene.snapshot(null)
                : WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(dir.get());
            ImageIO.write(out, "png", dir.get().resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
