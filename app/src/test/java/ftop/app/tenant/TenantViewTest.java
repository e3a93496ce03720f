package ftop.app.tenant;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.TextArea;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import ftop.app.AppFixtures;
import ftop.app.customer.CustomerEdits;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.testkit.ViewWindow;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.dataset.DemoUsers;
import ftop.core.store.LocalStore;
import ftop.core.tenant.Tenant;

/**
 * The Tenant tab on its own, on a real local store: who may write a status, and that opening
 * another tenant with a status typed asks first.
 */
class TenantViewTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final ViewWindow window = new ViewWindow();

    private final Clock clock = AppFixtures.clock();
    private StoreWorkspace workspace;
    private LocalStore store;
    private BackgroundTasks tasks;
    private TenantViewModel model;
    private final List<Boolean> answers = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();

    private void start(String user) throws Exception {
        workspace = window.open(home, Optional.of(user));
        store = workspace.store();
        tasks = window.tasks();
        window.show(1200, 900, () -> {
            model = new TenantViewModel(workspace, tasks, new CustomerEdits(workspace, tasks, clock),
                    tpid -> { });
            return new TenantView(model, (owner, title, question, yes) -> {
                asked.add(question);
                return answers.isEmpty() ? false : answers.remove(0);
            });
        });
    }

    @Test
    void aUserWithoutPermissionCannotAddAStatus() throws Exception {
        start(DemoUsers.LEE_GU);
        Tenant winner = contosoTenant(true);
        interact(() -> model.openForNewStatus(winner.tenantId()));
        waitUntil("the tenant", () -> winner.name().equals(label("#tenantName")));

        assertThat(lookup("#statusEditor").tryQuery()).isEmpty();
        assertThat(label("#statusReadOnly")).startsWith("You cannot add a status here: Only the health FM or FTA");
        int notes = store.notes().byTpid(winner.tpid()).size();
        List<List<ftop.core.validation.Problem>> answered = new ArrayList<>();
        interact(() -> model.saveNote("Sneaked in", "", "", answered::add));
        assertThat(answered).hasSize(1);
        assertThat(answered.get(0)).isNotEmpty();
        assertThat(store.notes().byTpid(winner.tpid())).hasSize(notes);
    }

    @Test
    void theEditorIsOnlyOnTheWinnerTenantAndOpeningAnotherTenantWithAStatusTypedAsks() throws Exception {
        start(DemoUsers.DEMO_USER);
        Tenant winner = contosoTenant(true);
        Tenant other = contosoTenant(false);
        interact(() -> model.openForNewStatus(winner.tenantId()));
        waitUntil("the focus in the editor", () -> lookup("#newSummary").tryQuery().map(n -> n.isFocused()).orElse(false));
        write("Typed, not saved");

        answers.add(false);
        interact(() -> model.open(other.tenantId()));
        assertThat(asked).hasSize(1);
        assertThat(label("#tenantName")).isEqualTo(winner.name());
        assertThat(lookup("#newSummary").queryAs(TextArea.class).getText()).isEqualTo("Typed, not saved");

        answers.add(true);
        interact(() -> model.open(other.tenantId()));
        waitUntil("the other tenant", () -> other.name().equals(label("#tenantName")));
        assertThat(lookup("#statusEditor").tryQuery()).isEmpty();
        assertThat(label("#notesElsewhere")).contains(winner.name());

        interact(() -> model.open(winner.tenantId()));
        waitUntil("the winner again", () -> winner.name().equals(label("#tenantName")));
        assertThat(asked).hasSize(2);
        assertThat(lookup("#newSummary").queryAs(TextArea.class).getText()).isEmpty();
    }

    private Tenant contosoTenant(boolean winner) {
        long tpid = store.customers().all().stream().filter(c -> c.name().equals("Contoso")).findFirst().orElseThrow()
                .tpid();
        return store.tenants().byTpid(tpid).stream().filter(t -> t.winner() == winner).findFirst().orElseThrow();
    }
}
