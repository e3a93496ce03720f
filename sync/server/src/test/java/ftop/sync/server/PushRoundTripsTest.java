package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import ftop.sync.protocol.Outcome;
import ftop.sync.protocol.RowChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a group of pushes sends to the database: a handful of statements for the group, not a few
 * per push (each statement is a round trip, and the round trips were what pushes waited for), and
 * still each batch applied exactly once, a failing batch failing alone.
 */
@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class PushRoundTripsTest extends ServerTestBase {

    /** Statements one group may send: its reads at the start and one JDBC batch per kind of write at the end. */
    private static final int PER_GROUP = 16;
    private static final int PUSHES = 30;

    private final StatementCount count = new StatementCount();
    private MutationService pushes;
    private ExecutorService pool;

    @BeforeEach
    void countedService() {
        pushes = new MutationService(server.database(), clock, count::wrap);
        pool = Executors.newFixedThreadPool(PUSHES + 4);
    }

    @AfterEach
    void stopPool() {
        // Null when the server did not start (no PostgreSQL for that variant: the test is skipped).
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void aGroupOfPushesSendsAHandfulOfStatementsNotAFewPerPush() throws Exception {
        List<MutationBatch> batches = new ArrayList<>();
        for (int i = 0; i < PUSHES - 2; i++) {
            batches.add(desktopBatch(newContact(i), 1));
        }
        batches.add(desktopBatch(health(Contoso.TPID, "perspective.mindset", "AVERSE"), 1));
        String contactId = Contoso.MICROSOFT_CONTACT.id().toString();
        batches.add(desktopBatch(Mutation.upsert(EntityKind.CONTACT, contactId, revisionOf(World.ADMIN, EntityKind.CONTACT,
                contactId), Map.of("name", TextNode.valueOf("Renamed"))), 1));
        List<User> users = batches.stream().map(b -> World.FM).toList();

        List<Answered<List<MutationResult>>> answers = pushTogether(users, batches);

        List<Long> revisions = new ArrayList<>();
        for (Answered<List<MutationResult>> answer : answers) {
            MutationResult r = answer.value().get(0);
            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.APPLIED);
            revisions.add(r.revision());
        }
        assertThat(revisions).doesNotHaveDuplicates();
        List<String> sent = count.sent();
        long groups = groups(sent);
        System.out.printf("%s: %d pushes in %d groups sent %d statements%n", backend, PUSHES, groups, sent.size());
        assertThat(groups).as("groups").isBetween(1L, 3L);
        assertThat(sent).as("statements of %d pushes in %d groups", PUSHES, groups)
                .hasSizeLessThanOrEqualTo((int) groups * PER_GROUP)
                .doesNotContain("SAVEPOINT");

        // Each applied once: the same batches again get the same answers and take no revision.
        long before = serverRevision();
        for (int i = 0; i < PUSHES; i++) {
            // Compared as sent: a stored answer is read back from its JSON.
            assertThat(json(pushes.apply(users.get(i), batches.get(i)))).isEqualTo(json(answers.get(i).value()));
        }
        assertThat(serverRevision()).isEqualTo(before);
    }

    @Test
    void aMalformedBatchInAGroupFailsAloneAndTheOthersAreAppliedOnce() throws Exception {
        // A desktop that pushed up to 10, then comes back from a restored copy saying 5.
        String restoredDesktop = UUID.randomUUID().toString();
        pushes.apply(World.FM, new MutationBatch(List.of(MutationRequest.of(newContact(100), 9)), restoredDesktop, 10L));
        long healthBefore = revisionOf(World.ADMIN, EntityKind.HEALTH, Long.toString(Contoso.TPID));

        List<MutationBatch> batches = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Contact contact = contact(i);
            contacts.add(contact);
            batches.add(desktopBatch(Mutation.upsert(EntityKind.CONTACT, contact.id().toString(), 0,
                    EntityCodec.fields(contact)), 1));
            if (i == 2) {
                // A valid edit, then a value no status has: the whole batch is refused, the edit too.
                batches.add(new MutationBatch(List.of(
                        MutationRequest.of(health(Contoso.TPID, "perspective.mindset", "AVERSE")),
                        MutationRequest.of(health(Contoso.TPID, "progress.status", "PURPLE")))));
            }
            if (i == 5) {
                batches.add(new MutationBatch(List.of(MutationRequest.of(newContact(101), 6)), restoredDesktop, 5L));
            }
        }
        List<User> users = batches.stream().map(b -> World.FM).toList();

        List<Answered<List<MutationResult>>> answers = pushTogether(users, batches);

        assertThat(answers.get(3).failure()).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("mutations[1]");
        });
        assertThat(answers.get(7).failure()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(409));
        List<Long> revisions = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (i != 3 && i != 7) {
                MutationResult r = answers.get(i).value().get(0);
                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.APPLIED);
                revisions.add(r.revision());
            }
        }
        assertThat(revisions).hasSize(8).doesNotHaveDuplicates();
        assertThat(count.sent()).doesNotContain("SAVEPOINT");
        // The contacts are on the server once each, at the revisions answered; the refused edit is not.
        Set<String> ids = contacts.stream().map(c -> c.id().toString()).collect(Collectors.toSet());
        List<RowChange> pulled = changes(pullAll(World.FM, loadedRevision, 500)).stream()
                .filter(c -> c.kind().equals("contact") && ids.contains(c.id())).toList();
        assertThat(pulled.stream().map(RowChange::revision).toList()).containsExactlyInAnyOrderElementsOf(revisions);
        assertThat(revisionOf(World.ADMIN, EntityKind.HEALTH, Long.toString(Contoso.TPID))).isEqualTo(healthBefore);
    }

    @Test
    void writesRefusedForAWholeGroupAreSentAgainBatchByBatch() throws Exception {
        // The database refuses any insert of several rows at once: only a group's held-back writes are.
        FailingBatches refused = new FailingBatches("INSERT INTO sync_row", entries -> entries.size() > 1);
        pushes = new MutationService(server.database(), clock, c -> count.wrap(refused.wrap(c)));
        List<MutationBatch> batches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batches.add(desktopBatch(newContact(i), 1));
        }

        List<Answered<List<MutationResult>>> answers = pushTogether(batches.stream().map(b -> World.FM).toList(), batches);

        assertThat(refused.refusals()).as("refused group writes").isPositive();
        assertAppliedOnce(batches, answers, -1);
    }

    @Test
    void aWriteRefusedForOneBatchFailsThatBatchAlone() throws Exception {
        List<MutationBatch> batches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batches.add(desktopBatch(newContact(i), 1));
        }
        String poison = batches.get(4).mutations().get(0).entityId();
        FailingBatches refused = new FailingBatches("INSERT INTO sync_row",
                entries -> entries.stream().anyMatch(e -> poison.equals(e.get(10))));
        pushes = new MutationService(server.database(), clock, c -> count.wrap(refused.wrap(c)));

        List<Answered<List<MutationResult>>> answers = pushTogether(batches.stream().map(b -> World.FM).toList(), batches);

        assertThat(answers.get(4).failure()).isInstanceOf(java.sql.SQLException.class).hasMessage("Refused for the test");
        assertThat(refused.refusals()).as("refused writes").isPositive();
        assertAppliedOnce(batches, answers, 4);
    }

    /** Every batch but {@code failed} (-1: none) was applied, once, and its contact is on the server at that revision. */
    private void assertAppliedOnce(List<MutationBatch> batches, List<Answered<List<MutationResult>>> answers, int failed)
            throws Exception {
        Map<String, Long> answered = new java.util.HashMap<>();
        for (int i = 0; i < batches.size(); i++) {
            if (i == failed) {
                continue;
            }
            assertThat(answers.get(i).failure()).isNull();
            MutationResult r = answers.get(i).value().get(0);
            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.APPLIED);
            answered.put(batches.get(i).mutations().get(0).entityId(), r.revision());
        }
        assertThat(answered.values()).doesNotHaveDuplicates();
        Set<String> ids = batches.stream().map(b -> b.mutations().get(0).entityId()).collect(Collectors.toSet());
        Map<String, Long> pulled = changes(pullAll(World.FM, loadedRevision, 500)).stream()
                .filter(c -> c.kind().equals("contact") && ids.contains(c.id()))
                .collect(Collectors.toMap(RowChange::id, RowChange::revision));
        assertThat(pulled).isEqualTo(answered);
    }

    /** A push's answer, or what it threw. */
    private record Answered<T>(T value, Throwable failure) {
    }

    /**
     * Pushes {@code batches} (the i-th as {@code users[i]}) at once, held back until all wait for the
     * writer so they go in as few groups as possible, and counts only what the groups send.
     */
    private List<Answered<List<MutationResult>>> pushTogether(List<User> users, List<MutationBatch> batches)
            throws Exception {
        WriterHold hold = holdWriters(pool);
        count.reset();
        List<Future<List<MutationResult>>> futures = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            User user = users.get(i);
            MutationBatch batch = batches.get(i);
            futures.add(pool.submit((Callable<List<MutationResult>>) () -> pushes.apply(user, batch)));
        }
        await("pushes waiting").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
                .until(() -> pushes.unanswered() == batches.size());
        hold.release();
        List<Answered<List<MutationResult>>> out = new ArrayList<>();
        for (Future<List<MutationResult>> f : futures) {
            try {
                out.add(new Answered<>(f.get(1, TimeUnit.MINUTES), null));
            } catch (ExecutionException e) {
                out.add(new Answered<>(null, e.getCause()));
            }
        }
        return out;
    }

    /** The groups in {@code sent}: each starts by locking the revision counter. */
    private static long groups(List<String> sent) {
        return sent.stream().filter(s -> s.contains("revision_counter") && s.contains("FOR UPDATE")).count();
    }

    /** A batch from a desktop of its own, numbered as a desktop numbers its edits. */
    private static MutationBatch desktopBatch(Mutation m, long seq) {
        return new MutationBatch(List.of(MutationRequest.of(m, seq)), UUID.randomUUID().toString(), seq);
    }

    private static Contact contact(int i) {
        return new Contact(UUID.randomUUID(), Contoso.TPID, ContactKind.MICROSOFT, "Person " + i, "", "", "");
    }

    private static Mutation newContact(int i) {
        Contact contact = contact(i);
        return Mutation.upsert(EntityKind.CONTACT, contact.id().toString(), 0, EntityCodec.fields(contact));
    }

    private Mutation health(long tpid, String field, String value) throws Exception {
        long base = revisionOf(World.ADMIN, EntityKind.HEALTH, Long.toString(tpid));
        Map<String, JsonNode> fields = Map.of(field, TextNode.valueOf(value));
        return Mutation.upsert(EntityKind.HEALTH, Long.toString(tpid), base, fields);
    }
}
