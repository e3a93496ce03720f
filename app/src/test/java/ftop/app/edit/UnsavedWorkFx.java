package ftop.app.edit;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.selectedTab;
import static ftop.app.testkit.Ui.waitUntil;

import java.nio.file.Path;
import java.time.Instant;

import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.tasks.VirtualScheduler;
import ftop.app.testkit.DesktopApp;
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

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    protected FtopApplication app;
    protected Stage stage;
    protected LocalStore store;
    protected Customer contoso;
    protected final VirtualScheduler time = new VirtualScheduler(Instant.parse("2021-05-03T14:32:00Z"));

    /** Starts the app on {@link #home} and waits for the Portfolio. */
    protected void startApp() throws Exception {
        app = desktop.launch(() -> new FtopApplication(AppOptions.inDirectory(home), DesktopApp.fixturesOpener(),
                AppFixtures.clock(), false, time));
        stage = desktop.stage();
        desktop.waitForWorkspace();
        store = desktop.store();
        contoso = desktop.customer("Contoso");
    }

    /** Closes the app as quitting does; {@link #startApp()} opens it again on the same folder. */
    protected void stopApp() throws Exception {
        desktop.stop();
    }

    protected void openContoso() {
        interact(() -> app.shell().openCustomer(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(label("#customerName")));
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

    protected String comboText(String id) {
        Object value = lookup(id).queryComboBox().getValue();
        return value == null ? "" : value.toString();
    }
}
