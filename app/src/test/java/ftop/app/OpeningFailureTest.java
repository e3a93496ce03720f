package ftop.app;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.DialogPane;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import ftop.app.testkit.DesktopApp;
import ftop.core.store.LocalStore;

/** A workspace that cannot be opened is explained to the user, and nothing else opens. */
class OpeningFailureTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    @Test
    void aWorkspaceOpenInAnotherWindowIsExplained() throws Exception {
        try (LocalStore other = LocalStore.open(home)) {
            desktop.launch(() -> new FtopApplication(AppOptions.inDirectory(home), DesktopApp.fixturesOpener(),
                    AppFixtures.clock()));

            waitUntil("the explanation", () -> lookup("#openFailedDialog").tryQuery().isPresent());
            DialogPane dialog = lookup("#openFailedDialog").queryAs(DialogPane.class);
            assertThat(dialog.getHeaderText()).isEqualTo("The workspace \"demo\" could not be opened");
            assertThat(dialog.getContentText()).isEqualTo(LocalStore.ALREADY_OPEN_MESSAGE);
            assertThat(lookup("#mainWindow").tryQuery()).isEmpty();

            clickOn("OK");
            waitUntil("every window to close", () -> Window.getWindows().stream().noneMatch(Window::isShowing));
        }
    }
}
