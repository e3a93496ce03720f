package ftop.app.review;

import java.util.List;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import ftop.app.widgets.Theme;
import ftop.core.review.CustomerBrief;

/** Opens {@link ReviewModeView} full screen, in a window of its own that Esc closes. */
final class ReviewMode {

    private ReviewMode() {
    }

    /** Shows the briefs full screen over {@code owner}; returns the window, already showing. */
    static Stage show(Window owner, String meeting, List<CustomerBrief> briefs) {
        ReviewModeView view = new ReviewModeView(meeting, briefs);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            // on a second monitor (the projector) the owner's screen is not necessarily where it goes,
            // but starting there lets the presenter move it
            stage.setX(owner.getX());
            stage.setY(owner.getY());
        }
        stage.setTitle(meeting + " \u2014 review mode");
        Rectangle2D screen = Screen.getPrimary().getBounds();
        Scene scene = new Scene(view, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        Theme.style(scene);
        stage.setScene(scene);
        // Esc steps out of review mode as a whole, not just out of full screen
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        view.setOnExit(stage::close);
        stage.setFullScreen(true);
        stage.show();
        view.requestFocus();
        return stage;
    }
}
