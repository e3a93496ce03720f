package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.user.User;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.Outcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retention keeps exactly-once and the pull right: a desktop numbers its mutations and acknowledges
 * answers; pruning forgets acknowledged answers, old history and tombstones, and what remains is
 * never misread (a replay is not applied twice, a stale base is a conflict, an old cursor resyncs).
 */
@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class RetentionTest extends ServerTestBase {

    private static final String CONTOSO = Long.toString(Contoso.TPID);
    private final String desktop = UUID.randomUUID().toString();

    private static Mutation health(long base, String field, String value) {
        return Mutation.upsert(EntityKind.HEALTH, CONTOSO, base, Map.<String, JsonNode>of(field, TextNode.valueOf(value)));
    }

    /** One mutation pushed by the desktop as number {@code seq}, saying it holds every answer below {@code acked}. */
    private MutationResult push(User user, Mutation m, long seq, long acked) throws Exception {
        Answer answer = post("/mutations", token(user),
                json(new MutationBatch(List.of(MutationRequest.of(m, seq)), desktop, acked)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.as(MutationResults.class).results().get(0);
    }

    /** Prunes as of the server's clock; sessions have expired by then, so everyone signs in again after. */
    private Retention.Report prune() throws Exception {
        Retention.Report report = Retention.prune(server.database(), Retention.Policy.DEFAULT, clock.instant());
        forgetTokens();
        return report;
    }

    private long count(String sql) throws Exception {
        return server.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String status() throws Exception {
        String body = server.database().read(c -> RowStore.find(c, EntityKind.HEALTH, CONTOSO, false)).orElseThrow().body();
        return MAPPER.readTree(body).path("progress").path("status").asText();
    }

    @Test
    void aWorkspaceRestoredFromACopyIsToldToRenumberAndNothingIsAppliedBlindly() throws Exception {
        long base = revisionOf(World.FM, EntityKind.HEALTH, CONTOSO);
        Mutation first = health(base, "progress.status", "BLOCKED_BUSINESS");
        MutationResult applied = push(World.FM, first, 1, 1);
        assertThat(applied.outcome()).as(applied.message()).isEqualTo(Outcome.APPLIED);
        // Someone else changes the field later: applying the first edit again would undo their change.
        MutationResult lead = pushOne(World.US_LEAD, health(applied.revision(), "progress.status", "NO_INTENT"));
        assertThat(lead.outcome()).isEqualTo(Outcome.APPLIED);
        // The desktop's next push says it holds the answer to number 1.
        assertThat(push(World.FM, health(lead.revision(), "perspective.mindset", "AVERSE"), 2, 2).outcome())
                .isEqualTo(Outcome.APPLIED);
        Retention.Report report = prune();
        assertThat(report.answers()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM applied_mutation WHERE id = '" + first.id() + "'")).isZero();

        // The workspace comes back from a copy taken before number 1 was answered: it sends number 1
        // again, and a new edit of its own also numbered 2, both saying they hold no answer yet.
        long before = serverRevision();
        Mutation made = health(base, "perspective.businessReason", "DATACENTER_EXIT");
        Answer behind = post("/mutations", token(World.FM), json(new MutationBatch(
                List.of(MutationRequest.of(first, 1), MutationRequest.of(made, 2)), desktop, 1L)));
        assertThat(behind.status()).as(behind.body()).isEqualTo(409);
        assertThat(behind.error().error()).isEqualTo("client_behind");
        assertThat(serverRevision()).isEqualTo(before);

        // Under a new id, each is judged against the row as it is now: the old edit's field changed
        // since its base, so it is a conflict (never a blind overwrite); the new edit lands.
        Answer again = post("/mutations", token(World.FM), json(new MutationBatch(
                List.of(MutationRequest.of(first, 1), MutationRequest.of(made, 2)), UUID.randomUUID().toString(), 1L)));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        List<MutationResult> results = again.as(MutationResults.class).results();
        assertThat(results.get(0).outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(results.get(1).outcome()).as(results.get(1).message()).isEqualTo(Outcome.APPLIED);
        assertThat(status()).isEqualTo("NO_INTENT");
    }

    @Test
    void anUnacknowledgedAnswerOutlivesMonthsOfflineAndIsGivenAgain() throws Exception {
        long base = revisionOf(World.FM, EntityKind.HEALTH, CONTOSO);
        Mutation edit = health(base, "progress.status", "BLOCKED_BUSINESS");
        MutationResult applied = push(World.FM, edit, 7, 7);
        assertThat(applied.outcome()).isEqualTo(Outcome.APPLIED);
        // The answer never reached the desktop; it stays away for most of two years.
        clock.advance(Duration.ofDays(700));
        prune();
        long before = serverRevision();
        MutationResult again = push(World.FM, edit, 7, 7);
        assertThat(again).isEqualTo(applied);
        assertThat(serverRevision()).isEqualTo(before);

        // A desktop gone for longer than the clients' retention is forgotten with its answers.
        clock.advance(Duration.ofDays(Retention.Policy.DEFAULT.clientDays() + 1));
        Retention.Report report = prune();
        assertThat(report.clients()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sync_client")).isZero();
        assertThat(count("SELECT COUNT(*) FROM applied_mutation WHERE client_id IS NOT NULL")).isZero();
    }

    @Test
    void answersWithoutAClientIdGoAfterTheirPeriodAndExpiredSessionsGo() throws Exception {
        long base = revisionOf(World.FM, EntityKind.HEALTH, CONTOSO);
        pushOne(World.FM, health(base, "progress.status", "BLOCKED_BUSINESS"));
        clock.advance(Duration.ofDays(Retention.Policy.DEFAULT.answerDays() - 1));
        Retention.Report early = prune();
        assertThat(early.answers()).isZero();
        assertThat(early.tokens()).as("the FM's session expired long ago").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM session_token")).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(prune().answers()).isEqualTo(1);
    }

    @Test
    void aCursorOlderThanThePrunedTombstonesResyncsAndTheDeletedRowStaysDeleted() throws Exception {
        Contact contact = new Contact(UUID.randomUUID(), Contoso.TPID, ContactKind.CUSTOMER, "Pradeep Gupta", "CISO",
                "pradeep@contoso.com", "");
        MutationResult created = pushOne(World.FM, Mutation.upsert(EntityKind.CONTACT, contact.id().toString(), 0,
                EntityCodec.fields(contact)));
        long cursor = pullAll(World.FM, 0, 500).get(0).serverRevision();
        MutationResult deleted = pushOne(World.US_LEAD, Mutation.delete(EntityKind.CONTACT, contact.id().toString(),
                created.revision()));
        assertThat(deleted.outcome()).isEqualTo(Outcome.APPLIED);

        clock.advance(Duration.ofDays(Retention.Policy.DEFAULT.tombstoneDays() + 1));
        Retention.Report report = prune();
        assertThat(report.tombstones()).isGreaterThanOrEqualTo(1);
        assertThat(report.tombstonesBefore()).isGreaterThan(deleted.revision());

        Answer old = get("/changes?since=" + cursor + "&limit=500", token(World.FM));
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.error().error()).isEqualTo("resync");
        assertThat(get("/changes?since=0&limit=500", token(World.FM)).status()).isEqualTo(200);
        long latest = serverRevision();
        assertThat(get("/changes?since=" + latest + "&limit=500", token(World.FM)).status()).isEqualTo(200);

        MutationResult late = pushOne(World.FM, Mutation.upsert(EntityKind.CONTACT, contact.id().toString(),
                created.revision(), Map.of("title", TextNode.valueOf("CTO"))));
        assertThat(late.outcome()).as("not brought back to life").isEqualTo(Outcome.REJECTED);
        assertThat(late.message()).contains("was deleted on the server");
        assertThat(count("SELECT COUNT(*) FROM sync_row WHERE id = '" + contact.id() + "'")).isZero();
    }

    @Test
    void anEditBasedBeforeThePrunedHistoryIsAConflictNotABlindOverwrite() throws Exception {
        long base = revisionOf(World.FM, EntityKind.HEALTH, CONTOSO);
        MutationResult lead = pushOne(World.US_LEAD, health(base, "progress.status", "BLOCKED_TECHNICAL"));
        assertThat(lead.outcome()).isEqualTo(Outcome.APPLIED);
        clock.advance(Duration.ofDays(Retention.Policy.DEFAULT.historyDays() + 1));
        Retention.Report report = prune();
        assertThat(report.history()).isPositive();
        assertThat(report.historyBefore()).isGreaterThan(lead.revision());
        assertThat(count("SELECT COUNT(*) FROM field_change WHERE revision = " + lead.revision())).isZero();

        // The FM edits on the revision from before the lead's change, which the history no longer shows.
        MutationResult fm = pushOne(World.FM, health(base, "progress.status", "NO_INTENT"));
        assertThat(fm.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(fm.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("progress.status");
            assertThat(c.changedBy()).isEqualTo(MutationService.PRUNED_HISTORY);
            assertThat(c.theirs().asText()).isEqualTo("BLOCKED_TECHNICAL");
        });
        assertThat(status()).isEqualTo("BLOCKED_TECHNICAL");
        // On the current revision the same edit goes through.
        assertThat(pushOne(World.FM, health(fm.revision(), "progress.status", "NO_INTENT")).outcome()).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aBatchThatNamesItsClientMustNumberEveryMutation() throws Exception {
        long base = revisionOf(World.FM, EntityKind.HEALTH, CONTOSO);
        Mutation m = health(base, "progress.status", "BLOCKED_BUSINESS");
        Answer unnumbered = post("/mutations", token(World.FM),
                json(new MutationBatch(List.of(MutationRequest.of(m)), desktop, 0L)));
        assertThat(unnumbered.status()).isEqualTo(400);
        assertThat(unnumbered.error().field()).isEqualTo("mutations[0].clientSeq");
        Answer badId = post("/mutations", token(World.FM),
                json(new MutationBatch(List.of(MutationRequest.of(m, 1)), "x'; DROP", 0L)));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.error().field()).isEqualTo("clientId");
        assertThat(count("SELECT COUNT(*) FROM sync_client")).isZero();
    }
}
