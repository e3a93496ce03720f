package ftop.app.assignment;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;
import ftop.core.tenant.Tenant;

/** Drives the assignment dialog of one customer on a real store, as the walk-through does. */
class AssignmentDialogTest extends AssignmentFx {

    @TempDir
    Path home;

    private Customer contoso;
    private final AtomicBoolean closed = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        open(home, DemoUsers.LEE_GU);
        contoso = customer("Contoso");
        AssignmentEditor editor = AssignmentDialog.load(workspace, contoso.tpid(), AppFixtures.TODAY);
        show(() -> new AssignmentDialog(editor, AssignmentDialog.saver(workspace, tasks), () -> closed.set(true)));
    }

    private List<Assignment> stored() {
        return store.assignments().byTpid(contoso.tpid());
    }

    private Optional<Assignment> storedFor(String user, Role role) {
        return stored().stream().filter(a -> a.userId().equals(user) && a.role() == role).findFirst();
    }

    @Test
    void addWithAutoCompleteTickTheWinnerTenantAndSaveWritesOneRowAndItsOutboxEntry() {
        assertThat(storedFor(DemoUsers.ISAIAH_LANGER, Role.FTA)).isEmpty();
        int pendingBefore = store.outbox().pendingCount();
        clickOn("#roleBox").clickOn("FastTrack Architect");
        clickOn("#userField").write("Isaia");
        waitUntil("Isaiah Langer in the list", () -> lookup("Isaiah Langer (isaiah.langer)").tryQuery().isPresent());
        clickOn("Isaiah Langer (isaiah.langer)");
        assertThat(lookup("#userField").queryTextInputControl().getText()).isEqualTo("Isaiah Langer (isaiah.langer)");
        clickOn("#addButton");

        String key = "FTA_isaiah_langer";
        CheckBox customerBox = lookup("#customer-" + key).queryAs(CheckBox.class);
        assertThat(customerBox.isSelected()).as("a new assignment starts on the customer").isTrue();
        Tenant winner = store.tenants().byTpid(contoso.tpid()).stream().filter(Tenant::winner).findFirst().orElseThrow();
        CheckBox winnerBox = lookup("#tenant-" + key + "-0").queryAs(CheckBox.class);
        assertThat(winnerBox.getText()).startsWith(winner.name());
        clickOn(winnerBox);
        assertThat(storedFor(DemoUsers.ISAIAH_LANGER, Role.FTA)).as("nothing is written before Save").isEmpty();

        clickOn("#saveButton");
        waitUntil("the dialog to close", closed::get);

        Assignment saved = storedFor(DemoUsers.ISAIAH_LANGER, Role.FTA).orElseThrow();
        assertThat(saved.area()).isEqualTo(AssignmentArea.CUSTOMER_HEALTH);
        assertThat(saved.customerScope()).isTrue();
        assertThat(saved.tenantIds()).containsExactly(winner.tenantId());
        assertThat(store.outbox().pendingCount()).isEqualTo(pendingBefore + 1);
    }

    @Test
    void expandARoleToDeleteAPersonAndSaveDeletesTheRow() {
        Assignment existing = stored().get(0);
        String group = "#group-" + existing.area().name() + "_" + existing.role().name();
        clickOn(group);
        String key = AssignmentDialog.idPart(existing.role().name() + "_" + existing.userId());
        waitUntil("the delete button", () -> lookup("#delete-" + key).tryQuery().map(n -> n.isVisible()).orElse(false));
        clickOn("#delete-" + key);
        assertThat(lookup("#delete-" + key).tryQuery()).isEmpty();

        clickOn("#saveButton");
        waitUntil("the dialog to close", closed::get);

        assertThat(stored()).extracting(Assignment::id).doesNotContain(existing.id());
    }

    @Test
    void cancelDiscardsEverythingAdded() {
        List<Assignment> before = stored();
        clickOn("#userField").write(DemoUsers.DIEGO_SICILIANI).type(KeyCode.ENTER);
        assertThat(lookup("#customer-FM_diego_siciliani").tryQuery()).isPresent();

        clickOn("#cancelButton");

        assertThat(closed).isTrue();
        assertThat(stored()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void anAssignmentTickedNowhereBlocksSaveWithTheReasonAndPrimaryWarningsShowLive() {
        clickOn("#userField").write("Diego Siciliani");
        clickOn("#addButton");
        assertThat(lookup("#customer-FM_diego_siciliani").queryAs(CheckBox.class).isSelected()).isTrue();
        clickOn("#customer-FM_diego_siciliani");
        assertThat(lookup("#customer-FM_diego_siciliani").queryAs(CheckBox.class).isSelected()).isFalse();

        assertThat(lookup("#saveButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(lookup("#problemLabel").queryAs(Label.class).getText()).startsWith("Diego Siciliani as FastTrack Manager");

        clickOn("#customer-FM_diego_siciliani");
        assertThat(lookup("#problemLabel").queryAs(Label.class).getText()).isEmpty();
        assertThat(lookup("#saveButton").queryAs(Button.class).isDisabled()).isFalse();

        clickOn("#primary-FM_diego_siciliani");
        assertThat(lookup(".assignment-warning").queryAll()).extracting(n -> ((Label) n).getText())
                .anyMatch(text -> text.contains("diego.siciliani should be assigned on the winner tenant"));
    }

    @Test
    void anUnknownPersonIsNotAdded() {
        clickOn("#userField").write("Nobody Atall");
        clickOn("#addButton");

        assertThat(lookup("#addMessage").queryAs(Label.class).getText()).contains("There is no user \"Nobody Atall\"");
        assertThat(lookup("#saveButton").queryAs(Button.class).isDisabled()).isTrue();
    }
}
