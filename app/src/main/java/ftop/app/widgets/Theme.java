package ftop.app.widgets;

import javafx.application.Application;
import javafx.scene.Scene;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The look of the app: AtlantaFX Primer, light or dark, plus our own small stylesheet. */
public final class Theme {

    /** Our classes: health chips, status bar, overdue reviews. */
    public static final String STYLESHEET = Theme.class.getResource("/ftop/app/ftop.css").toExternalForm();

    private Theme() {
    }

    /** Switches every window of the app to the light or dark theme. */
    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds our stylesheet to {@code scene}. */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
    }
}
