package ftop.app.shell;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import javafx.scene.image.Image;

/**
 * The app's icon in the sizes a system picks from for the title bar and the task switcher, drawn at
 * build time from the installers' SVG (see {@code src/packaging/IconSet.java}).
 */
public final class WindowIcons {

    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private WindowIcons() {
    }

    /** The icons, loaded in the background; none when the build did not draw them (an IDE run). */
    public static List<Image> all() {
        return IntStream.of(SIZES)
                .mapToObj(size -> WindowIcons.class.getResource("/ftop/app/icons/ftop-" + size + ".png"))
                .filter(Objects::nonNull)
                .map(URL::toExternalForm)
                .map(url -> new Image(url, true))
                .toList();
    }
}
