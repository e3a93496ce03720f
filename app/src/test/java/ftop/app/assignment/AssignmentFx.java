package ftop.app.assignment;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.scene.Parent;
import javafx.scene.Scene;

import org.testfx.api.FxRobot;
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
 * A real demo workspace in a temporary folder, signed in as someone who may change assignments,
 * and a window to show an assignment view in.
 */
abstract class AssignmentFx extends FxRobot {

    protected final Clock clock = AppFixtures.clock();
    protected StoreWorkspace workspace;
    protected LocalStore store;
    protected BackgroundTasks tasks;

    protected void open(Path home, String user) throws Exception {
        try (LocalStore s = LocalStore.open(home, clock)) {
            s.bulkLoad(DatasetGenerator.demo(AppFixtures.TODAY), 1);
            s.putSetting(StoreWorkspace.USER_SETTING, user);
        }
        workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY, clock);
        store = workspace.store();
        tasks = BackgroundTasks.create();
        FxToolkit.registerPrimaryStage();
    }

    protected void show(Supplier<Parent> view) throws Exception {
        FxToolkit.setupStage(stage -> {
            Theme.apply(false);
            var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(view.get(), Math.min(1200, screen.getWidth()), Math.min(800, screen.getHeight()));
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected void close() throws Exception {
        FxToolkit.cleanupStages();
        if (tasks != null) {
            tasks.close();
        }
        if (workspace != null) {
            workspace.close();
        }
    }

    protected Customer customer(String name) {
        return store.customers().all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    protected static void waitUntil(BooleanSupplier condition) {
        waitUntil(condition, () -> "");
    }

    protected static void waitUntil(BooleanSupplier condition, Supplier<String> screen) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("The screen did not get there in 10 seconds " + screen.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
