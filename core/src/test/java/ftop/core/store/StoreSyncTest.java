package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static ftop.core.store.StoreTestData.contoso;
import static ftop.core.store.StoreTestData.renamed;
import static ftop.core.store.StoreTestData.withArea;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.Json;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CxpWatchlist;
import ftop.core.validation.Contoso;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How pulls and server answers meet the user's pending edits. */
class StoreSyncTest {

    @TempDir
    Path dir;

    private static JsonNode nested(Object entity) {
        return Json.mapper().valueToTree(entity);
    }

    private static JsonNode flat(Object entity) {
        ObjectNode node = Json.mapper().createObjectNode();
        EntityCodec.fields(entity).forEach(node::set);
        return node;
    }

    private static RemoteRow row(Object entity, long revision) {
        EntityKind kind = EntityKind.of(entity);
        return new RemoteRow(kind, kind.idOf(entity), kind.tpidOf(entity), revision, nested(entity));
    }

    private LocalStore loaded() {
        LocalStore store = LocalStore.open(dir, CLOCK);
        store.bulkLoad(contoso(), 10);
        return store;
    }

    @Test
    void aPullReplacesServerCopiesAddsRowsAndMovesTheCursor() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            Customer renamedFabrikam = renamed(Contoso.FABRIKAM, "Fabrikam Group");
            store.applyPull(List.of(row(Contoso.CUSTOMER, 11), row(Contoso.FABRIKAM, 12)), Set.of(), 12);
            store.applyPull(List.of(new RemoteRow(EntityKind.CUSTOMER, "2002", 2002, 13, flat(renamedFabrikam))),
                    Set.of(), 13);

