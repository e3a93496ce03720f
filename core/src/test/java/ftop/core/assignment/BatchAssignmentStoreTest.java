package ftop.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.assignment.BatchPreview.Outcome;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.dataset.Dataset;
import ftop.core.store.LocalStore;
import ftop.core.store.OutboxEntry;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.core.validation.Contoso;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchAssignmentStoreTest {

    static final Clock CLOCK = Clock.fixed(Contoso.TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final User LYNNE = new User("lynne.robbins", "Lynne Robbins", "", Set.of(UserRole.FM), Optional.empty(), false);
    static final Assignment ALEX_ON_FABRIKAM = new Assignment(UUID.fromString("00000000-0000-0000-0000-00000000e002"),
            Contoso.FABRIKAM_TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FTA, "alex.wilber", true,
            Set.of(Contoso.FABRIKAM_TENANT_ID), true);

    @TempDir
    Path dir;
    LocalStore store;

    /** Contoso and Fabrikam with Megan as Contoso's primary FM and Alex as Fabrikam's primary FTA, as synced. */
    static Dataset data() {
        return new Dataset(List.of(Contoso.FM, Contoso.FTA, Contoso.PARTNER, LYNNE),
                List.of(Contoso.CUSTOMER, Contoso.FABRIKAM),
                List.of(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT, Contoso.FABRIKAM_TENANT),
                List.of(), List.of(),
                List.of(Contoso.CUSTOMER_CONTACT, Contoso.MICROSOFT_CONTACT, Contoso.FABRIKAM_CONTACT),
                List.of(Contoso.primaryFm(), ALEX_ON_FABRIKAM), List.of(), List.of());
    }

    @BeforeEach
    void open() {
        store = LocalStore.open(dir, CLOCK);
        store.bulkLoad(data(), 1);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BatchPreview preview(AssignmentEdit edit) {
        return BatchAssignment.preview(List.of(Contoso.TPID, Contoso.FABRIKAM_TPID), edit,
                AssignmentReader.of(store, Contoso.TODAY), EditPermission.anything());
    }

    @Test
    void replaceIsWrittenInOneGoWithItsOutboxEntryAndUndoneWhole() {
        BatchPreview preview = preview(new AssignmentEdit.Replace(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                "lynne.robbins"));
        assertThat(preview.summary()).isEqualTo("1 replaced, 1 unchanged");

        AppliedBatch applied = BatchAssignment.apply(preview, store);

        assertThat(store.assignments().byTpid(Contoso.TPID)).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(Contoso.primaryFm().id());
            assertThat(a.userId()).isEqualTo("lynne.robbins");
            assertThat(a.primary()).isTrue();
            assertThat(a.tenantIds()).containsExactly(Contoso.WINNER_TENANT_ID);
        });
        // The handover is one edit of one field, so it merges with anyone else's change of the scope.
        assertThat(applied.mutations()).singleElement().satisfies(m -> {
            assertThat(m.op()).isEqualTo(Mutation.Op.UPSERT);
            assertThat(m.entityId()).isEqualTo(Contoso.primaryFm().id().toString());
            assertThat(m.fields()).containsOnlyKeys("userId");
            assertThat(m.baseRevision()).isEqualTo(1);
        });
        assertThat(store.outbox().pending(10)).extracting(OutboxEntry::mutation)
                .containsExactlyElementsOf(applied.mutations());

        AppliedBatch undone = applied.undo(store);

        assertThat(store.assignments().byTpid(Contoso.TPID)).containsExactly(Contoso.primaryFm());
        assertThat(store.assignments().get(ALEX_ON_FABRIKAM.id().toString())).contains(ALEX_ON_FABRIKAM);
        assertThat(undone.applied().counts().get(Outcome.REPLACED)).isEqualTo(1);
        // The undo is an edit like any other: it goes to the server too, so the server ends where it started.
        List<Mutation> both = new java.util.ArrayList<>(applied.mutations());
        both.addAll(undone.mutations());
        assertThat(store.outbox().pending(10)).extracting(OutboxEntry::mutation).containsExactlyElementsOf(both);

        undone.undo(store);
        assertThat(store.assignments().byTpid(Contoso.TPID)).extracting(Assignment::userId).containsExactly("lynne.robbins");
    }

    @Test
    void removedRowsComeBackOnUndo() {
        AppliedBatch applied = BatchAssignment.apply(preview(new AssignmentEdit.Unassign(AssignmentArea.CUSTOMER_HEALTH,
                Role.FTA, "alex.wilber")), store);
        assertThat(applied.mutations()).extracting(Mutation::op).containsExactly(Mutation.Op.DELETE);
        assertThat(store.assignments().byTpid(Contoso.FABRIKAM_TPID)).isEmpty();

        applied.undo(store);

        assertThat(store.assignments().byTpid(Contoso.FABRIKAM_TPID)).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo("alex.wilber");
            assertThat(a.primary()).isTrue();
            assertThat(a.tenantIds()).containsExactly(Contoso.FABRIKAM_TENANT_ID);
        });
    }

    @Test
    void aChangedScopeIsWrittenAsADiffAndUndoneToTheFormerScope() {
        BatchPreview preview = preview(new AssignmentEdit.Assign(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                AssignmentScope.EVERYTHING));
        assertThat(preview.lines()).extracting(BatchPreview.Line::outcome).containsExactly(Outcome.CHANGED, Outcome.ADDED);

        AppliedBatch applied = BatchAssignment.apply(preview, store);

        Mutation change = applied.mutations().stream()
                .filter(m -> m.entityId().equals(Contoso.primaryFm().id().toString())).findFirst().orElseThrow();
        assertThat(change.fields()).containsOnlyKeys("tenantIds");
        assertThat(store.assignments().get(Contoso.primaryFm().id().toString()).orElseThrow().tenantIds())
                .containsExactlyInAnyOrder(Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID);
        assertThat(store.assignments().byTpid(Contoso.FABRIKAM_TPID)).hasSize(2);

        applied.undo(store);

        assertThat(store.assignments().get(Contoso.primaryFm().id().toString())).contains(Contoso.primaryFm());
        assertThat(store.assignments().byTpid(Contoso.FABRIKAM_TPID)).containsExactly(ALEX_ON_FABRIKAM);
    }

    @Test
    void refusedAndUnchangedLinesAreNotWritten() {
        EditPermission notFabrikam = (customer, current, area, role) -> customer.tpid() == Contoso.FABRIKAM_TPID
                ? Optional.of("Fabrikam is outside your region.") : Optional.empty();
        BatchPreview preview = BatchAssignment.preview(List.of(Contoso.TPID, Contoso.FABRIKAM_TPID),
                new AssignmentEdit.Unassign(AssignmentArea.CUSTOMER_HEALTH, Role.FTA, "alex.wilber"),
                AssignmentReader.of(store, Contoso.TODAY), notFabrikam);
        assertThat(preview.lines()).extracting(BatchPreview.Line::outcome)
                .containsExactly(Outcome.UNCHANGED, Outcome.REFUSED);

        AppliedBatch applied = BatchAssignment.apply(preview, store);

        assertThat(applied.mutations()).isEmpty();
        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(store.assignments().count()).isEqualTo(2);
    }

    @Test
    void aStalePreviewWritesNothingAndNamesTheCustomer() {
        BatchPreview preview = preview(new AssignmentEdit.Unassign(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen"));
        // Meanwhile Megan's assignment is widened in the dialog.
        Assignment widened = new Assignment(Contoso.primaryFm().id(), Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FM,
                "megan.bowen", true, Set.of(Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID), true);
        store.save(widened);

        assertThatThrownBy(() -> BatchAssignment.apply(preview, store))
                .isInstanceOf(StaleBatchException.class)
                .hasMessageContaining("Contoso")
                .hasMessageContaining("nothing was written");
        assertThat(store.assignments().get(widened.id().toString())).contains(widened);
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void undoIsRefusedWhenAnAssignmentWasEditedSinceSoThatEditIsKept() {
        AppliedBatch applied = BatchAssignment.apply(preview(new AssignmentEdit.Assign(AssignmentArea.ONBOARDING, Role.FE,
                "lynne.robbins", AssignmentScope.CUSTOMER)), store);
        Assignment added = applied.applied().saves().get(0);
        Assignment edited = new Assignment(added.id(), added.tpid(), added.area(), added.role(), added.userId(), true,
                Set.of(Contoso.SECOND_TENANT_ID), false);
        store.save(edited);

        assertThatThrownBy(() -> applied.undo(store)).isInstanceOf(StaleBatchException.class)
                .hasMessageContaining("Contoso");
        assertThat(store.assignments().get(added.id().toString())).contains(edited);
        assertThat(store.assignments().byTpid(Contoso.FABRIKAM_TPID)).hasSize(2);
    }

    @Test
    void theStoreReaderGivesTheAssignmentsOfASmallOrALargeSelection() {
        AssignmentReader reader = AssignmentReader.of(store, Contoso.TODAY);

        // One customer of two is read customer by customer, both by one pass over all assignments.
        assertThat(reader.assignmentsOf(List.of(Contoso.FABRIKAM_TPID))).containsExactly(ALEX_ON_FABRIKAM);
        assertThat(reader.assignmentsOf(List.of(Contoso.TPID, Contoso.FABRIKAM_TPID)))
                .containsExactlyInAnyOrder(Contoso.primaryFm(), ALEX_ON_FABRIKAM);
        assertThat(reader.assignmentsOf(List.of(Contoso.TPID, 4242L))).containsExactly(Contoso.primaryFm());
        assertThat(reader.context().customer(Contoso.TPID)).contains(Contoso.CUSTOMER);
    }

    @Test
    void previewReadsFromTheStore() {
        BatchPreview preview = preview(new AssignmentEdit.Unassign(AssignmentArea.CUSTOMER_HEALTH, Role.FTA, "alex.wilber"));

        assertThat(preview.deletes()).containsExactly(ALEX_ON_FABRIKAM);
        assertThat(preview.lines(Outcome.REMOVED).get(0).customerName()).isEqualTo("Fabrikam");
        assertThat(EntityKind.ASSIGNMENT.idOf(preview.deletes().get(0))).isEqualTo(ALEX_ON_FABRIKAM.id().toString());
    }
}
