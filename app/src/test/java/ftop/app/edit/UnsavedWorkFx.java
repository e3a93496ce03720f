package ftop.app.edit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.tasks.VirtualScheduler;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;
import ftop.core.store.LocalStore;

/**
 * The whole app on the demo workspace in a temporary folder, headless, with drafts timed on
 * virtual time: a test decides when half a second has passed. Helpers drive the forms the way a
 * person does.
 */
abstract class UnsavedWorkFx extends FxRobot {

    @TempDir
    Path home;

    protected FtopApplication app;
    protected Stage stage;
    protected LocalStore store;
    protected Customer contoso;
    protected final VirtualScheduler time = new VirtualScheduler(Instant.parse("2021-05-03T14:32:00Z"));

    /** Starts the app on {@link #home} and waits for the Portfolio. */
    protected void startApp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (FtopApplication) FxToolkit.setupApplication(() -> new FtopApplication(AppOptions.inDirectory(home),
                (profile, dir, today) -> StoreWorkspace.open(profile, dir, today, AppFixtures.clock()),
                AppFixtures.clock(), false, time));
        waitUntil("the workspace", () -> app.shell() != null && app.shell().portfolio().loadedProperty().get());
        store = ((StoreWorkspace) app.shell().workspace()).store();
        contoso = store.customers().all().stream().filter(c -> c.name().equals("Contoso")).findFirst().orElseThrow();
    }

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    protected void openContoso() {
        interact(() -> app.shell().openCustomer(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(text("#customerName")));
    }

    /** Opens Customer Perspective with its pencil and picks {@code mindset} as Overall Mindset. */
    protected void chooseMindset(String mindset) {
        if (!lookup("#overallMindsetField").query().isVisible()) {
            reveal("#customerPerspectiveSection");
            clickOn("#customerPerspectiveEdit");
        }
        clickOn("#overallMindsetField");
        clickOn(lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(mindset)).<Node>query());
        waitUntil("the mindset chosen", () -> mindset.equals(comboText("#overallMindsetField")));
    }

    /** Clicks "Add new status" and waits for the focus in the winner tenant's editor. */
    protected void addNewStatus() {
        clickOn("#customerTab");
        reveal("#addStatusButton");
        clickOn("#addStatusButton");
        waitUntil("the winner tenant's tab", () -> "tenantTab".equals(selectedTab()));
        waitUntil("the focus in Executive Summary", () -> lookup("#newSummary").tryQuery()
                .map(Node::isFocused).orElse(false));
    }

    /** What the window manager sends when its close button is clicked (or the system asks the app to quit). */
    protected void requestClose() {
        interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected void waitForQuitQuestion() {
        waitUntil("the question about unsaved work", () -> lookup("#unsavedWorkDialog").tryQuery().isPresent());
    }

    protected void waitUntilClosed() {
        waitUntil("the window to close", () -> !stage.isShowing());
    }

    /** Scrolls the Customer tab so that {@code id} is in view. */
    protected void reveal(String id) {
        Node node = lookup(id).query();
        interact(() -> {
            ScrollPane scroll = lookup("#customerScroll").queryAs(ScrollPane.class);
            Node content = scroll.getContent();
            javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
            scroll.layout();
        });
    }

    protected String selectedTab() {
        return lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    protected String text(String id) {
        return lookup(id).tryQuery().map(n -> n instanceof Labeled l ? l.getText() : "").orElse("");
    }

    protected String comboText(String id) {
        Object value = lookup(id).queryComboBox().getValue();
        return value == null ? "" : value.toString();
    }

    protected static void waitUntil(String what, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::get);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