            assertThat(store.customers().all()).containsExactly(Contoso.CUSTOMER, renamedFabrikam);
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "2002")).isEqualTo(13);
            assertThat(store.cursor()).isEqualTo(13);
            assertThat(store.outbox().pendingCount()).isZero();
        }
    }

    @Test
    void anAppliedPullKeepsWhoChangedEachRowAndWhenAndSaysWhatOthersChanged() {
        Instant at = Instant.parse("2026-03-02T14:05:00Z");
        Customer renamedFabrikam = renamed(Contoso.FABRIKAM, "Fabrikam Group");
        try (LocalStore store = loaded()) {
            EntityKind health = EntityKind.HEALTH;
            RemoteRow fabrikam = new RemoteRow(EntityKind.CUSTOMER, "2002", 2002, 11, nested(renamedFabrikam),
                    "lee.gu", at);
            RemoteRow mine = new RemoteRow(EntityKind.CUSTOMER, Long.toString(Contoso.TPID), Contoso.TPID, 12,
                    nested(Contoso.CUSTOMER), "megan.bowen", at.plusSeconds(60));
            // A row with an edit of the user's waiting keeps that edit on top, and who changed its server copy.
            store.save(withArea(Contoso.CUSTOMER, "US West"));
            RemoteRow healthRow = new RemoteRow(health, Long.toString(Contoso.TPID), Contoso.TPID, 13,
                    nested(store.health().get(Long.toString(Contoso.TPID)).orElseThrow()), "lee.gu", at.plusSeconds(120));
            store.applyPull(List.of(fabrikam, mine, healthRow), Set.of(), 13);

            assertThat(store.changesByOthers("megan.bowen", at)).containsExactly(
                    new RemoteChange(health, Long.toString(Contoso.TPID), Contoso.TPID, "lee.gu", at.plusSeconds(120),
                            Set.of()),
                    // what the change altered, against the server copy held before it
                    new RemoteChange(EntityKind.CUSTOMER, "2002", 2002, "lee.gu", at, Set.of("name")));
            assertThat(store.customers().get(Long.toString(Contoso.TPID)).orElseThrow().area()).isEqualTo("US West");
            // Older than asked, or the user's own: not among them.
            assertThat(store.changesByOthers("megan.bowen", at.plusSeconds(61))).extracting(RemoteChange::kind)
                    .containsExactly(health);
            assertThat(store.changesByOthers("lee.gu", at)).extracting(RemoteChange::changedBy)
                    .containsExactly("megan.bowen");

            // A later revision whose author the server does not say forgets the earlier author.
            store.applyPull(List.of(row(renamedFabrikam, 14)), Set.of(), 14);
            assertThat(store.changesByOthers("megan.bowen", at)).extracting(RemoteChange::kind).containsExactly(health);

            // The user's own edit taken by the server: its copy is the user's change, no longer the colleague's.
            CustomerHealth current = store.health().get(Long.toString(Contoso.TPID)).orElseThrow();
            CxpWatchlist other = current.progress().cxpWatchlist().orElse(null) == CxpWatchlist.CRITICAL
                    ? CxpWatchlist.GRADUATED : CxpWatchlist.CRITICAL;
            CustomerHealth edited = EntityCodec.apply(current,
                    java.util.Map.of("progress.cxpWatchlist", TextNode.valueOf(other.name())));
            Mutation mutation = store.save(edited);
            store.outbox().markApplied(mutation.id(), 15, nested(edited));
            assertThat(store.changesByOthers("megan.bowen", at)).isEmpty();
        }
        // Kept in the workspace file.
        try (LocalStore reopened = LocalStore.open(dir, CLOCK)) {
            reopened.applyPull(List.of(new RemoteRow(EntityKind.CUSTOMER, "2002", 2002, 16, nested(Contoso.FABRIKAM),
                    "lee.gu", at.plusSeconds(300))), Set.of(), 16);
        }
        try (LocalStore reopened = LocalStore.open(dir, CLOCK)) {
            assertThat(reopened.changesByOthers("megan.bowen", at)).singleElement()
                    .satisfies(c -> assertThat(c.changedAt()).isEqualTo(at.plusSeconds(300)))
                    .satisfies(c -> assertThat(c.fields()).containsExactly("name"));
        }
    }

    @Test
    void aFreshSyncReplacesTheServerCopiesKeepsEveryEditAndDropsWhatTheServerNoLongerHas() {
        Customer northwind = new Customer(3003, "Northwind", Contoso.FABRIKAM.segment(), Contoso.FABRIKAM.region(),
                Contoso.FABRIKAM.vertical(), "", Contoso.FABRIKAM.phase(), List.of());
        try (LocalStore store = loaded()) {
            store.adoptServerId("old-server");
            store.save(withArea(Contoso.CUSTOMER, "US West"));
            store.save(renamed(Contoso.FABRIKAM, "Fabrikam Mine"));
            store.save(northwind);
            assertThat(store.contacts().all()).isNotEmpty();

            store.beginResync("new-server");

            assertThat(store.cursor()).isZero();
            assertThat(store.serverId()).contains("new-server");
            assertThat(store.resyncing()).isTrue();
            assertThat(store.customers().all()).as("rows stay visible meanwhile").hasSize(3);
            assertThat(store.contacts().all()).isNotEmpty();
        }
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            assertThat(store.resyncing()).as("a fresh sync cut short resumes").isTrue();
            // The new server counts revisions from the start again, holds Contoso renamed and nothing else.
            store.applyPull(List.of(row(renamed(Contoso.CUSTOMER, "Contoso New"), 3)), Set.of(), 3);
            Customer contoso = store.customers().get("1001").orElseThrow();
            assertThat(contoso.name()).isEqualTo("Contoso New");
            assertThat(contoso.area()).isEqualTo("US West");

            int gone = store.finishResync();

            assertThat(gone).isPositive();
            assertThat(store.resyncing()).isFalse();
            assertThat(store.finishResync()).isZero();
            assertThat(store.contacts().all()).isEmpty();
            assertThat(store.customers().get("3003")).contains(northwind);
            assertThat(store.customers().get("1001").orElseThrow().area()).isEqualTo("US West");
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(3);
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "2002")).isZero();
            assertThat(store.outbox().pendingCount()).as("every edit is kept, to be sent again").isEqualTo(3);
            assertThat(store.cursor()).isEqualTo(3);
        }
    }

    @Test
    void aPullKeepsPendingEditsOnTopOfTheNewServerCopy() {
        try (LocalStore store = loaded()) {
            store.save(withArea(Contoso.CUSTOMER, "US West"));
            // Meanwhile someone renamed the customer on the server.
            store.applyPull(List.of(row(renamed(Contoso.CUSTOMER, "Contoso Group"), 20)), Set.of(), 20);

            Customer seen = store.customers().get("1001").orElseThrow();
            assertThat(seen.name()).isEqualTo("Contoso Group");
            assertThat(seen.area()).isEqualTo("US West");
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(20);
            assertThat(store.outbox().pending(10)).singleElement()
                    .satisfies(e -> assertThat(e.mutation().fields()).containsOnlyKeys("area"));
        }
    }

    @Test
    void aPullKeepsALocallyCreatedRowAndALocalDelete() {
        try (LocalStore store = loaded()) {
            Customer northwind = new Customer(3003, "Northwind", Contoso.FABRIKAM.segment(), Contoso.FABRIKAM.region(),
                    Contoso.FABRIKAM.vertical(), "", Contoso.FABRIKAM.phase(), List.of());
            store.save(northwind);
            store.delete(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString());

            store.applyPull(List.of(row(Contoso.MICROSOFT_CONTACT, 15)), Set.of(), 15);

            assertThat(store.customers().get("3003")).contains(northwind);
            assertThat(store.contacts().get(Contoso.MICROSOFT_CONTACT_ID.toString())).isEmpty();
            assertThat(store.revisionOf(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString())).isEqualTo(15);
        }
    }

    @Test
    void aTombstoneRemovesTheRow() {
        try (LocalStore store = loaded()) {
            String id = Contoso.MICROSOFT_CONTACT_ID.toString();
            store.applyPull(List.of(new RemoteRow(EntityKind.CONTACT, id, Contoso.TPID, 11, null)), Set.of(), 11);

            assertThat(store.contacts().get(id)).isEmpty();
            assertThat(store.revisionOf(EntityKind.CONTACT, id)).isZero();
        }
    }

    @Test
    void anOlderRevisionThanTheOneHeldIsIgnored() {
        try (LocalStore store = loaded()) {
            store.applyPull(List.of(row(renamed(Contoso.CUSTOMER, "Old name"), 5)), Set.of(), 11);

            assertThat(store.customers().get("1001")).contains(Contoso.CUSTOMER);
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(10);
            assertThat(store.cursor()).isEqualTo(11);
        }
    }

    @Test
    void droppedCustomersLeaveTheCacheWithAllTheirRows() {
        try (LocalStore store = loaded()) {
            store.applyPull(List.of(), Set.of(Contoso.TPID), 11);

            assertThat(store.customers().all()).containsExactly(Contoso.FABRIKAM);
            assertThat(store.tenants().byTpid(Contoso.TPID)).isEmpty();
            assertThat(store.contacts().byTpid(Contoso.TPID)).isEmpty();
            assertThat(store.health().count()).isZero();
            assertThat(store.notes().count()).isZero();
            assertThat(store.assignments().count()).isZero();
            assertThat(store.tenants().byTpid(Contoso.FABRIKAM_TPID)).containsExactly(Contoso.FABRIKAM_TENANT);
            assertThat(store.users().count()).isEqualTo(3);
        }
    }

    @Test
    void anUnreadableServerRowChangesNothing() {
        try (LocalStore store = loaded()) {
            ObjectNode garbage = (ObjectNode) nested(Contoso.FABRIKAM);
            garbage.put("segment", "NOT_A_SEGMENT");

            assertThatThrownBy(() -> store.applyPull(List.of(row(renamed(Contoso.CUSTOMER, "Changed"), 11),
                    new RemoteRow(EntityKind.CUSTOMER, "2002", 2002, 12, garbage)), Set.of(555L), 12))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("customer \"2002\"")
                    .hasMessageContaining("segment");

            assertThat(store.customers().all()).containsExactly(Contoso.CUSTOMER, Contoso.FABRIKAM);
            assertThat(store.cursor()).isEqualTo(10);
        }
    }

    @Test
    void aServerRowUnderTheWrongIdIsRefused() {
        try (LocalStore store = loaded()) {
            assertThatThrownBy(() -> store.applyPull(
                    List.of(new RemoteRow(EntityKind.CUSTOMER, "2002", 2002, 12, nested(Contoso.CUSTOMER))), Set.of(), 12))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("whose own id is \"1001\"");
            assertThat(store.cursor()).isEqualTo(10);
        }
    }

    @Test
    void pendingIsOldestFirstAndLimited() {
        try (LocalStore store = loaded()) {
            Mutation first = store.save(withArea(Contoso.CUSTOMER, "US West"));
            Mutation second = store.save(withArea(Contoso.FABRIKAM, "London"));
            Mutation third = store.save(renamed(withArea(Contoso.CUSTOMER, "US West"), "Contoso Ltd"));

            assertThat(store.outbox().pending(2)).extracting(e -> e.mutation().id()).containsExactly(first.id(), second.id());
            assertThat(store.outbox().pending(10)).extracting(e -> e.mutation().id())
                    .containsExactly(first.id(), second.id(), third.id());
            assertThat(store.outbox().pendingCount()).isEqualTo(3);
            assertThat(store.outbox().problems()).isEmpty();
        }
    }

    @Test
    void markAppliedMakesTheEditTheServerCopy() {
        try (LocalStore store = loaded()) {
            Customer edited = withArea(Contoso.CUSTOMER, "US West");
            Mutation mutation = store.save(edited);

            store.outbox().markApplied(mutation.id(), 21, nested(edited));

            assertThat(store.outbox().pendingCount()).isZero();
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(21);
            assertThat(store.customers().get("1001")).contains(edited);
            // A repeated answer (after a retried push) changes nothing.
            store.outbox().markApplied(mutation.id(), 21, nested(edited));
            assertThat(store.customers().get("1001")).contains(edited);
        }
    }

    @Test
    void markAppliedKeepsLaterEditsOfTheSameRowOnTop() {
        try (LocalStore store = loaded()) {
            Customer firstEdit = withArea(Contoso.CUSTOMER, "US West");
            Mutation first = store.save(firstEdit);
            store.save(renamed(firstEdit, "Contoso Ltd"));

            store.outbox().markApplied(first.id(), 21, flat(firstEdit));

            assertThat(store.customers().get("1001")).contains(renamed(firstEdit, "Contoso Ltd"));
            assertThat(store.outbox().pending(10)).singleElement()
                    .satisfies(e -> assertThat(e.mutation().fields()).containsOnlyKeys("name"));
        }
    }

    @Test
    void anAppliedDeleteRemovesTheRow() {
        try (LocalStore store = loaded()) {
            String id = Contoso.MICROSOFT_CONTACT_ID.toString();
            Mutation delete = store.delete(EntityKind.CONTACT, id);

            store.outbox().markApplied(delete.id(), 22, null);

            assertThat(store.contacts().get(id)).isEmpty();
            assertThat(store.outbox().pendingCount()).isZero();
            assertThat(store.contacts().count()).isEqualTo(2);
        }
    }

    /** The user changed name and area; someone else changed the name meanwhile. */
    private Mutation conflictOnName(LocalStore store) {
        Customer mine = renamed(withArea(Contoso.CUSTOMER, "US West"), "Contoso (mine)");
        Mutation mutation = store.save(mine);
        Customer theirs = renamed(Contoso.CUSTOMER, "Contoso (theirs)");
        store.outbox().markConflict(mutation.id(),
                List.of(new ConflictField("name", TextNode.valueOf("Contoso (mine)"), TextNode.valueOf("Contoso (theirs)"),
                        "alex.wilber", Instant.parse("2021-05-03T08:00:00Z"))),
                30, nested(theirs));
        return mutation;
    }

    @Test
    void aConflictShowsTheirValueAndKeepsMineAndMyOtherFields() {
        try (LocalStore store = loaded()) {
            Mutation mutation = conflictOnName(store);

            Customer seen = store.customers().get("1001").orElseThrow();
            assertThat(seen.name()).isEqualTo("Contoso (theirs)");
            assertThat(seen.area()).isEqualTo("US West");
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(30);
            assertThat(store.outbox().pendingCount()).isZero();
            assertThat(store.outbox().problems()).singleElement().satisfies(entry -> {
                assertThat(entry.mutation().id()).isEqualTo(mutation.id());
                assertThat(entry.state()).isEqualTo(OutboxState.CONFLICT);
                assertThat(entry.conflicts()).singleElement().satisfies(c -> {
                    assertThat(c.field()).isEqualTo("name");
                    assertThat(c.mine()).isEqualTo(TextNode.valueOf("Contoso (mine)"));
                    assertThat(c.theirs()).isEqualTo(TextNode.valueOf("Contoso (theirs)"));
                    assertThat(c.changedBy()).isEqualTo("alex.wilber");
                    assertThat(c.changedAt()).isEqualTo(Instant.parse("2021-05-03T08:00:00Z"));
                });
            });
        }
    }

    @Test
    void aConflictSurvivesReopening() {
        UUID id;
        try (LocalStore store = loaded()) {
            id = conflictOnName(store).id();
        }
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            assertThat(store.outbox().problems()).singleElement().satisfies(e -> {
                assertThat(e.mutation().id()).isEqualTo(id);
                assertThat(e.conflicts()).extracting(ConflictField::field).containsExactly("name");
            });
            assertThat(store.customers().get("1001")).map(Customer::area).contains("US West");
        }
    }

    @Test
    void keepMineSendsMyEditAgainOnTheServerRevisionUnderANewId() {
        try (LocalStore store = loaded()) {
            Mutation mutation = conflictOnName(store);

            store.outbox().keepMine(mutation.id());

            assertThat(store.outbox().problems()).isEmpty();
            OutboxEntry again = store.outbox().pending(10).get(0);
            assertThat(again.mutation().id()).isNotEqualTo(mutation.id());
            assertThat(again.mutation().baseRevision()).isEqualTo(30);
            assertThat(again.mutation().fields()).isEqualTo(mutation.fields());
            assertThat(again.state()).isEqualTo(OutboxState.PENDING);
            assertThat(store.customers().get("1001").orElseThrow().name()).isEqualTo("Contoso (mine)");
            assertThatThrownBy(() -> store.outbox().keepMine(again.mutation().id()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("still waiting");
        }
    }

    @Test
    void takeTheirsGivesUpOnlyTheConflictingFields() {
        try (LocalStore store = loaded()) {
            Mutation mutation = conflictOnName(store);

            store.outbox().takeTheirs(mutation.id());

            assertThat(store.outbox().problems()).isEmpty();
            OutboxEntry rest = store.outbox().pending(10).get(0);
            assertThat(rest.mutation().fields()).containsOnlyKeys("area");
            assertThat(rest.mutation().baseRevision()).isEqualTo(30);
            assertThat(rest.mutation().id()).isNotEqualTo(mutation.id());
            Customer seen = store.customers().get("1001").orElseThrow();
            assertThat(seen.name()).isEqualTo("Contoso (theirs)");
            assertThat(seen.area()).isEqualTo("US West");
        }
    }

    @Test
    void takeTheirsOfAWhollyConflictingEditLeavesTheServerRow() {
        try (LocalStore store = loaded()) {
            Mutation mutation = store.save(renamed(Contoso.CUSTOMER, "Contoso (mine)"));
            store.outbox().markConflict(mutation.id(), List.of(new ConflictField("name", TextNode.valueOf("Contoso (mine)"),
                    TextNode.valueOf("Contoso (theirs)"), null, null)), 30, nested(renamed(Contoso.CUSTOMER, "Contoso (theirs)")));

            store.outbox().takeTheirs(mutation.id());

            assertThat(store.outbox().pendingCount()).isZero();
            assertThat(store.outbox().problems()).isEmpty();
            assertThat(store.customers().get("1001")).contains(renamed(Contoso.CUSTOMER, "Contoso (theirs)"));
        }
    }

    @Test
    void aRejectedEditStaysVisibleWithItsMessageUntilDiscarded() {
        try (LocalStore store = loaded()) {
            Mutation mutation = store.save(withArea(Contoso.CUSTOMER, "US West"));

            store.outbox().markRejected(mutation.id(), "You may not edit customers of another region.");

            assertThat(store.outbox().pendingCount()).isZero();
            assertThat(store.outbox().problems()).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo(OutboxState.REJECTED);
                assertThat(e.message()).contains("You may not edit customers of another region.");
            });
            assertThat(store.customers().get("1001")).map(Customer::area).contains("US West");

            store.outbox().discard(mutation.id());

            assertThat(store.outbox().problems()).isEmpty();
            assertThat(store.customers().get("1001")).contains(Contoso.CUSTOMER);
            assertThatThrownBy(() -> store.outbox().discard(mutation.id()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("no longer waiting");
        }
    }

    @Test
    void keepMineOfARejectedEditQueuesItAgain() {
        try (LocalStore store = loaded()) {
            Mutation mutation = store.save(withArea(Contoso.CUSTOMER, "US West"));
            store.outbox().markRejected(mutation.id(), "Server busy");

            store.outbox().keepMine(mutation.id());

            assertThat(store.outbox().pending(10)).singleElement()
                    .satisfies(e -> assertThat(e.mutation().fields()).containsOnlyKeys("area"));
        }
    }

    @Test
    void discardingADeleteBringsTheRowBack() {
        try (LocalStore store = loaded()) {
            String id = Contoso.MICROSOFT_CONTACT_ID.toString();
            Mutation delete = store.delete(EntityKind.CONTACT, id);

            store.outbox().discard(delete.id());

            assertThat(store.contacts().get(id)).contains(Contoso.MICROSOFT_CONTACT);
        }
    }

    @Test
    void discardingALocalCreationRemovesTheRow() {
        try (LocalStore store = loaded()) {
            Customer northwind = new Customer(3003, "Northwind", Contoso.FABRIKAM.segment(), Contoso.FABRIKAM.region(),
                    Contoso.FABRIKAM.vertical(), "", Contoso.FABRIKAM.phase(), List.of());
            Mutation create = store.save(northwind);

            store.outbox().discard(create.id());

            assertThat(store.customers().get("3003")).isEmpty();
            assertThat(store.customers().count()).isEqualTo(2);
        }
    }

    @Test
    void editingAConflictingFieldAgainSettlesThatConflict() {
        try (LocalStore store = loaded()) {
            Mutation mutation = conflictOnName(store);
            Customer seen = store.customers().get("1001").orElseThrow();

            // The user sees "Contoso (theirs)" and types a third name.
            Mutation again = store.save(renamed(seen, "Contoso Corporation"));

            assertThat(again.fields()).containsOnlyKeys("name");
            assertThat(again.baseRevision()).isEqualTo(30);
            // The old edit keeps only its area, still waiting for the user's choice; no conflict is left.
            assertThat(store.outbox().problems()).singleElement().satisfies(e -> {
                assertThat(e.mutation().id()).isEqualTo(mutation.id());
                assertThat(e.mutation().fields()).containsOnlyKeys("area");
                assertThat(e.conflicts()).isEmpty();
            });
            store.outbox().keepMine(mutation.id());
            Customer now = store.customers().get("1001").orElseThrow();
            assertThat(now.name()).isEqualTo("Contoso Corporation");
            assertThat(now.area()).isEqualTo("US West");
            assertThat(store.outbox().pending(10)).extracting(e -> e.mutation().fields().keySet())
                    .containsExactly(Set.of("area"), Set.of("name"));
        }
    }

    @Test
    void aRefusedEditWhollyRedoneLeavesTheOutbox() {
        try (LocalStore store = loaded()) {
            Mutation refused = store.save(withArea(Contoso.CUSTOMER, "US West"));
            store.outbox().markRejected(refused.id(), "Area is managed by the commerce feed.");

            store.save(withArea(Contoso.CUSTOMER, "US Central"));

            assertThat(store.outbox().problems()).isEmpty();
            assertThat(store.outbox().pending(10)).singleElement()
                    .satisfies(e -> assertThat(e.mutation().fields().get("area")).isEqualTo(TextNode.valueOf("US Central")));
        }
    }

    @Test
    void editingARefusedNewRowKeepsTheRowAndTheWholeCreation() {
        try (LocalStore store = loaded()) {
            Customer northwind = new Customer(3003, "Northwind", Contoso.FABRIKAM.segment(), Contoso.FABRIKAM.region(),
                    Contoso.FABRIKAM.vertical(), "", Contoso.FABRIKAM.phase(), List.of());
            Mutation create = store.save(northwind);
            store.outbox().markRejected(create.id(), "Only the assignment team creates customers.");

            store.save(renamed(northwind, "Northwind Traders"));

            assertThat(store.customers().get("3003")).contains(renamed(northwind, "Northwind Traders"));
            assertThat(store.outbox().problems()).singleElement()
                    .satisfies(e -> assertThat(e.mutation().fields()).isEqualTo(create.fields()));
        }
    }

    @Test
    void listenersHearOfPullsAndOutboxAnswers() {
        try (LocalStore store = loaded()) {
            List<Set<EntityKind>> heard = new ArrayList<>();
            store.addListener(change -> heard.add(change.kinds()));

            store.applyPull(List.of(row(renamed(Contoso.FABRIKAM, "Fabrikam Group"), 11),
                    new RemoteRow(EntityKind.CONTACT, Contoso.FABRIKAM_CONTACT_ID.toString(), 2002, 12,
                            NullNode.getInstance())), Set.of(), 12);
            Mutation mutation = store.save(withArea(Contoso.CUSTOMER, "US West"));
            store.outbox().markApplied(mutation.id(), 13, nested(withArea(Contoso.CUSTOMER, "US West")));

            assertThat(heard).containsExactly(Set.of(EntityKind.CUSTOMER, EntityKind.CONTACT), Set.of(EntityKind.CUSTOMER),
                    Set.of(EntityKind.CUSTOMER));
            assertThat(store.contacts().get(Contoso.FABRIKAM_CONTACT_ID.toString())).isEmpty();
        }
    }

    @Test
    void settleRecordsAWholePushAnswerInOneTransaction() {
        try (LocalStore store = loaded()) {
            Customer edited = withArea(Contoso.CUSTOMER, "US West");
            Mutation applied = store.save(edited);
            Mutation rejected = store.save(renamed(Contoso.FABRIKAM, "Fabrikam Group"));
            Mutation deleted = store.delete(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString());
            List<Set<EntityKind>> heard = new ArrayList<>();
            store.addListener(change -> heard.add(change.kinds()));

            store.outbox().settle(List.of(
                    new Outbox.Answer.Applied(applied.id(), 21, nested(edited)),
                    new Outbox.Answer.Rejected(rejected.id(), "Not your region."),
                    new Outbox.Answer.Applied(deleted.id(), 22, null),
                    new Outbox.Answer.Applied(UUID.randomUUID(), 23, null)));

            assertThat(heard).containsExactly(Set.of(EntityKind.CUSTOMER, EntityKind.CONTACT));
            assertThat(store.outbox().pendingCount()).isZero();
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(21);
            assertThat(store.customers().get("1001")).contains(edited);
            assertThat(store.contacts().get(Contoso.MICROSOFT_CONTACT_ID.toString())).isEmpty();
            assertThat(store.outbox().problems()).singleElement().satisfies(entry -> {
                assertThat(entry.mutation().id()).isEqualTo(rejected.id());
                assertThat(entry.state()).isEqualTo(OutboxState.REJECTED);
                assertThat(entry.message()).contains("Not your region.");
            });
        }
    }

    @Test
    void aSettleWithAnUnreadableRowRecordsNoneOfItsAnswers() {
        try (LocalStore store = loaded()) {
            Customer edited = withArea(Contoso.CUSTOMER, "US West");
            Mutation first = store.save(edited);
            Mutation second = store.save(renamed(Contoso.FABRIKAM, "Fabrikam Group"));

            assertThatThrownBy(() -> store.outbox().settle(List.of(
                    new Outbox.Answer.Applied(first.id(), 21, nested(edited)),
                    new Outbox.Answer.Applied(second.id(), 22, TextNode.valueOf("not a row")))))
                    .isInstanceOf(StoreException.class);

            assertThat(store.outbox().pendingCount()).isEqualTo(2);
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(10);
            assertThat(store.customers().get("1001")).contains(edited);
        }
    }

    @Test
    void aRowSavedOverPendingEditsShowsWhatTheReplayOfItsEditsGives() {
        try (LocalStore store = loaded()) {
            String id = Contoso.MICROSOFT_CONTACT_ID.toString();
            var contact = store.contacts().get(id).orElseThrow();
            Mutation delete = store.delete(EntityKind.CONTACT, id);
            store.save(contact);
            var renamed = new ftop.core.contact.Contact(contact.id(), contact.tpid(), contact.kind(),
                    "Renamed Person", contact.title(), contact.email(), contact.phone());
            store.save(renamed);

            assertThat(store.contacts().get(id)).contains(renamed);
            assertThat(store.outbox().pendingCount()).isEqualTo(3);
            // Settling the first edit replays the others over the new server copy: the same row.
            store.outbox().markApplied(delete.id(), 22, null);
            assertThat(store.contacts().get(id)).contains(renamed);
            assertThat(store.outbox().pendingCount()).isEqualTo(2);
        }
    }
}
