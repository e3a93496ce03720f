package ftop.app.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.customer.Customer;
import ftop.core.store.LocalStore;
import ftop.core.store.RowRef;
import ftop.core.validation.Problem;

/** The undo stack over a real local store in a temporary folder; tasks run at once. */
class CustomerEditsTest {

    @TempDir
    Path home;

    private StoreWorkspace workspace;
    private LocalStore store;
    private CustomerEdits edits;
    private long tpid;
    private final List<List<Problem>> problems = new ArrayList<>();

    @BeforeEach
    void open() {
        workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY, AppFixtures.clock());
        store = workspace.store();
        edits = new CustomerEdits(workspace, BackgroundTasks.immediate(), AppFixtures.clock());
        tpid = store.customers().all().stream().filter(c -> c.name().equals("Contoso")).findFirst()
                .map(Customer::tpid).orElseThrow();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void undoOfANewRowRemovesItAndIsQueuedForTheServer() {
        Contact added = new Contact(UUID.randomUUID(), tpid, ContactKind.CUSTOMER, "Ana Souza", "CTO", "", "");
        CustomerEdits.Edit edit = save("Contact Ana Souza added", List.of(added), List.of());
        assertThat(edits.latest(tpid)).contains(edit);

        edits.undo(edit, problems::add);

        assertThat(problems).isEmpty();
        assertThat(store.contacts().get(added.id().toString())).isEmpty();
        assertThat(edits.latest(tpid)).isEmpty();
        assertThat(store.outbox().pending(10)).extracting(e -> e.mutation().op()).contains(Mutation.Op.DELETE);
    }

    @Test
    void undoOfAChangeOrARemovalPutsTheOldRowBack() {
        Contact before = store.contacts().byTpid(tpid).get(0);
        Contact renamed = new Contact(before.id(), tpid, before.kind(), "Renamed", before.title(), before.email(),
                before.phone());
        CustomerEdits.Edit change = save("changed", List.of(renamed), List.of());
        CustomerEdits.Edit removal = save("removed", List.of(), List.of(RowRef.of(renamed)));
        assertThat(store.contacts().get(before.id().toString())).isEmpty();

        // newest first: the removal, then the rename
        assertThat(edits.latest(tpid)).contains(removal);
        edits.undo(removal, problems::add);
        assertThat(store.contacts().get(before.id().toString())).contains(renamed);
        assertThat(edits.latest(tpid)).contains(change);
        edits.undo(change, problems::add);
        assertThat(store.contacts().get(before.id().toString())).contains(before);
        assertThat(problems).isEmpty();
        assertThat(store.outbox().pending(10)).extracting(e -> e.mutation().kind()).containsOnly(EntityKind.CONTACT);
    }

    @Test
    void anUndoThatCannotBeWrittenSaysWhyAndStaysUndoable() {
        Contact added = new Contact(UUID.randomUUID(), tpid, ContactKind.CUSTOMER, "Ana Souza", "", "", "");
        CustomerEdits.Edit edit = save("added", List.of(added), List.of());
        // someone removes it meanwhile (a sync): there is nothing left to remove
        store.delete(EntityKind.CONTACT, added.id().toString());

        edits.undo(edit, problems::add);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get(0).message()).startsWith("Nothing was undone");
        assertThat(edits.latest(tpid)).contains(edit);
    }

    @Test
    void anInvalidEditIsRefusedAndNotUndoable() {
        Contact nameless = new Contact(UUID.randomUUID(), tpid, ContactKind.CUSTOMER, "", "", "", "");
        edits.save("added", tpid, new CustomerEdits.Change(List.of(nameless), List.of()),
                e -> { throw new AssertionError("saved"); }, problems::add);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).extracting(Problem::field).contains("name");
        assertThat(edits.latest(tpid)).isEmpty();
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void editsOfOtherCustomersAreNotOfferedAndOldOnesFallOff() {
        for (int i = 0; i <= CustomerEdits.KEPT; i++) {
            save("added " + i, List.of(new Contact(UUID.randomUUID(), tpid, ContactKind.CUSTOMER, "Person " + i,
                    "", "", "")), List.of());
        }
        assertThat(edits.latest(tpid).map(CustomerEdits.Edit::what)).contains("added " + CustomerEdits.KEPT);
        assertThat(edits.latest(tpid + 1)).isEmpty();
        int undone = 0;
        while (edits.latest(tpid).isPresent()) {
            edits.undo(edits.latest(tpid).get(), problems::add);
            undone++;
        }
        assertThat(undone).isEqualTo(CustomerEdits.KEPT);
        assertThat(store.contacts().byTpid(tpid)).extracting(Contact::name).contains("Person 0");
    }

    private CustomerEdits.Edit save(String what, List<?> saves, List<RowRef> deletes) {
        List<CustomerEdits.Edit> saved = new ArrayList<>();
        edits.save(what, tpid, new CustomerEdits.Change(saves, deletes), saved::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(saved).hasSize(1);
        return saved.get(0);
    }
}
