package ftop.app;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import ftop.app.tasks.VirtualScheduler;
import ftop.app.testkit.DesktopApp;
import ftop.app.workspace.WorkspaceOpener;

/** The screen that shows while the workspace opens: a spinner only once the opening takes a while. */
class OpeningScreenTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    @Test
    void theSpinnerShowsOnlyWhenTheOpeningTakesAWhile() throws Exception {
        VirtualScheduler time = new VirtualScheduler(AppFixtures.clock().instant());
        CountDownLatch release = new CountDownLatch(1);
        WorkspaceOpener slow = (profile, dir, today) -> {
            if (!release.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The test never let the workspace open");
            }
            return DesktopApp.fixturesOpener().open(profile, dir, today);
        };
        desktop.launch(() -> new FtopApplication(AppOptions.inDirectory(home), slow, AppFixtures.clock(), false,
                time));
        try {
            waitUntil("the opening screen", () -> lookup("#openingWorkspace").tryQuery().isPresent());
            assertThat(lookup("Opening workspace demo…").tryQuery()).isPresent();
            interact(() -> time.advance(Duration.ofMillis(1400)));
            assertThat(lookup("#openingWorkspace .progress-indicator").tryQuery()).isEmpty();

            interact(() -> time.advance(Duration.ofMillis(100)));
            assertThat(lookup("#openingWorkspace .progress-indicator").tryQuery()).isPresent();
        } finally {
            release.countDown();
        }
        desktop.waitForWorkspace();
        assertThat(lookup("#mainWindow").tryQuery()).isPresent();
    }
}
