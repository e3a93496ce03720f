package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.user.User;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.ApiError;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class MutationsApiTest extends ServerTestBase {

    private static final String CONTOSO = Long.toString(Contoso.TPID);

    private Mutation health(long base, String field, JsonNode value) {
        return Mutation.upsert(EntityKind.HEALTH, CONTOSO, base, Map.of(field, value));
    }

    private long healthRevision() throws Exception {
        return revisionOf(World.ADMIN, EntityKind.HEALTH, CONTOSO);
    }

    @Test
    void theHealthOwnerEditsHealthAndGetsANewRevision() throws Exception {
        long base = healthRevision();
        MutationResult result = pushOne(World.FM, health(base, "progress.status", TextNode.valueOf("BLOCKED_BUSINESS")));
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.APPLIED);
        assertThat(result.revision()).isGreaterThan(base);
        assertThat(result.row().revision()).isEqualTo(result.revision());
        assertThat(result.row().body().path("progress").path("status").asText()).isEqualTo("BLOCKED_BUSINESS");
        assertThat(healthRevision()).isEqualTo(result.revision());
    }

    @Test
    void aRepeatedMutationIdGetsTheFirstAnswerAndChangesNothing() throws Exception {
        Mutation edit = health(healthRevision(), "progress.status", TextNode.valueOf("NO_INTENT"));
        MutationResult first = pushOne(World.FM, edit);
        long revisionAfterFirst = serverRevision();
        MutationResult again = pushOne(World.FM, edit);
        assertThat(again).isEqualTo(first);
        assertThat(serverRevision()).isEqualTo(revisionAfterFirst);

        // Twice in one batch: applied once.
        Mutation other = health(first.revision(), "progress.status", TextNode.valueOf("IN_PROGRESS"));
        Answer both = push(World.FM, other, other);
        List<MutationResult> results = both.as(MutationResults.class).results();
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(serverRevision()).isEqualTo(revisionAfterFirst + 1);
    }

    @Test
    void fieldsNobodyElseTouchedMergeEvenWhenTheRowMovedOn() throws Exception {
        long base = healthRevision();
        MutationResult lead = pushOne(World.US_LEAD, health(base, "progress.status", TextNode.valueOf("BLOCKED_TECHNICAL")));
        assertThat(lead.outcome()).isEqualTo(Outcome.APPLIED);
        MutationResult fm = pushOne(World.FM, health(base, "perspective.mindset", TextNode.valueOf("AVERSE")));
        assertThat(fm.outcome()).as(fm.message()).isEqualTo(Outcome.APPLIED);
        assertThat(fm.row().body().path("progress").path("status").asText()).isEqualTo("BLOCKED_TECHNICAL");
        assertThat(fm.row().body().path("perspective").path("mindset").asText()).isEqualTo("AVERSE");
    }

    @Test
    void aFieldSomeoneElseChangedIsAConflictWithTheirValueWhoAndWhen() throws Exception {
        long base = healthRevision();
        MutationResult lead = pushOne(World.US_LEAD, health(base, "progress.status", TextNode.valueOf("BLOCKED_TECHNICAL")));
        long before = serverRevision();
        MutationResult fm = pushOne(World.FM, Mutation.upsert(EntityKind.HEALTH, CONTOSO, base, Map.of(
                "progress.status", TextNode.valueOf("NO_INTENT"), "perspective.mindset", TextNode.valueOf("COMPETE"))));
        assertThat(fm.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(fm.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("progress.status");
            assertThat(c.mine().asText()).isEqualTo("NO_INTENT");
            assertThat(c.theirs().asText()).isEqualTo("BLOCKED_TECHNICAL");
            assertThat(c.changedBy()).isEqualTo(World.US_LEAD.userId());
            assertThat(c.changedAt()).isNotNull();
        });
        assertThat(fm.revision()).isEqualTo(lead.revision());
        assertThat(fm.row().body().path("perspective").path("mindset").asText()).isEqualTo("ALIGNED");
        assertThat(serverRevision()).isEqualTo(before);

        // Keep mine: the same edit on top of the server's revision goes through.
        MutationResult keepMine = pushOne(World.FM, new Mutation(UUID.randomUUID(), EntityKind.HEALTH, CONTOSO,
                fm.revision(), Mutation.Op.UPSERT, Map.of("progress.status", TextNode.valueOf("NO_INTENT")),
                java.time.Instant.now()));
        assertThat(keepMine.outcome()).isEqualTo(Outcome.APPLIED);

        // The same value on both sides is no conflict.
        MutationResult same = pushOne(World.US_LEAD, health(base, "progress.status", TextNode.valueOf("NO_INTENT")));
        assertThat(same.outcome()).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aRuleBrokenIsRejectedWithTheFieldAndNothingChanges() throws Exception {
        long before = serverRevision();
        MutationResult result = pushOne(World.FM, health(healthRevision(), "perspective.successOwner",
                TextNode.valueOf(Contoso.FABRIKAM_CONTACT_ID.toString())));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.field()).isEqualTo("perspective.successOwner");
        assertThat(result.message()).isNotBlank();
        assertThat(serverRevision()).isEqualTo(before);
    }

    @Test
    void healthIsEditedOnlyByItsOwnerLeadsOfTheRegionAndAdmins() throws Exception {
        for (User allowed : List.of(World.FM, World.US_LEAD, World.ADMIN)) {
            MutationResult r = pushOne(allowed, health(healthRevision(), "progress.cxpWatchlist", TextNode.valueOf("ON_WATCHLIST")));
            assertThat(r.outcome()).as(allowed.userId() + ": " + r.message()).isIn(Outcome.APPLIED);
        }
        for (User forbidden : List.of(World.SLT, World.PARTNER, World.ASSIGNMENT_TEAM, World.OTHER_FM, World.FTA)) {
            long before = serverRevision();
            MutationResult r = pushOne(forbidden, health(healthRevision(), "progress.status", TextNode.valueOf("NO_INTENT")));
            assertThat(r.outcome()).as(forbidden.userId()).isEqualTo(Outcome.REJECTED);
            assertThat(r.message()).as(forbidden.userId()).startsWith("Forbidden: ");
            assertThat(serverRevision()).isEqualTo(before);
        }
    }

    @Test
    void onlyTheSltWatchlistGroupSetsTheWinnerFlag() throws Exception {
        String tenant = Contoso.WINNER_TENANT_ID.toString();
        for (User forbidden : List.of(World.ADMIN, World.FM, World.ASSIGNMENT_TEAM)) {
            MutationResult r = pushOne(forbidden, Mutation.upsert(EntityKind.TENANT, tenant, loadedRevision,
                    Map.of("winner", BooleanNode.FALSE)));
            assertThat(r.outcome()).as(forbidden.userId()).isEqualTo(Outcome.REJECTED);
            assertThat(r.message()).contains("SLT Watchlist security group");
        }
        MutationResult slt = pushOne(World.SLT, Mutation.upsert(EntityKind.TENANT, tenant, loadedRevision,
                Map.of("winner", BooleanNode.FALSE)));
        assertThat(slt.outcome()).as(slt.message()).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aStatusNoteNeedsIsEnterpriseWhichTheHealthOwnerSets() throws Exception {
        String tenant = Contoso.WINNER_TENANT_ID.toString();
        MutationResult off = pushOne(World.FM, Mutation.upsert(EntityKind.TENANT, tenant, loadedRevision,
                Map.of("enterpriseLevel", NullNode.getInstance())));
        assertThat(off.outcome()).as(off.message()).isEqualTo(Outcome.APPLIED);

        long before = serverRevision();
        EnterpriseStatusNote note = new EnterpriseStatusNote(UUID.randomUUID(), Contoso.TPID, Contoso.WINNER_TENANT_ID,
                "Rollout on track", "", "", World.FM.userId(), Instant.parse("2021-06-01T09:00:00Z"));
        MutationResult refused = pushOne(World.FM, Mutation.upsert(EntityKind.STATUS_NOTE, note.id().toString(), 0,
                EntityCodec.fields(note)));
        assertThat(refused.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(refused.message()).contains("Is Enterprise").contains("\"No\"");
        assertThat(serverRevision()).isEqualTo(before);

        MutationResult partner = pushOne(World.OTHER_FM, Mutation.upsert(EntityKind.TENANT, tenant, off.revision(),
                Map.of("enterpriseLevel", TextNode.valueOf("LEVEL_4"))));
        assertThat(partner.outcome()).isEqualTo(Outcome.REJECTED);
        MutationResult on = pushOne(World.FM, Mutation.upsert(EntityKind.TENANT, tenant, off.revision(),
                Map.of("enterpriseLevel", TextNode.valueOf("LEVEL_4"))));
        assertThat(on.outcome()).as(on.message()).isEqualTo(Outcome.APPLIED);
        MutationResult saved = pushOne(World.FM, Mutation.upsert(EntityKind.STATUS_NOTE, note.id().toString(), 0,
                EntityCodec.fields(note)));
        assertThat(saved.outcome()).as(saved.message()).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void assignmentsAreEditedByTheAssignmentTeamLeadsAdminsAndTheHealthOwner() throws Exception {
        for (User allowed : List.of(World.ASSIGNMENT_TEAM, World.US_LEAD, World.ADMIN, World.FM)) {
            Assignment a = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.GATEWAY, Role.GATEWAY,
                    World.OTHER_FM.userId(), true, Set.of(), false);
            MutationResult r = pushOne(allowed, Mutation.upsert(EntityKind.ASSIGNMENT, a.id().toString(), 0, EntityCodec.fields(a)));
            assertThat(r.outcome()).as(allowed.userId() + ": " + r.message()).isEqualTo(Outcome.APPLIED);
        }
        for (User forbidden : List.of(World.SLT, World.PARTNER, World.OTHER_FM)) {
            Assignment a = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.GATEWAY, Role.GATEWAY,
                    forbidden.userId(), true, Set.of(), false);
            MutationResult r = pushOne(forbidden, Mutation.upsert(EntityKind.ASSIGNMENT, a.id().toString(), 0, EntityCodec.fields(a)));
            assertThat(r.outcome()).as(forbidden.userId()).isEqualTo(Outcome.REJECTED);
            assertThat(r.message()).startsWith("Forbidden: ");
        }
    }

    @Test
    void aPartnerCannotTouchATenantTheyDoNotSee() throws Exception {
        MutationResult r = pushOne(World.PARTNER, Mutation.upsert(EntityKind.TENANT, Contoso.WINNER_TENANT_ID.toString(),
                loadedRevision, Map.of("userCount", LongNode.valueOf(5))));
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.message()).contains("cannot see");
    }

    @Test
    void newRowsAreCreatedAndDeletedRowsReportedToLateEditors() throws Exception {
        Contact contact = new Contact(UUID.randomUUID(), Contoso.TPID, ContactKind.CUSTOMER, "Pradeep Gupta", "CISO",
                "pradeep@contoso.com", "");
        MutationResult created = pushOne(World.FM, Mutation.upsert(EntityKind.CONTACT, contact.id().toString(), 0,
                EntityCodec.fields(contact)));
        assertThat(created.outcome()).as(created.message()).isEqualTo(Outcome.APPLIED);
        MutationResult deleted = pushOne(World.US_LEAD, Mutation.delete(EntityKind.CONTACT, contact.id().toString(),
                created.revision()));
        assertThat(deleted.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(deleted.row().deleted()).isTrue();
        MutationResult late = pushOne(World.FM, Mutation.upsert(EntityKind.CONTACT, contact.id().toString(),
                created.revision(), Map.of("title", TextNode.valueOf("CTO"))));
        assertThat(late.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(late.message()).contains("deleted by " + World.US_LEAD.userId());
        MutationResult missing = pushOne(World.FM, Mutation.delete(EntityKind.CONTACT, UUID.randomUUID().toString(), 3));
        assertThat(missing.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(missing.message()).startsWith("There is no contact");
    }

    @Test
    void concurrentPushesEachGetTheirOwnRevisionAndAllArrive() throws Exception {
        int threads = 6;
        int perThread = 5;
        long since = serverRevision();
        for (User user : List.of(World.FM, World.US_LEAD, World.ADMIN)) {
            token(user);
        }
        List<Future<List<Long>>> futures = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                User user = List.of(World.FM, World.US_LEAD, World.ADMIN).get(t % 3);
                futures.add(pool.submit(() -> {
                    List<Long> revisions = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        Contact contact = new Contact(UUID.randomUUID(), Contoso.TPID, ContactKind.MICROSOFT,
                                "Person " + i, "", "", "");
                        MutationResult r = pushOne(user, Mutation.upsert(EntityKind.CONTACT, contact.id().toString(), 0,
                                EntityCodec.fields(contact)));
                        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.APPLIED);
                        revisions.add(r.revision());
                    }
                    return revisions;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (var f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates();
            List<Long> pulled = changes(pullAll(World.FM, since, 4)).stream()
                    .filter(c -> c.kind().equals("contact")).map(c -> c.revision()).toList();
            assertThat(pulled).containsExactlyInAnyOrderElementsOf(all).isSorted();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void batchesPushedTogetherCommitTogetherButAMalformedOneFailsAlone() throws Exception {
        List<User> users = List.of(World.FM, World.US_LEAD, World.ADMIN);
        for (User user : users) {
            token(user);
        }
        long healthBefore = healthRevision();
        String malformed = batch("planet", "1", "{}");
        var pool = Executors.newFixedThreadPool(10);
        try {
            // Hold the writers back, so the pushes below queue up and go in as one group.
            var hold = holdWriters(pool);
            List<Future<MutationResult>> pushes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                User user = users.get(i % users.size());
                Contact contact = new Contact(UUID.randomUUID(), Contoso.TPID, ContactKind.MICROSOFT, "Person " + i, "", "", "");
                pushes.add(pool.submit(() -> pushOne(user, Mutation.upsert(EntityKind.CONTACT, contact.id().toString(), 0,
                        EntityCodec.fields(contact)))));
            }
            var bad = pool.submit(() -> post("/mutations", token(World.FM), malformed));
            // The malformed batch is refused on arrival; the eight pushes all wait for the writer.
            assertThat(bad.get(1, TimeUnit.MINUTES).status()).isEqualTo(400);
            await("eight pushes waiting").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(5)).until(() -> server.mutations().unanswered() == 8);
            hold.release();

            assertThat(bad.get().status()).isEqualTo(400);
            assertThat(bad.get().error().message()).contains("unknown kind \"planet\"");
            List<Long> revisions = new ArrayList<>();
            for (var push : pushes) {
                MutationResult r = push.get();
                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.APPLIED);
                revisions.add(r.revision());
            }
            assertThat(revisions).doesNotHaveDuplicates();
            assertThat(changes(pullAll(World.FM, loadedRevision, 500)).stream().filter(c -> c.kind().equals("contact"))
                    .map(c -> c.revision()).toList()).containsExactlyInAnyOrderElementsOf(revisions);
            // The valid edit that came in the malformed batch was not applied.
            assertThat(healthRevision()).isEqualTo(healthBefore);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- bad input: 4xx, nothing changes ---------------------------------------------------

    private ApiError badBatch(int status, String body) throws Exception {
        long before = serverRevision();
        Answer answer = post("/mutations", token(World.FM), body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(serverRevision()).isEqualTo(before);
        return answer.error();
    }

    private String batch(String kind, String entityId, String fieldsJson) throws Exception {
        // A valid edit first: it must not be applied when a later mutation of the batch is malformed.
        String good = json(MutationRequest.of(health(healthRevision(), "progress.status", TextNode.valueOf("NO_INTENT"))));
        return "{\"mutations\":[" + good + ",{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"" + kind
                + "\",\"entityId\":\"" + entityId + "\",\"baseRevision\":" + loadedRevision
                + ",\"op\":\"UPSERT\",\"fields\":" + fieldsJson + "}]}";
    }

    @Test
    void malformedJsonAndUnknownEnvelopeFieldsAre400() throws Exception {
        assertThat(badBatch(400, "{\"mutations\": [").message()).startsWith("The body is not valid JSON");
        assertThat(badBatch(400, "{\"mutations\": [], \"force\": true}").field()).isEqualTo("force");
        assertThat(badBatch(400, "{\"mutations\": []}").message()).contains("at least one");
        assertThat(badBatch(400, "{\"mutations\": 7}").field()).isEqualTo("mutations");
        assertThat(badBatch(400, "{\"mutations\":[{\"id\":\"not-a-uuid\",\"kind\":\"health\"}]}").field())
                .isEqualTo("mutations[0].id");
    }

    @Test
    void unknownKindsFieldsAndChoicesAre400NamingThem() throws Exception {
        ApiError kind = badBatch(400, batch("planet", "1", "{}"));
        assertThat(kind.message()).contains("mutations[1]").contains("unknown kind \"planet\"");

        ApiError field = badBatch(400, batch("health", CONTOSO, "{\"progress.colour\":\"RED\"}"));
        assertThat(field.message()).contains("no field \"progress.colour\"");

        ApiError choice = badBatch(400, batch("health", CONTOSO, "{\"progress.status\":\"ON_FIRE\"}"));
        assertThat(choice.message()).contains("ON_FIRE").contains("IN_PROGRESS");
        assertThat(choice.field()).isEqualTo("progress.status");

        ApiError date = badBatch(400, batch("health", CONTOSO, "{\"progress.nextReviewDate\":\"31/06/2021\"}"));
        assertThat(date.message()).contains("31/06/2021").contains("2021-06-30");

        ApiError type = badBatch(400, batch("tenant", Contoso.WINNER_TENANT_ID.toString(), "{\"userCount\":\"many\"}"));
        assertThat(type.field()).isEqualTo("userCount");

        ApiError op = badBatch(400, "{\"mutations\":[{\"id\":\"" + UUID.randomUUID()
                + "\",\"kind\":\"health\",\"entityId\":\"1001\",\"baseRevision\":1,\"op\":\"MERGE\",\"fields\":{}}]}");
        assertThat(op.message()).contains("unknown op \"MERGE\"");
    }

    @Test
    void anIncompleteNewRowOrAMismatchedIdIs400() throws Exception {
        String id = UUID.randomUUID().toString();
        ApiError incomplete = badBatch(400, batch("contact", id, "{\"name\":\"Only a name\"}"));
        assertThat(incomplete.message()).contains("contact");
        Contact contact = new Contact(UUID.randomUUID(), Contoso.TPID, ContactKind.CUSTOMER, "A", "", "", "");
        ApiError mismatch = badBatch(400, batch("contact", id, json(EntityCodec.fields(contact))));
        assertThat(mismatch.message()).contains("but the mutation is for \"" + id + "\"");
    }

    @Test
    void oversizeBatchesAndBodiesAre413() throws Exception {
        List<MutationRequest> many = new ArrayList<>();
        for (int i = 0; i < MutationBatch.MAX_SIZE + 1; i++) {
            many.add(MutationRequest.of(health(loadedRevision, "progress.status", TextNode.valueOf("NO_INTENT"))));
        }
        ApiError batch = badBatch(413, json(new MutationBatch(many)));
        assertThat(batch.message()).contains("at most 200");
        String huge = "{\"mutations\":[{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"contact\",\"entityId\":\"x\","
                + "\"baseRevision\":0,\"op\":\"UPSERT\",\"fields\":{\"name\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}]}";
        ApiError body = badBatch(413, huge);
        assertThat(body.error()).isEqualTo("body_too_large");

        // Without a Content-Length (chunked), the limit holds while reading.
        okhttp3.RequestBody chunked = new okhttp3.RequestBody() {
            @Override
            public okhttp3.MediaType contentType() {
                return JSON;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
                sink.writeUtf8(huge);
            }
        };
        long before = serverRevision();
        Answer streamed = call(new okhttp3.Request.Builder().url(url("/mutations"))
                .header("Authorization", "Bearer " + token(World.FM)).post(chunked).build());
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.error().error()).isEqualTo("body_too_large");
        assertThat(serverRevision()).isEqualTo(before);
    }
}
