package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.user.User;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /changes?wait=}: answered at once when something is new, held until a commit touches
 * the caller's scope otherwise, and never woken by what the caller does not see.
 */
@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class LongPollTest extends ServerTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void somethingNewIsAnsweredAtOnceAndTheServerSaysItCanWait() throws Exception {
        try (Response response = http.newCall(request(World.FM, 0, 600)).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header(ChangesApi.WAIT_HEADER)).as("cut to the server's longest wait")
                    .isEqualTo(Integer.toString(ChangesApi.MAX_WAIT_SECONDS));
            ChangesPage page = MAPPER.readValue(response.body().string(), ChangesPage.class);
            assertThat(page.changes()).isNotEmpty();
        }
        assertThat(server.waitingClients()).isZero();
    }

    @Test
    void aWaitingClientIsAnsweredWhenAChangeInItsScopeCommits() throws Exception {
        long since = caughtUp(World.FM);
        CompletableFuture<ChangesPage> waiting = longPoll(World.FM, since);
        await().atMost(PATIENCE).until(() -> server.waitingClients() == 1);
        assertThat(waiting).isNotDone();

        var edit = pushOne(World.US_LEAD, Mutation.upsert(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("GTP"))));
        assertThat(edit.outcome()).as(edit.message()).isEqualTo(Outcome.APPLIED);

        ChangesPage page = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(keys(page.changes())).containsExactly("contact:" + Contoso.MICROSOFT_CONTACT_ID);
        assertThat(page.since()).isEqualTo(since);
        assertThat(page.next()).isEqualTo(edit.revision());
        assertThat(server.waitingClients()).isZero();
    }

    @Test
    void aChangeOutsideTheScopeDoesNotWakeTheClient() throws Exception {
        long since = caughtUp(World.FM);
        CompletableFuture<ChangesPage> waiting = longPoll(World.FM, since);
        await().atMost(PATIENCE).until(() -> server.waitingClients() == 1);

        // Fabrikam is not the FM's: its commit is told to the waiters before the push is answered.
        var elsewhere = pushOne(World.ADMIN, Mutation.upsert(EntityKind.CONTACT, Contoso.FABRIKAM_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("CIO"))));
        assertThat(elsewhere.outcome()).as(elsewhere.message()).isEqualTo(Outcome.APPLIED);
        assertThat(server.waitingClients()).isEqualTo(1);
        assertThat(waiting).isNotDone();

        var mine = pushOne(World.ADMIN, Mutation.upsert(EntityKind.CONTACT, Contoso.CUSTOMER_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("CEO"))));
        ChangesPage page = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(keys(page.changes())).containsExactly("contact:" + Contoso.CUSTOMER_CONTACT_ID);
        assertThat(page.next()).isEqualTo(mine.revision());
    }

    @Test
    void aCustomerComingIntoScopeWakesTheClient() throws Exception {
        long since = caughtUp(World.OTHER_FM);
        CompletableFuture<ChangesPage> waiting = longPoll(World.OTHER_FM, since);
        await().atMost(PATIENCE).until(() -> server.waitingClients() == 1);

        Assignment assignment = new Assignment(UUID.randomUUID(), Contoso.FABRIKAM_TPID, AssignmentArea.ONBOARDING,
                Role.FM, World.OTHER_FM.userId(), true, Set.of(), false);
        var added = pushOne(World.ASSIGNMENT_TEAM, Mutation.upsert(EntityKind.ASSIGNMENT, assignment.id().toString(), 0,
                EntityCodec.fields(assignment)));
        assertThat(added.outcome()).as(added.message()).isEqualTo(Outcome.APPLIED);

        ChangesPage page = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(keys(page.changes())).contains("customer:" + Contoso.FABRIKAM_TPID, "assignment:" + assignment.id());
    }

    @Test
    void whenTheWaitRunsOutTheEmptyPageIsAnswered() throws Exception {
        // The timeouts run when the test says so: a server whose timer is the test's.
        List<Runnable> timeouts = new CopyOnWriteArrayList<>();
        server.stop();
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS);
        server = new FtopServer(ServerConfig.of(0, "127.0.0.1", jdbcUrl), db, clock)
                .withLiveTimer((task, delay) -> {
                    assertThat(delay).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(ChangesApi.MAX_WAIT_SECONDS));
                    timeouts.add(task);
                    return () -> timeouts.remove(task);
                }).start();
        forgetTokens();
        long since = caughtUp(World.FM);
        // Something the FM does not see moves the server on meanwhile.
        pushOne(World.ADMIN, Mutation.upsert(EntityKind.CONTACT, Contoso.FABRIKAM_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("CIO"))));
        CompletableFuture<ChangesPage> waiting = longPoll(World.FM, since);
        await().atMost(PATIENCE).until(() -> timeouts.size() == 1);
        assertThat(waiting).isNotDone();

        timeouts.get(0).run();

        ChangesPage page = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(page.changes()).isEmpty();
        assertThat(page.more()).isFalse();
        assertThat(page.next()).as("past what the FM does not see").isGreaterThan(since).isEqualTo(page.serverRevision());
        assertThat(server.waitingClients()).isZero();
    }

    @Test
    void stoppingTheServerAnswersWaitingClientsWithNothingNew() throws Exception {
        long since = caughtUp(World.FM);
        CompletableFuture<ChangesPage> waiting = longPoll(World.FM, since);
        await().atMost(PATIENCE).until(() -> server.waitingClients() == 1);

        long started = System.nanoTime();
        server.stop();

        ChangesPage page = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(page.changes()).isEmpty();
        assertThat(page.next()).isEqualTo(since);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not held through the grace period")
                .isLessThan(FtopServer.GRACE);
    }

    @Test
    void aBadWaitIsRefused() throws Exception {
        Answer answer = get("/changes?since=0&wait=soon", token(World.FM));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error().field()).isEqualTo("wait");
    }

    /** The latest revision, after pulling everything the user sees. */
    private long caughtUp(User user) throws IOException {
        return pullAll(user, 0, 5000).get(0).next();
    }

    private Request request(User user, long since, int wait) throws IOException {
        return new Request.Builder().url(url("/changes?since=" + since + "&wait=" + wait))
                .header("Authorization", "Bearer " + token(user)).get().build();
    }

    /** A long-poll of the longest wait, answered on another thread. */
    private CompletableFuture<ChangesPage> longPoll(User user, long since) throws IOException {
        Request request = request(user, since, ChangesApi.MAX_WAIT_SECONDS);
        return CompletableFuture.supplyAsync(() -> {
            try (Response response = http.newCall(request).execute()) {
                assertThat(response.code()).isEqualTo(200);
                return MAPPER.readValue(response.body().string(), ChangesPage.class);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
