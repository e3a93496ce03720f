package ftop.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.FtopApplication;
import ftop.app.testkit.DesktopApp;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.store.LocalStore;
import ftop.core.tenant.Tenant;

/**
 * Where the trophy goes: on the winner tenant's row in the Tenants section, not on customers; a
 * customer row shows a warning only when its winner tenant is missing or doubled, saying which.
 */
class WinnerWarningTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;

    @Test
    void aCustomerWarnsOfAMissingOrDoubledWinnerAndTheTrophyIsOnTenants() throws Exception {
        Dataset demo = DatasetGenerator.demo(AppFixtures.TODAY);
        Customer none = demo.customers().get(0);
        Customer two = demo.customers().stream()
                .filter(c -> demo.tenants().stream().filter(t -> t.tpid() == c.tpid()).count() > 1)
                .filter(c -> c.tpid() != none.tpid()).findFirst().orElseThrow();
        List<Tenant> tenants = new ArrayList<>();
        for (Tenant t : demo.tenants()) {
            // the first customer lost its winner flag; every tenant of the other is flagged
            tenants.add(t.tpid() == none.tpid() ? t.withWinner(false) : t.tpid() == two.tpid() ? t.withWinner(true) : t);
        }
        try (LocalStore store = LocalStore.open(home)) {
            store.bulkLoad(new Dataset(demo.users(), demo.customers(), tenants, demo.health(), demo.notes(),
                    demo.contacts(), demo.assignments(), demo.usage(), demo.forecasts()), 1);
            store.putSetting(StoreWorkspace.USER_SETTING, DemoUsers.DEMO_USER);
        }
        app = desktop.start(home);

        int warned = 0;
        for (TableRow<?> row : rows("#portfolioTable")) {
            PortfolioRow item = (PortfolioRow) row.getItem();
            assertThat(from(row).lookup("#winnerIcon").tryQuery()).as(item.name()).isEmpty();
            boolean warns = from(row).lookup("#winnerWarningIcon").tryQuery().isPresent();
            assertThat(warns).as(item.name()).isEqualTo(item.tpid() == none.tpid() || item.tpid() == two.tpid());
            if (warns) {
                warned++;
                String why = tooltip(from(row).lookup("#winnerWarningIcon").query());
                assertThat(why).startsWith(item.tpid() == none.tpid() ? "No winner tenant"
                        : item.tenantCount() + " winner tenants");
            }
        }
        assertThat(warned).as("both customers are on screen, sorted first by name or not").isEqualTo(2);

        clickOn("#tenantsSection");
        WaitForAsyncUtils.waitForFxEvents();
        List<TableRow<?>> tenantRows = rows("#tenantTable");
        assertThat(tenantRows).isNotEmpty();
        for (TableRow<?> row : tenantRows) {
            TenantRow item = (TenantRow) row.getItem();
            assertThat(from(row).lookup("#winnerIcon").tryQuery().isPresent()).as(item.name()).isEqualTo(item.winner());
        }
    }

    private static String tooltip(Node icon) {
        Object tip = icon.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof Tooltip t ? t.getText() : "";
    }

    private List<TableRow<?>> rows(String tableId) {
        List<TableRow<?>> rows = new ArrayList<>();
        for (Node n : lookup(tableId + " .table-row-cell").queryAll()) {
            TableRow<?> row = (TableRow<?>) n;
            if (!row.isEmpty() && row.getItem() != null && row.isVisible()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
