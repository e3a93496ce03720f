package ftop.app.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.change.EntityKind;
import ftop.core.store.RowRef;
import ftop.core.validation.Contoso;

class AssignmentEditorTest {

    private AssignmentEditor editor(List<Assignment> current, Optional<String> refusal) {
        return new AssignmentEditor(Contoso.CUSTOMER, List.of(Contoso.SECOND_TENANT, Contoso.WINNER_TENANT), current,
                List.of(Contoso.FM, Contoso.FTA), Contoso.context(), refusal);
    }

    @Test
    void addFindsThePersonByTheSuggestionAndScopesToTheCustomer() {
        AssignmentEditor editor = editor(List.of(), Optional.empty());
        assertThat(editor.suggestions("wil")).containsExactly("Alex Wilber (alex.wilber)");

        assertThat(editor.add(AssignmentArea.CUSTOMER_HEALTH, Role.FTA, "Alex Wilber (alex.wilber)")).isEmpty();

        Assignment added = editor.assignments().get(0);
        assertThat(added.userId()).isEqualTo("alex.wilber");
        assertThat(added.customerScope()).isTrue();
        assertThat(editor.saves()).containsExactly(added);
        assertThat(editor.tenants().get(0)).isEqualTo(Contoso.WINNER_TENANT);
        assertThat(editor.warnings()).anyMatch(w -> w.startsWith("No primary FM/FTA"));
    }

    @Test
    void unknownPeopleRolesAndDuplicatesAreRefusedWithAReason() {
        AssignmentEditor editor = editor(List.of(), Optional.empty());
        assertThat(editor.add(AssignmentArea.CUSTOMER_HEALTH, Role.FTA, "nobody")).get().asString()
                .contains("There is no user \"nobody\"");
        assertThat(editor.add(AssignmentArea.PARTNER, Role.FM, "megan.bowen")).get().asString()
                .contains("Partner area");
        assertThat(editor.add(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen")).isEmpty();
        assertThat(editor.add(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "Megan Bowen")).get().asString()
                .contains("already");
        assertThat(editor.assignments()).hasSize(1);
    }

    @Test
    void primaryOffTheWinnerWarnsAndTickingTheWinnerClearsIt() {
        AssignmentEditor editor = editor(List.of(), Optional.empty());
        editor.add(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen");
        UUID id = editor.assignments().get(0).id();
        editor.setPrimary(id, true);
        assertThat(editor.warnings()).anyMatch(w -> w.contains("winner tenant"));

        editor.setTenant(id, Contoso.WINNER_TENANT_ID, true);

        assertThat(editor.warnings()).isEmpty();
        assertThat(editor.problems()).isEmpty();
    }

    @Test
    void anAssignmentScopedNowhereBlocksSave() {
        AssignmentEditor editor = editor(List.of(), Optional.empty());
        editor.add(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen");
        editor.setCustomerScope(editor.assignments().get(0).id(), false);

        assertThat(editor.problems()).isNotEmpty().allMatch(p -> p.startsWith("Megan Bowen as FastTrack Manager"));
    }

    @Test
    void deletingAStoredAssignmentDeletesItsRowAndUndoingAllChangesIsNotDirty() {
        Assignment stored = Contoso.primaryFm();
        AssignmentEditor editor = editor(List.of(stored), Optional.empty());
        assertThat(editor.dirty()).isFalse();

        editor.delete(stored.id());

        assertThat(editor.dirty()).isTrue();
        assertThat(editor.deletes()).containsExactly(new RowRef(EntityKind.ASSIGNMENT, stored.id().toString()));
        assertThat(editor.saves()).isEmpty();
    }

    @Test
    void aRefusedUserCannotAddAndSaveIsBlocked() {
        AssignmentEditor editor = editor(List.of(), Optional.of("Only the assignment team may change this."));
        assertThat(editor.add(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen")).contains(
                "Only the assignment team may change this.");
        assertThat(editor.problems()).containsExactly("Only the assignment team may change this.");
    }

    @Test
    void aDraftKeepsWhatWasAddedChangedAndDeletedAndPutsItBackOnTopOfTheStoredAssignments() {
        Assignment fm = Contoso.primaryFm();
        AssignmentEditor editor = editor(List.of(fm), Optional.empty());
        editor.add(AssignmentArea.CUSTOMER_HEALTH, Role.FTA, "alex.wilber");
        UUID added = editor.assignments().stream().filter(a -> a.role() == Role.FTA).findFirst().orElseThrow().id();
        editor.setTenant(added, Contoso.WINNER_TENANT_ID, true);
        ftop.core.store.Draft draft = new ftop.core.store.Draft("assignments", Long.toString(Contoso.TPID),
                Contoso.TPID, editor.draftValues(), editor.draftBase(), java.time.Instant.EPOCH);
        assertThat(draft.changes()).containsOnlyKeys(added.toString());

        // later the FM is deleted in the dialog too: the draft says so with an empty value
        editor.delete(fm.id());
        ftop.core.store.Draft later = new ftop.core.store.Draft("assignments", Long.toString(Contoso.TPID),
                Contoso.TPID, editor.draftValues(), editor.draftBase(), java.time.Instant.EPOCH);
        assertThat(later.changes()).containsEntry(fm.id().toString(), "").containsKey(added.toString());

        // a new dialog on the assignments as stored now takes the changes back
        AssignmentEditor reopened = editor(List.of(fm), Optional.empty());
        assertThat(reopened.restore(later.changes())).isEqualTo(2);
        assertThat(reopened.assignments()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(added);
            assertThat(a.tenantIds()).containsExactly(Contoso.WINNER_TENANT_ID);
        });
        assertThat(reopened.deletes()).containsExactly(new RowRef(EntityKind.ASSIGNMENT, fm.id().toString()));
        assertThat(later.baseDiffersFrom(reopened.draftBase())).isFalse();

        // someone who may not change the assignments gets nothing back
        assertThat(editor(List.of(fm), Optional.of("Not yours.")).restore(later.changes())).isZero();
    }
}
