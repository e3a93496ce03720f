package ftop.app.review;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import ftop.app.FtopApplication;
import ftop.app.testkit.DesktopApp;
import ftop.core.review.ReviewItem;

/** The Review tab in the real window, on the demo workspace created in a temporary folder. */
class ReviewTabTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;

    @BeforeEach
    void start() throws Exception {
        app = desktop.start(home);
    }

    @Test
    void theReviewTabReadsTheQueueWhenOpenedAndF11StartsReviewModeFromAnotherTab() {
        waitUntil("the Review tab", () -> lookup("#reviewTab").tryQuery().isPresent());
        assertThat(app.shell().review().loadedProperty().get()).isFalse();
        clickOn("#reviewTab");
        waitUntil("the queue to fill", () -> !table().getItems().isEmpty());
        ReviewItem first = table().getItems().get(0);
        clickOn("#nominate-" + first.tpid());

        clickOn("#portfolioTab");
        type(KeyCode.F11);
        waitUntil("review mode", () -> lookup("#reviewCustomerName").tryQuery().isPresent());
        assertThat(lookup("#reviewCustomerName").queryAs(Label.class).getText()).isEqualTo(first.customer().name());
        type(KeyCode.ESCAPE);
        waitUntil("review mode to close", () -> lookup("#reviewCustomerName").tryQuery().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private TableView<ReviewItem> table() {
        return lookup("#reviewQueue").queryAs(TableView.class);
    }
}
