package ftop.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.review.ReviewItem;

/** The Review tab in the real window, on the demo workspace created in a temporary folder. */
class ReviewTabTest extends FxRobot {

    @TempDir
    Path home;

    private FtopApplication app;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (FtopApplication) FxToolkit.setupApplication(() -> new FtopApplication(AppOptions.inDirectory(home),
                (profile, dir, today) -> StoreWorkspace.open(profile, dir, today, AppFixtures.clock()),
                AppFixtures.clock()));
        waitUntil("the window", () -> lookup("#reviewTab").tryQuery().isPresent() || lookup(".tab").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
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

    private static void waitUntil(String what, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::get);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
