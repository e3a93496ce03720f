package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static ftop.core.store.StoreTestData.contoso;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.Json;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.health.CxpWatchlist;
import ftop.core.validation.Contoso;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refused and conflicting edits, field by field, and whether a refusal could pass now; on a real store. */
class RejectionsTest {

    @TempDir
    Path dir;

    private static final String FM = Contoso.FM.userId();
    private static final String TPID = Long.toString(Contoso.TPID);

    private LocalStore loaded() {
        LocalStore store = LocalStore.open(dir, CLOCK);
        store.bulkLoad(contoso(), 10);
        return store;
    }

    private static Mutation critical(LocalStore store) {
        return store.save(EntityCodec.apply(store.health().get(TPID).orElseThrow(),
                Map.of("progress.cxpWatchlist", TextNode.valueOf(CxpWatchlist.CRITICAL.name()))));
    }

    private static OutboxEntry only(LocalStore store) {
        assertThat(store.outbox().problems()).hasSize(1);
        return store.outbox().problems().get(0);
    }

    @Test
    void aPermissionRefusalCanBeSentAgainOnceTheRulesAllowItAndSaysTodaysReasonWhileTheyDoNot() {
        try (LocalStore store = loaded()) {
            Mutation edit = critical(store);
            // the server refused it while Megan was not assigned; her copy already has her assignment back
            store.outbox().markRejected(edit.id(), "Forbidden: Megan Bowen is not assigned to Contoso (TPID 1001)");

            Rejections.Recheck now = Rejections.recheck(store, FM, only(store));
            assertThat(now.couldPass()).isTrue();
            assertThat(now.message()).contains("refused this change earlier").contains("send it again")
                    .doesNotContain("Forbidden");

            // a pull takes her assignment away: the stale message gives way to today's reason
            store.applyPull(List.of(new RemoteRow(EntityKind.ASSIGNMENT, Contoso.primaryFm().id().toString(),
                    Contoso.TPID, 11, null)), Set.of(), 11);
            Rejections.Recheck denied = Rejections.recheck(store, FM, only(store));
            assertThat(denied.couldPass()).isFalse();
            assertThat(denied.message()).isEqualTo("Megan Bowen is not assigned to Contoso (TPID 1001), so cannot see it.");
            // the edit is still there, on the form, until the user decides
            assertThat(store.health().get(TPID).orElseThrow().progress().cxpWatchlist()).contains(CxpWatchlist.CRITICAL);
        }
    }

    @Test
    void anyOtherRefusalKeepsTheServersReasonAndARowThatLeftTheWorkspaceSaysSo() {
        try (LocalStore store = loaded()) {
            Mutation edit = critical(store);
            store.outbox().markRejected(edit.id(), "The Next Review Date must be after the Previous Review Date.");
            assertThat(Rejections.recheck(store, FM, only(store)))
                    .isEqualTo(new Rejections.Recheck("The Next Review Date must be after the Previous Review Date.", false));

            store.applyPull(List.of(), Set.of(Contoso.TPID), 11);
            Rejections.Recheck gone = Rejections.recheck(store, FM, only(store));
            assertThat(gone.couldPass()).isFalse();
            assertThat(gone.message()).contains("no longer in your workspace");
        }
    }

    @Test
    void aCustomerThatLeftTheScopeAndCameBackLetsTheKeptEditBeSentAgain() {
        try (LocalStore store = loaded()) {
            Mutation edit = critical(store);
            store.outbox().markRejected(edit.id(), "Forbidden: Megan Bowen is not assigned to Contoso, so cannot see it.");
            store.applyPull(List.of(), Set.of(Contoso.TPID), 11);
            assertThat(Rejections.recheck(store, FM, only(store)).couldPass()).isFalse();

            // the next pull brings Contoso back whole: the kept edit is on top of it, and may go again
            store.applyPull(List.of(row(Contoso.CUSTOMER, 12), row(Contoso.health(), 12), row(Contoso.primaryFm(), 12)),
                    Set.of(), 12);
            Rejections.Recheck back = Rejections.recheck(store, FM, only(store));
            assertThat(back.couldPass()).isTrue();
            assertThat(back.message()).doesNotContain("no longer in your workspace");
            assertThat(store.health().get(TPID).orElseThrow().progress().cxpWatchlist()).contains(CxpWatchlist.CRITICAL);
        }
    }

    private static RemoteRow row(Object entity, long revision) {
        EntityKind kind = EntityKind.of(entity);
        return new RemoteRow(kind, kind.idOf(entity), kind.tpidOf(entity), revision, Json.mapper().valueToTree(entity));
    }

    @Test
    void onlyARefusalIsCheckedAgain() {
        try (LocalStore store = loaded()) {
            critical(store);
            OutboxEntry pending = store.outbox().pending(1).get(0);
            assertThatThrownBy(() -> Rejections.recheck(store, FM, pending)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void problemsAreListedByFieldARefusalOnEveryFieldItChangedAConflictOnlyOnItsFields() {
        try (LocalStore store = loaded()) {
            Mutation refused = critical(store);
            store.outbox().markRejected(refused.id(), null);
            Mutation clashing = store.save(EntityCodec.apply(Contoso.CUSTOMER, Map.of("name", TextNode.valueOf("Contoso Ltd"),
                    "area", TextNode.valueOf("US West"))));
            Instant at = Instant.parse("2021-05-03T11:00:00Z");
            store.outbox().markConflict(clashing.id(), List.of(new ConflictField("name", TextNode.valueOf("Contoso Ltd"),
                    TextNode.valueOf("Contoso plc"), "alex.wilber", at)), 12, Json.mapper().valueToTree(Contoso.CUSTOMER));
            List<OutboxEntry> problems = store.outbox().problems();

            Map<String, FieldProblem> health = FieldProblem.of(problems, EntityKind.HEALTH, TPID);
            assertThat(health).containsOnlyKeys("progress.cxpWatchlist");
            FieldProblem watchlist = health.get("progress.cxpWatchlist");
            assertThat(watchlist.state()).isEqualTo(OutboxState.REJECTED);
            assertThat(watchlist.mine().asText()).isEqualTo("CRITICAL");
            assertThat(watchlist.message()).contains(Rejections.NO_REASON);

            Map<String, FieldProblem> customer = FieldProblem.of(problems, EntityKind.CUSTOMER, TPID);
            assertThat(customer).containsOnlyKeys("name");
            assertThat(customer.get("name").theirs().asText()).isEqualTo("Contoso plc");
            assertThat(customer.get("name").changedBy()).contains("alex.wilber");
            assertThat(customer.get("name").changedAt()).contains(at);
            assertThat(FieldProblem.of(problems, EntityKind.CUSTOMER, "2002")).isEmpty();
        }
    }
}
