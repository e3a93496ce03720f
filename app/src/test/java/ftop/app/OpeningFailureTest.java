package ftop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.workspace.StoreWorkspace;
import ftop.core.store.LocalStore;

/** A workspace that cannot be opened is explained to the user, and nothing else opens. */
class OpeningFailureTest extends FxRobot {

    @TempDir
    Path home;

    private FtopApplication app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aWorkspaceOpenInAnotherWindowIsExplained() throws Exception {
        try (LocalStore other = LocalStore.open(home)) {
            FxToolkit.registerPrimaryStage();
            app = (FtopApplication) FxToolkit.setupApplication(() -> new FtopApplication(AppOptions.inDirectory(home),
                    (profile, dir, today) -> StoreWorkspace.open(profile, dir, today, AppFixtures.clock()),
                    AppFixtures.clock()));

            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#openFailedDialog").tryQuery().isPresent());
            DialogPane dialog = lookup("#openFailedDialog").queryAs(DialogPane.class);
            assertThat(dialog.getHeaderText()).isEqualTo("The workspace \"demo\" could not be opened");
            assertThat(dialog.getContentText()).isEqualTo(LocalStore.ALREADY_OPEN_MESSAGE);
            assertThat(lookup("#mainWindow").tryQuery()).isEmpty();

            clickOn("OK");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> Window.getWindows().stream().noneMatch(Window::isShowing));
        }
    }
}
