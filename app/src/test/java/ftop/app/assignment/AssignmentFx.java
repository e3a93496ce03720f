package ftop.app.assignment;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.Parent;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.testkit.ViewWindow;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;
import ftop.core.store.LocalStore;

/**
 * A real demo workspace in a temporary folder, signed in as someone who may change assignments,
 * and a window to show an assignment view in.
 */
abstract class AssignmentFx extends FxRobot {

    @RegisterExtension
    final ViewWindow window = new ViewWindow();

    protected final Clock clock = AppFixtures.clock();
    protected StoreWorkspace workspace;
    protected LocalStore store;
    protected BackgroundTasks tasks;

    protected void open(Path home, String user) {
        workspace = window.open(home, Optional.of(user));
        store = workspace.store();
        tasks = window.tasks();
    }

    protected void show(Supplier<Parent> view) throws Exception {
        window.show(1200, 800, view);
    }

    protected Customer customer(String name) {
        return window.customer(name);
    }
}
