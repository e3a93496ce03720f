package ftop.app.edit;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.waitUntil;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the question before quitting, the drafts offered back at the next start and a form
 * holding a restored draft, at 1600×1000 and 1280×800, light and dark, to PNG files for a person to
 * look at (a dialog is drawn over its window, where it shows):
 * {@code ./mvnw -o -q -pl app -am test -Dtest=UnsavedWorkScreensTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dheadless.geometry=1600x1000-32 -Dftop.screens=/tmp/uiunsaved}. Skipped unless {@code ftop.screens}
 * names a folder.
 */
@EnabledIfSystemProperty(named = "ftop.screens", matches = ".+")
class UnsavedWorkScreensTest extends UnsavedWorkFx {

    private record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    private static final List<Size> SIZES = List.of(new Size(1600, 1000), new Size(1280, 800));

    @Test
    void quitQuestionDraftsOfferedAndARestoredForm() throws Exception {
        startApp();
        size(SIZES.get(0));
        openContoso();
        addNewStatus();
        write("Exchange Online done for 80% of users; OneDrive migration starts next sprint.");
        clickOn("#customerTab");
        chooseMindset("Compete");
        interact(() -> time.advance(Duration.ofSeconds(1)));
        waitUntil("two drafts", () -> store.drafts().all().size() == 2);

        for (boolean dark : List.of(false, true)) {
            for (Size size : SIZES) {
                theme(dark);
                size(size);
                press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
                waitForQuitQuestion();
                shoot("quit-" + (dark ? "dark-" : "light-") + size, "#unsavedWorkDialog");
                type(KeyCode.ESCAPE);
                waitUntil("the question to go", () -> lookup("#unsavedWorkDialog").tryQuery().isEmpty());
            }
        }

        // the app goes away with both forms open; the next start offers their drafts
        stopApp();
        startApp();
        waitUntil("the drafts offered", () -> lookup("#draftsDialog .draft-line").queryAll().size() == 2);
        for (boolean dark : List.of(false, true)) {
            for (Size size : SIZES) {
                theme(dark);
                size(size);
                shoot("drafts-" + (dark ? "dark-" : "light-") + size, "#draftsDialog");
            }
        }
        List<String> lines = lookup("#draftsDialog .draft-line .label").queryAllAs(javafx.scene.control.Label.class)
                .stream().map(javafx.scene.control.Label::getText).toList();
        clickOn("#restoreDraft" + lines.indexOf("Contoso's Customer Perspective") / 2);
        waitUntil("the notice", () -> !label("#customerPerspectiveNotice").isEmpty());
        for (boolean dark : List.of(false, true)) {
            for (Size size : SIZES) {
                theme(dark);
                size(size);
                reveal("#customerPerspectiveSection");
                shoot("restored-" + (dark ? "dark-" : "light-") + size, null);
            }
        }
    }

    private void theme(boolean dark) {
        interact(() -> app.shell().setDark(dark));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void size(Size size) {
        interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(size.width());
            stage.setHeight(size.height());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the main window, with the dialog {@code dialogId} (if any) centred over it as it shows. */
    private void shoot(String name, String dialogId) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = dialogId == null ? null : lookup(dialogId).query().getScene().getWindow();
        if (dialog != null) {
            interact(() -> {
                dialog.setX(stage.getX() + (stage.getWidth() - dialog.getWidth()) / 2);
                dialog.setY(stage.getY() + (stage.getHeight() - dialog.getHeight()) / 3);
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        BufferedImage out = image(stage.getScene());
        if (dialog != null) {
            BufferedImage over = image(dialog.getScene());
            Graphics2D g = out.createGraphics();
            g.drawImage(over, (int) (dialog.getX() - stage.getX()), (int) (dialog.getY() - stage.getY()), null);
            g.dispose();
        }
        Path dir = Path.of(System.getProperty("ftop.screens"));
        Files.createDirectories(dir);
        ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
    }

    private BufferedImage image(Scene scene) {
        WritableImage[] image = new WritableImage[1];
        interact(() -> image[0] = scene.snapshot(null));
        PixelReader pixels = image[0].getPixelReader();
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
