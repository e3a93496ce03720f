package ftop.app.customer;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.selectedTab;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.Node;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.FtopApplication;
import ftop.app.testkit.DesktopApp;
import ftop.core.customer.Customer;

/**
 * Leaving the Customer tab with an unsaved edit, in the whole window: the real confirmation dialog
 * asks, "Keep editing" stays with the edit, "Discard changes" leaves without saving.
 */
class CustomerLeaveTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;

    @BeforeEach
    void start() throws Exception {
        app = desktop.start(home);
    }

    @Test
    void leavingTheTabWithAnUnsavedEditAsksAndKeepsOrDropsIt() {
        var store = desktop.store();
        Customer contoso = desktop.customer("Contoso");
        interact(() -> app.shell().openCustomer(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(label("#customerName")));

        clickOn("#customerProgressEdit");
        clickOn("#customerStatusField");
        String current = label("#customerStatus");
        clickOn(lookup(".combo-box-popup .list-cell")
                .match(LabeledMatchers.hasText(current.equals("No Intent") ? "In Progress" : "No Intent")).<Node>query());

        clickOn("#portfolioTab");
        waitUntil("the question", () -> lookup("#confirmDialog").tryQuery().isPresent());
        clickOn(lookup("#confirmDialog .button").match(LabeledMatchers.hasText("Keep editing")).<Node>query());
        waitUntil("the Customer tab again", () -> "customerTab".equals(selectedTab()));
        assertThat(lookup("#customerStatusField").query().isVisible()).isTrue();

        clickOn("#portfolioTab");
        waitUntil("the question", () -> lookup("#confirmDialog").tryQuery().isPresent());
        clickOn(lookup("#confirmDialog .button").match(LabeledMatchers.hasText("Discard changes")).<Node>query());
        waitUntil("the Portfolio", () -> "portfolioTab".equals(selectedTab()));
        assertThat(lookup("#customerStatusField").query().isVisible()).isFalse();
        assertThat(label("#customerStatus")).isEqualTo(current);
        assertThat(store.outbox().pendingCount()).isZero();

        // with nothing unsaved, the tabs change without a question
        clickOn("#customerTab");
        clickOn("#portfolioTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#confirmDialog").tryQuery()).isEmpty();
        assertThat(selectedTab()).isEqualTo("portfolioTab");
    }

    @Test
    void doubleClickingATenantOpensTheTenantTab() {
        Customer contoso = desktop.customer("Contoso");
        interact(() -> app.shell().openCustomer(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(label("#customerName")));
        reveal("#tenantRow0");
        doubleClickOn("#tenantRow0");
        waitUntil("the Tenant tab", () -> "tenantTab".equals(selectedTab()));
    }
}
