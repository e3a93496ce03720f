package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import ftop.core.change.EntityCodec;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.OverallMindset;
import ftop.core.store.LocalStore;
import ftop.core.store.OutboxEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The background engine, a real client and workspace, and a real server behind a proxy that
 * replaces the server's answer with what a broken server or proxy can send: an endless or huge body,
 * a page that breaks its invariants, silence, 503 with Retry-After, fields this client does not
 * know. Each time the workspace stays as it was (or moves on consistently), no edit is lost, the
 * status says what happened in words, and the engine has planned its next sync, which succeeds once
 * the server behaves. The engine runs on virtual time: nothing waits for a back-off.
 */
class HostileServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The cap on answers in these tests: a page of the demo data is far below it. */
    private static final long CAP = 256 * 1024;
    /** How long a silent server is given in the test of one: short, but not so short that a busy machine trips it. */
    private static final Duration SILENCE = Duration.ofSeconds(2);
    private static final SyncEngine.Options OPTIONS = new SyncEngine.Options(Duration.ofHours(1), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(5));

    @TempDir
    Path dir;

    private LoopbackServer server;
    private ForwardingProxy proxy;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-03-02T09:00:00Z"));
    private LocalStore store;
    private SyncEngine engine;
    /** The edit made on another device, waiting on the server for this workspace to pull. */
    private CustomerHealth elsewhere;
    private OverallMindset elsewhereMindset;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), DatasetGenerator.demo(LocalDate.now(ZoneOffset.UTC)),
                DemoUsers.DEMO_PASSWORD, Clock.systemUTC());
        proxy = new ForwardingProxy(server.url());
        store = LocalStore.open(dir.resolve("megan"));
        open.add(store);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        if (engine != null) {
            engine.close();
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        proxy.close();
        server.close();
    }

    // ---- the answers ----------------------------------------------------------------------

    @Test
    void anEndlessPageIsRefusedAtTheCap() throws Exception {
        givenSyncedWorkspaceWithAnEditOnEachSide(100);
        proxy.tamperWhere(HostileServerTest::isChanges, true, (exchange, status, body) -> {
            sendEndlessly(exchange, "{\"since\":0,\"changes\":[");
            return true;
        });

        Snapshot before = snapshot();
        syncOnce();

        assertFailedAndUnchanged(before, SyncState.FAILING, SyncFailure.BAD_ANSWER,
                "The server's answer to \"fetch changes\" is larger than 256 KB, more than this app accepts, so it was"
                        + " not used. Nothing was changed locally and sync will try again. If this keeps happening, tell"
                        + " your FTOP administrator");
        assertBackOffPlannedThenRecovers(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aHugePageIsRefusedBeforeItIsRead() throws Exception {
        givenSyncedWorkspaceWithAnEditOnEachSide(100);
        proxy.tamperWhere(HostileServerTest::isChanges, true, (exchange, status, body) -> {
            // A real page, its row repeated far past the cap, its length announced.
            ObjectNode page = (ObjectNode) JSON.readTree(body);
            ArrayNode rows = (ArrayNode) page.get("changes");
            JsonNode row = rows.get(0);
            for (long size = row.toString().length(); size <= 2 * CAP; size += row.toString().length()) {
                rows.add(row.deepCopy());
            }
            FakeHttpServer.respond(exchange, 200, "application/json", page.toString());
            return true;
        });

        Snapshot before = snapshot();
        syncOnce();

        assertFailedAndUnchanged(before, SyncState.FAILING, SyncFailure.BAD_ANSWER,
                "The server's answer to \"fetch changes\" is larger than 256 KB");
        assertBackOffPlannedThenRecovers(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    static Stream<Arguments> brokenPages() {
        return Stream.of(
                Arguments.of("next beyond the server's latest revision", (Consumer<ObjectNode>) page -> {
                    page.put("next", page.get("serverRevision").asLong() + 1_000_000_000L);
                }, "beyond the server's latest revision"),
                Arguments.of("a row past the page's end", (Consumer<ObjectNode>) page -> {
                    ((ObjectNode) page.get("changes").get(0)).put("revision", page.get("next").asLong() + 1);
                }, "outside the page's revisions 1 to"),
                Arguments.of("another starting point", (Consumer<ObjectNode>) page -> {
                    page.put("since", page.get("since").asLong() - 1);
                }, "instead of"),
                Arguments.of("going backwards", (Consumer<ObjectNode>) page -> {
                    page.put("next", page.get("since").asLong() - 1);
                }, "the page goes back from revision"),
                Arguments.of("nothing more, short of the latest", (Consumer<ObjectNode>) page -> {
                    page.put("more", false);
                    page.put("serverRevision", page.get("serverRevision").asLong() + 7);
                }, "says there is nothing more but ends at revision"),
                Arguments.of("more, without moving on", (Consumer<ObjectNode>) page -> {
                    page.put("more", true);
                    page.put("next", page.get("since").asLong());
                    page.set("changes", JSON.createArrayNode());
                }, "does not move on"),
                Arguments.of("a row of a kind nobody knows", (Consumer<ObjectNode>) page -> {
                    ((ObjectNode) page.get("changes").get(0)).put("kind", "spaceship");
                }, "unknown kind \"spaceship\""),
                Arguments.of("a server id that is not one", (Consumer<ObjectNode>) page -> {
                    page.put("serverId", "banana");
                }, "is not a UUID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPages")
    void aPageThatBreaksAnInvariantChangesNothing(String what, Consumer<ObjectNode> breakIt, String problem)
            throws Exception {
        givenSyncedWorkspaceWithAnEditOnEachSide(100);
        proxy.tamperWhere(HostileServerTest::isChanges, true, (exchange, status, body) -> {
            ObjectNode page = (ObjectNode) JSON.readTree(body);
            assertThat(page.get("changes")).as("the real page holds the other device's edit").isNotEmpty();
            breakIt.accept(page);
            FakeHttpServer.respond(exchange, 200, "application/json", page.toString());
            return true;
        });

        Snapshot before = snapshot();
        syncOnce();

        assertFailedAndUnchanged(before, SyncState.FAILING, SyncFailure.BAD_ANSWER,
                "The server's answer to \"fetch changes\" could not be used: ");
        assertThat(engine.status().message()).hasValueSatisfying(m -> assertThat(m).contains(problem)
                .endsWith("Nothing was changed locally."));
        assertBackOffPlannedThenRecovers(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aServerThatTakesTheRequestAndNeverAnswersIsSaidToNotAnswer() throws Exception {
        givenSyncedWorkspaceWithAnEditOnEachSide(100);
        engine = engine(client(100, SILENCE));
        proxy.tamperWhere(HostileServerTest::isChanges, true, (exchange, status, body) -> {
            // Holds the exchange without a byte until the test ends.
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        });

        Snapshot before = snapshot();
        syncOnce();

        assertFailedAndUnchanged(before, SyncState.OFFLINE, SyncFailure.UNREACHABLE,
                "The server at " + address() + " took the connection but does not answer (nothing within 2 s);"
                        + " it may be overloaded or stuck. Your changes are kept and will be sent when it answers again.");
        assertBackOffPlannedThenRecovers(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aBusyServersRetryAfterInSecondsIsWaited() throws Exception {
        givenSyncedWorkspaceWithAnEditOnEachSide(100);
        proxy.tamperWhere(HostileServerTest::isChanges, true, (exchange, status, body) -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            FakeHttpServer.respond(exchange, 503, "application/json", "{\"status\":503,\"error\":\"busy\","
                    + "\"message\":\"The server is busy; try again shortly.\",\"field\":null}");
            return true;
        });

        Snapshot before = snapshot();
        syncOnce();

        assertFailedAndUnchanged(before, SyncState.FAILING, SyncFailure.SERVER_ERROR,
                "The server could not fetch changes (HTTP 503): The server is busy; try again shortly. It asks to be"
                        + " tried again in 2 minutes; sync will wait at least that long.");
        assertBackOffPlannedThenRecovers(Duration.ofSeconds(120), Duration.ofSeconds(150));
    }

    @Test
    void aProxysRetryAfterAsADateIsWaited() throws Exception {
        givenSyncedWorkspaceWithAnEditOnEachSide(100);
        proxy.tamperWhere(HostileServerTest::isChanges, true, (exchange, status, body) -> {
            // Counted from the answer's own Date, which the proxy stamps with the real time.
            exchange.getResponseHeaders().set("Retry-After",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90)));
            FakeHttpServer.respond(exchange, 503, "text/html", "<html><h1>503 Service Unavailable</h1></html>");
            return true;
        });

        Snapshot before = snapshot();
        syncOnce();

        assertFailedAndUnchanged(before, SyncState.FAILING, SyncFailure.SERVER_ERROR, "HTTP 503");
        assertBackOffPlannedThenRecovers(Duration.ofSeconds(88), Duration.ofSeconds(115));
    }

    @Test
    void answersWithFieldsThisClientDoesNotKnowAreUsed() throws Exception {
        givenSyncedWorkspaceWithAnEditOnEachSide(100);
        List<String> tampered = new CopyOnWriteArrayList<>();
        proxy.tamperWhere(q -> q.startsWith("/api/v1/changes") || q.startsWith("/api/v1/mutations"), false,
                (exchange, status, body) -> {
                    JsonNode answer = JSON.readTree(body);
                    withFieldsAddedLater(answer);
                    tampered.add(answer.toString());
                    FakeHttpServer.respond(exchange, status, "application/json", answer.toString());
                    return true;
                });

        syncOnce();

        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(tampered).anyMatch(a -> a.contains("\"results\"")).anyMatch(a -> a.contains("\"changes\""))
                .allMatch(a -> a.contains("\"addedLater\""));
        assertThat(store.outbox().pendingCount()).isZero();
        assertElsewhereEditArrived();
    }

    @Test
    void anErrorThrownInsideASyncIsReportedAndTheEngineGoesOn() throws Exception {
        givenSyncedWorkspaceWithAnEditOnEachSide(100);
        // A part of the app listening to the workspace blows its stack once, right after the push's
        // answers are committed: the Error comes out of the sync run itself.
        boolean[] thrown = {false};
        store.addListener(change -> {
            if (!thrown[0]) {
                thrown[0] = true;
                throw new StackOverflowError();
            }
        });

        syncOnce();

        assertThat(thrown[0]).isTrue();
        assertThat(engine.status().state()).isEqualTo(SyncState.FAILING);
        assertThat(engine.status().message()).contains(
                "Sync failed: StackOverflowError. Your changes are kept and sync will try again.");
        assertBackOffPlannedThenRecovers(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    // ---- pages and transactions -----------------------------------------------------------

    @Test
    void aBatchLargerThanAPageIsNeverSeenHalfApplied() throws Exception {
        LocalStore laptop = LocalStore.open(dir.resolve("megan-laptop-2"));
        open.add(laptop);
        SyncClient other = new SyncClient(server.url(), laptop);
        other.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
        other.sync(p -> { });
        signIn(500).sync(p -> { });
        SyncClient client = client(2);

        // Five edits on the other device go up in one push: one transaction on the server.
        List<CustomerHealth> five = laptop.health().all().subList(0, 5);
        Map<Long, OverallMindset> wanted = new java.util.HashMap<>();
        for (CustomerHealth health : five) {
            OverallMindset next = otherThan(health.perspective().mindset().orElse(null));
            wanted.put(health.tpid(), next);
            laptop.save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(next.name()))));
        }
        other.sync(p -> { });
        assertThat(laptop.outbox().pendingCount()).isZero();

        // After every change this workspace commits, either none or all five edits show.
        List<Integer> seen = new CopyOnWriteArrayList<>();
        store.addListener(change -> seen.add((int) wanted.entrySet().stream().filter(e -> store.health()
                .get(Long.toString(e.getKey())).orElseThrow().perspective().mindset().equals(Optional.of(e.getValue())))
                .count()));
        int asked = proxy.requests().size();
        engine = engine(client);
        engine.start();
        scheduler.runDue();

        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(seen).isNotEmpty().allMatch(n -> n == 0 || n == 5).endsWith(5);
        // Pages of 2 rows would have split the five; the page ran over its limit to take them whole.
        assertThat(proxy.requests().subList(asked, proxy.requests().size()))
                .filteredOn(r -> r.startsWith("GET /api/v1/changes")).hasSize(1);
    }

    @Test
    void aBadPageAfterGoodOnesKeepsTheGoodOnesAndNothingOfItself() throws Exception {
        LocalStore laptop = LocalStore.open(dir.resolve("megan-laptop-2"));
        open.add(laptop);
        SyncClient other = new SyncClient(server.url(), laptop);
        other.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
        other.sync(p -> { });
        signIn(500).sync(p -> { });
        SyncClient client = client(1);
        long cursor = store.cursor();

        // Three edits pushed one by one: three transactions, three pages of one row.
        List<CustomerHealth> three = laptop.health().all().subList(0, 3);
        List<OverallMindset> wanted = new ArrayList<>();
        for (CustomerHealth health : three) {
            OverallMindset next = otherThan(health.perspective().mindset().orElse(null));
            wanted.add(next);
            laptop.save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(next.name()))));
            other.sync(p -> { });
        }
        // The third page comes back with its cursor a billion revisions ahead.
        List<String> pages = new CopyOnWriteArrayList<>();
        proxy.tamperWhere(HostileServerTest::isChanges, false, (exchange, status, body) -> {
            ObjectNode page = (ObjectNode) JSON.readTree(body);
            pages.add(page.toString());
            if (pages.size() == 3) {
                page.put("next", page.get("serverRevision").asLong() + 1_000_000_000L);
            }
            FakeHttpServer.respond(exchange, 200, "application/json", page.toString());
            return true;
        });
        engine = engine(client);
        engine.start();
        scheduler.runDue();

        assertThat(engine.status().failure()).contains(SyncFailure.BAD_ANSWER);
        assertThat(engine.status().message()).hasValueSatisfying(m -> assertThat(m).contains("beyond the server's latest revision"));
        assertThat(store.cursor()).as("two pages applied, each with its cursor").isEqualTo(cursor + 2);
        assertThat(mindset(three.get(0))).contains(wanted.get(0));
        assertThat(mindset(three.get(1))).contains(wanted.get(1));
        assertThat(mindset(three.get(2))).isEqualTo(three.get(2).perspective().mindset());

        proxy.stopTampering();
        scheduler.runNext();
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(mindset(three.get(2))).contains(wanted.get(2));
        assertThat(store.cursor()).isEqualTo(cursor + 3);
    }

    // ---- set-up and assertions ------------------------------------------------------------

    /**
     * This workspace synced through the proxy, with one edit not yet sent, and another device's
     * edit waiting on the server; an engine on virtual time, not yet started.
     */
    private void givenSyncedWorkspaceWithAnEditOnEachSide(int pageSize) throws Exception {
        SyncClient client = signIn(pageSize);
        client.sync(p -> { });

        LocalStore laptop = LocalStore.open(dir.resolve("megan-laptop-2"));
        open.add(laptop);
        SyncClient other = new SyncClient(server.url(), laptop);
        other.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
        other.sync(p -> { });
        elsewhere = laptop.health().all().get(1);
        elsewhereMindset = otherThan(elsewhere.perspective().mindset().orElse(null));
        laptop.save(EntityCodec.apply(elsewhere, Map.of("perspective.mindset", TextNode.valueOf(elsewhereMindset.name()))));
        other.sync(p -> { });

        CustomerHealth mine = store.health().all().get(0);
        store.save(EntityCodec.apply(mine, Map.of("perspective.mindset",
                TextNode.valueOf(otherThan(mine.perspective().mindset().orElse(null)).name()))));
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
        engine = engine(client);
    }

    private SyncClient signIn(int pageSize) throws SyncException {
        SyncClient client = client(pageSize);
        client.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
        return client;
    }

    /** A client of this workspace through the proxy, reading answers of up to {@link #CAP} bytes. */
    private SyncClient client(int pageSize) {
        return client(pageSize, Duration.ofSeconds(30));
    }

    private SyncClient client(int pageSize, Duration readTimeout) {
        OkHttpClient http = ServerApi.defaultHttpClient().newBuilder().readTimeout(readTimeout).build();
        return new SyncClient(new ServerApi(proxy.url(), http, CAP, Clock.systemUTC()), store, pageSize, Clock.systemUTC());
    }

    private SyncEngine engine(SyncClient client) {
        // Planned on virtual time, step by step: the live wait would add steps in real time.
        return new SyncEngine(client.liveChanges(false), OPTIONS, new Random(7), scheduler, scheduler.clock());
    }

    /** Starts the engine and runs its first sync, on this thread. */
    private void syncOnce() {
        engine.start();
        scheduler.runDue();
    }

    /** What a failed sync must leave as it was: the cursor, the rows, the outbox, the last success. */
    private record Snapshot(long cursor, Optional<String> serverId, List<CustomerHealth> health,
                            List<OutboxEntry> outbox, Optional<String> lastSuccess) {
    }

    private Snapshot snapshot() {
        return new Snapshot(store.cursor(), store.serverId(), store.health().all(), store.outbox().pending(1000),
                store.setting(SyncClient.LAST_SUCCESS));
    }

    private void assertFailedAndUnchanged(Snapshot before, SyncState state, SyncFailure failure, String message) {
        SyncStatus status = engine.status();
        assertThat(status.state()).isEqualTo(state);
        assertThat(status.failure()).contains(failure);
        assertThat(status.message()).hasValueSatisfying(m -> assertThat(m).contains(message));
        assertThat(status.pendingCount()).as("the unsent edit is counted").isEqualTo(1);
        assertThat(snapshot()).usingRecursiveComparison().isEqualTo(before);
    }

    /**
     * The engine has planned its next sync between {@code from} and {@code to} from now; when it
     * runs against a server that behaves again, everything goes through.
     */
    private void assertBackOffPlannedThenRecovers(Duration from, Duration to) {
        assertThat(scheduler.nextPlanned()).hasValueSatisfying(wait -> assertThat(wait).isBetween(from, to));
        proxy.stopTampering();
        scheduler.runNext();

        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(engine.status().message()).isEmpty();
        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(scheduler.nextPlanned()).contains(OPTIONS.interval());
        assertElsewhereEditArrived();
    }

    private void assertElsewhereEditArrived() {
        assertThat(mindset(elsewhere)).contains(elsewhereMindset);
    }

    private Optional<OverallMindset> mindset(CustomerHealth health) {
        return store.health().get(Long.toString(health.tpid())).orElseThrow().perspective().mindset();
    }

    private String address() {
        return "http://127.0.0.1:" + proxy.url().port();
    }

    private static boolean isChanges(String pathAndQuery) {
        return pathAndQuery.startsWith("/api/v1/changes");
    }

    private static OverallMindset otherThan(OverallMindset current) {
        return current == OverallMindset.AVERSE ? OverallMindset.COMPETE : OverallMindset.AVERSE;
    }

    /** Adds a field a later server might send to the answer, to each of its rows and results (not to row bodies). */
    private static void withFieldsAddedLater(JsonNode answer) {
        ObjectNode root = (ObjectNode) answer;
        root.putObject("addedLater").put("pollSeconds", 30);
        for (String list : List.of("changes", "results")) {
            if (root.has(list)) {
                root.get(list).forEach(item -> ((ObjectNode) item).put("addedLater", "x"));
            }
        }
    }

    /** Sends {@code start}, then blanks until the client hangs up: an answer that never ends. */
    private static void sendEndlessly(HttpExchange exchange, String start) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] blanks = " ".repeat(16 * 1024).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(start.getBytes(StandardCharsets.UTF_8));
            while (true) {
                out.write(blanks);
            }
        } catch (IOException e) {
            // The client hung up: as it should.
        }
    }
}
