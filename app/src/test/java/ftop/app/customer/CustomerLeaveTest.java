package ftop.app.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.Labeled;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;

/**
 * Leaving the Customer tab with an unsaved edit, in the whole window: the real confirmation dialog
 * asks, "Keep editing" stays with the edit, "Discard changes" leaves without saving.
 */
class CustomerLeaveTest extends FxRobot {

    @TempDir
    Path home;

    private FtopApplication app;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (FtopApplication) FxToolkit.setupApplication(() -> new FtopApplication(AppOptions.inDirectory(home),
                (profile, dir, today) -> StoreWorkspace.open(profile, dir, today, AppFixtures.clock()),
                AppFixtures.clock()));
        waitUntil("the workspace", () -> app.shell() != null && app.shell().portfolio().loadedProperty().get());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void leavingTheTabWithAnUnsavedEditAsksAndKeepsOrDropsIt() {
        var store = ((StoreWorkspace) app.shell().workspace()).store();
        Customer contoso = store.customers().all().stream().filter(c -> c.name().equals("Contoso")).findFirst()
                .orElseThrow();
        interact(() -> app.shell().openCustomer(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(text("#customerName")));

        clickOn("#customerProgressEdit");
        clickOn("#customerStatusField");
        String current = text("#customerStatus");
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
        assertThat(text("#customerStatus")).isEqualTo(current);
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
        var store = ((StoreWorkspace) app.shell().workspace()).store();
        Customer contoso = store.customers().all().stream().filter(c -> c.name().equals("Contoso")).findFirst()
                .orElseThrow();
        interact(() -> app.shell().openCustomer(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(text("#customerName")));
        Node row = lookup("#tenantRow0").query();
        interact(() -> {
            javafx.scene.control.ScrollPane scroll = lookup("#customerScroll").queryAs(javafx.scene.control.ScrollPane.class);
            var content = scroll.getContent();
            var b = content.sceneToLocal(row.localToScene(row.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (b.getMinY() - 40) / room)));
            scroll.layout();
        });
        doubleClickOn(row);
        waitUntil("the Tenant tab", () -> "tenantTab".equals(selectedTab()));
    }

    private String selectedTab() {
        return lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    private String text(String id) {
        return lookup(id).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }

    private static void waitUntil(String what, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::get);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
