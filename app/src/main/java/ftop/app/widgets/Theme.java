package ftop.app.widgets;

import java.util.List;

import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Scene;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The look of the app: AtlantaFX Primer, light or dark, plus our own small stylesheet and the
 * health colours of the theme ({@link HealthPalette}). Call on the FX thread.
 */
public final class Theme {

    /** Our classes: health chips, status bar, overdue reviews. */
    public static final String STYLESHEET = Theme.class.getResource("/ftop/app/ftop.css").toExternalForm();

    private static final String LIGHT_COLOURS = HealthPalette.stylesheet(HealthPalette.Medium.LIGHT);
    private static final String DARK_COLOURS = HealthPalette.stylesheet(HealthPalette.Medium.DARK);
    private static final String FOLLOWER = "ftop.theme.follower";

    private static final ReadOnlyBooleanWrapper DARK = new ReadOnlyBooleanWrapper(false);
    /** The theme whose stylesheet is set; null before the first. */
    private static Boolean applied;

    private Theme() {
    }

    /** Switches every window of the app to the light or dark theme. */
    public static void apply(boolean dark) {
        if (applied != null && applied == dark) {
            // setting the same stylesheet again would parse it and restyle every window anew
            return;
        }
        applied = dark;
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        DARK.set(dark);
    }

    /** True while the dark theme is on. */
    public static ReadOnlyBooleanProperty darkProperty() {
        return DARK.getReadOnlyProperty();
    }

    /** Our stylesheet with the health colours of the light or dark theme, for a node outside a styled scene. */
    public static List<String> stylesheets(boolean dark) {
        return List.of(dark ? DARK_COLOURS : LIGHT_COLOURS, STYLESHEET);
    }

    /** Adds our stylesheet and the health colours of the theme to {@code scene}; they follow the theme. */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        colours(scene, DARK.get());
        if (!scene.getProperties().containsKey(FOLLOWER)) {
            ChangeListener<Boolean> follower = (obs, old, now) -> colours(scene, now);
            // the scene holds its listener: a closed window's scene is not kept alive by the theme
            scene.getProperties().put(FOLLOWER, follower);
            DARK.addListener(new WeakChangeListener<>(follower));
        }
    }

    private static void colours(Scene scene, boolean dark) {
        String wanted = dark ? DARK_COLOURS : LIGHT_COLOURS;
        String other = dark ? LIGHT_COLOURS : DARK_COLOURS;
        scene.getStylesheets().remove(other);
        if (!scene.getStylesheets().contains(wanted)) {
            scene.getStylesheets().add(0, wanted);
        }
    }
}
