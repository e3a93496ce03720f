package ftop.app.testkit;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.widgets.Theme;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.store.LocalStore;

/**
 * One view in a window of its own, on the demo workspace in a folder of the test's, without the
 * rest of the app: for tests of a view or dialog that do not need the shell. Register it with
 * {@code @RegisterExtension}; the window, background tasks and workspace are closed after each test.
 */
public final class ViewWindow implements AfterEachCallback {

    private StoreWorkspace workspace;
    private BackgroundTasks tasks;

    /** Opens the demo workspace in {@code home} on the fixtures' clock, signed in as the demo user. */
    public StoreWorkspace open(Path home) {
        return open(home, Optional.empty());
    }

    /** Opens the demo workspace in {@code home} on the fixtures' clock, signed in as {@code user} when given. */
    public StoreWorkspace open(Path home, Optional<String> user) {
        if (user.isPresent()) {
            try (LocalStore s = LocalStore.open(home, AppFixtures.clock())) {
                s.bulkLoad(DatasetGenerator.demo(AppFixtures.TODAY), 1);
                s.putSetting(StoreWorkspace.USER_SETTING, user.get());
            }
        } else {
            DemoWorkspaceTemplate.copyIntoEmpty(home);
        }
        workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY, AppFixtures.clock());
        tasks = BackgroundTasks.create();
        return workspace;
    }

    /**
     * Shows the view {@code view} makes (on the FX thread) in the light theme, in a window of
     * {@code width} × {@code height} or the headless screen, whichever is smaller: it refuses windows
     * that hang off it.
     */
    public void show(double width, double height, Supplier<? extends Parent> view) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.apply(false);
            var screen = Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(view.get(), Math.min(width, screen.getWidth()), Math.min(height, screen.getHeight()));
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the window, the background tasks and the workspace (a test may then open it again). */
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        if (tasks != null) {
            tasks.close();
            tasks = null;
        }
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    public StoreWorkspace workspace() {
        return workspace;
    }

    public LocalStore store() {
        return workspace.store();
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** The customer called {@code name} in the open workspace. */
    public Customer customer(String name) {
        return store().customers().all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
