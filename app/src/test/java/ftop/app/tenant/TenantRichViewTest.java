package ftop.app.tenant;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import ftop.app.AppFixtures;
import ftop.app.customer.CustomerEdits;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.testkit.ViewWindow;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.Workload;
import ftop.core.store.LocalStore;
import ftop.core.tenant.Tenant;

/**
 * The tenant view shows what the customer page has at tenant level, at 1280x800 with nothing cut
 * off: the customer's workload usage, the Is Enterprise level, user count and origin, the
 * customer's contacts and the tenant's assignments, and a link back to the customer.
 */
class TenantRichViewTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final ViewWindow window = new ViewWindow();

    private final Clock clock = AppFixtures.clock();
    private StoreWorkspace workspace;
    private LocalStore store;
    private BackgroundTasks tasks;
    private TenantViewModel model;
    private final List<Long> opened = new ArrayList<>();

    private void start() throws Exception {
        workspace = window.open(home, Optional.of(DemoUsers.DEMO_USER));
        store = workspace.store();
        tasks = window.tasks();
        window.show(1280, 800, () -> {
            model = new TenantViewModel(workspace, tasks, new CustomerEdits(workspace, tasks, clock),
                    opened::add);
            return new TenantView(model, (owner, title, question, yes) -> true);
        });
    }

    @Test
    void aTenantShowsItsCustomersUsageContactsAndAssignmentsAndLeadsBackToIt() throws Exception {
        start();
        Customer contoso = store.customers().all().stream().filter(c -> c.name().equals("Contoso")).findFirst()
                .orElseThrow();
        Tenant other = store.tenants().byTpid(contoso.tpid()).stream().filter(t -> !t.winner()).findFirst()
                .orElseThrow();
        interact(() -> model.open(other.tenantId()));
        waitUntil("the tenant", () -> other.name().equals(text("#tenantName")));

        assertThat(text("#tenantFacts")).contains(String.format(java.util.Locale.US, "%,d users", other.userCount()))
                .contains("Is Enterprise: " + FlagsSection.label(other.enterpriseLevel()))
                .contains("Origin: " + other.origin().label());
        assertThat(text("#tenantCustomerLink")).isEqualTo("Contoso (TPID " + contoso.tpid() + ")");
        for (Workload w : Workload.values()) {
            assertThat(lookup("#tenantUsage-" + w.name()).tryQuery()).as(w.name()).isPresent();
        }
        assertThat(text("#tenantUsageOverall")).isNotEmpty();
        List<Contact> contacts = store.contacts().byTpid(contoso.tpid());
        assertThat(contacts).isNotEmpty();
        assertThat(lookup("#tenantContacts").queryAll().iterator().next().lookupAll(".tenant-contact"))
                .hasSameSizeAs(contacts);
        assertThat(labels("#tenantContacts")).anySatisfy(t -> assertThat(t).startsWith(contacts.get(0).name()));
        assertThat(lookup("#tenantAssignments").tryQuery()).isPresent();
        assertThat(elided("#tenantView")).as("cut off at 1280x800").isEmpty();

        interact(() -> lookup("#tenantScroll").queryAs(ScrollPane.class).setVvalue(0));
        clickOn("#tenantCustomerLink");
        assertThat(opened).containsExactly(contoso.tpid());
    }

    private List<String> labels(String id) {
        List<String> out = new ArrayList<>();
        for (Node n : lookup(id).lookup((Node node) -> node instanceof Labeled).queryAll()) {
            out.add(((Labeled) n).getText());
        }
        return out;
    }

    private List<String> elided(String id) {
        List<String> cut = new ArrayList<>();
        for (Node n : lookup(id).lookup((Node node) -> node instanceof Labeled).queryAll()) {
            Labeled l = (Labeled) n;
            if (shown(l) && l.getText() != null && !l.getText().isEmpty()
                    && l.lookup(".text") instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText())) {
                cut.add(l.getText() + " -> " + t.getText());
            }
        }
        return cut;
    }

    /** True when the node and every parent are visible: on screen for a person. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String text(String id) {
        return lookup(id).tryQuery().map(n -> n instanceof Labeled l ? l.getText() : "").orElse("");
    }
}
