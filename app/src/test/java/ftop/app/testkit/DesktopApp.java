package ftop.app.testkit;

import java.nio.file.Path;
import java.util.function.Supplier;

import javafx.stage.Stage;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

import ftop.app.AppFixtures;
import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.shell.ShellModel;
import ftop.app.workspace.StoreWorkspace;
import ftop.app.workspace.WorkspaceOpener;
import ftop.core.customer.Customer;
import ftop.core.store.LocalStore;

/**
 * The whole desktop app, headless, started the one way UI tests start it and closed after each
 * test. Register it with {@code @RegisterExtension}; {@link #start(Path)} opens the demo workspace
 * in a folder of the test's on {@link AppFixtures#clock()}, a test that needs its own options or a
 * server passes its own app to {@link #launch(Supplier)}.
 */
public final class DesktopApp implements AfterEachCallback {

    private FtopApplication app;
    private Stage stage;

    /**
     * Opens the demo workspace in a folder on the fixtures' clock, as the UI tests' app does; an
     * empty folder gets a copy of the demo workspace made once (see {@link DemoWorkspaceTemplate}).
     */
    public static WorkspaceOpener fixturesOpener() {
        return (profile, dir, today) -> {
            if ("demo".equals(profile) && AppFixtures.TODAY.equals(today) && dir.isPresent()) {
                DemoWorkspaceTemplate.copyIntoEmpty(dir.get());
            }
            return StoreWorkspace.open(profile, dir, today, AppFixtures.clock());
        };
    }

    /** Starts the app on the demo workspace in {@code home} and waits until the Portfolio has loaded. */
    public FtopApplication start(Path home) throws Exception {
        launch(() -> new FtopApplication(AppOptions.inDirectory(home), fixturesOpener(), AppFixtures.clock()));
        waitForWorkspace();
        return app;
    }

    /** Starts the app {@code factory} makes; waits for nothing, the test knows what its window shows first. */
    public FtopApplication launch(Supplier<FtopApplication> factory) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (FtopApplication) FxToolkit.setupApplication(factory::get);
        return app;
    }

    /** Waits until the workspace is open and the Portfolio has loaded. */
    public void waitForWorkspace() {
        Ui.waitUntil("the workspace", () -> app.shell() != null && app.shell().portfolio().loadedProperty().get());
    }

    /** Closes the app as quitting does (a test may then start it again on the same folder). */
    public void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        FxToolkit.cleanupStages();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        stop();
    }

    public FtopApplication app() {
        return app;
    }

    public Stage stage() {
        return stage;
    }

    public ShellModel shell() {
        return app.shell();
    }

    /** The local store behind the open workspace. */
    public LocalStore store() {
        return ((StoreWorkspace) app.shell().workspace()).store();
    }

    /** The customer called {@code name} in the open workspace. */
    public Customer customer(String name) {
        return store().customers().all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
