package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.user.User;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.HistoryEntry;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.Outcome;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.protocol.RowChange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed (SIGKILL) while clients push, then started again on the same data.
 * Every mutation answered APPLIED is still there exactly once; every mutation id sent again gets
 * its stored answer (one never answered is applied once or not at all, never twice); revisions
 * after the restart continue above every revision handed out before, so a client whose cursor
 * was at the last one sees every later change. Several rounds, each killed after a random number
 * of answers, on H2 and (with {@code FTOP_TEST_POSTGRES_URL}) on PostgreSQL.
 */
class ServerCrashTest {

    private static final int ROUNDS = 3;
    private static final int BATCH = 5;
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+?)/api/v1");
    /** Who pushes, and on which customer's tenant their notes go: each may write notes there. */
    private static final List<Pusher> PUSHERS = List.of(
            new Pusher(World.FM, Contoso.TPID, Contoso.WINNER_TENANT_ID),
            new Pusher(World.US_LEAD, Contoso.TPID, Contoso.WINNER_TENANT_ID),
            new Pusher(World.FTA, Contoso.FABRIKAM_TPID, Contoso.FABRIKAM_TENANT_ID),
            new Pusher(World.ADMIN, Contoso.FABRIKAM_TPID, Contoso.FABRIKAM_TENANT_ID));

    @TempDir
    Path dir;

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(1)).build();

    @Test
    void onH2() throws Exception {
        crashRounds("H2", ServerConfig.h2Url(dir));
    }

    @Test
    void onPostgres() throws Exception {
        String pg = System.getenv("FTOP_TEST_POSTGRES_URL");
        if (pg == null || pg.isBlank()) {
            System.out.println("skipped: no PostgreSQL (set FTOP_TEST_POSTGRES_URL)");
            Assumptions.abort("skipped: no PostgreSQL (set FTOP_TEST_POSTGRES_URL)");
        }
        String schema = "ftop_crash_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            crashRounds("PostgreSQL", pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void crashRounds(String backend, String jdbcUrl) throws Exception {
        try (Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS)) {
            DatasetLoader.load(db, World.dataset(), World.PASSWORD);
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Figures total = new Figures();
        ServerProcess server = ServerProcess.start(jdbcUrl);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                int killAfter = 20 + random.nextInt(300);
                Figures figures = new Figures();
                server = round(server, jdbcUrl, killAfter, figures);
                System.out.printf("%s crash round %d (killed after %d answers): %s%n", backend, round, killAfter, figures);
                total.add(figures);
            }
        } finally {
            server.kill();
        }
        System.out.printf("%s crash suite, %d rounds (seed %d): %s%n", backend, ROUNDS, seed, total);
        assertThat(total.lost).as("acknowledged mutations lost").isZero();
        assertThat(total.duplicated).as("mutations applied twice").isZero();
        assertThat(total.replayMismatches).as("replays not answered as stored").isZero();
        assertThat(total.revisionsReused).as("revisions handed out again after the restart").isZero();
        assertThat(total.missedByCursor).as("later changes a client at the last handed-out revision missed").isZero();
    }

    /** Pushes until {@code killAfter} answers came back, kills the server, restarts it and checks. */
    private ServerProcess round(ServerProcess server, String jdbcUrl, int killAfter, Figures figures) throws Exception {
        Map<User, String> tokens = new HashMap<>();
        for (Pusher p : PUSHERS) {
            tokens.put(p.user(), login(server.base(), p.user()));
        }
        long startCursor = pullAll(server.base(), tokens.get(World.ADMIN), latest(server.base(), tokens.get(World.ADMIN)))
                .next();
        Map<UUID, MutationRequest> sent = new ConcurrentHashMap<>();
        Map<UUID, User> senders = new ConcurrentHashMap<>();
        Map<UUID, MutationResult> answered = new ConcurrentHashMap<>();
        AtomicLong handedOut = new AtomicLong(startCursor);
        CompletableFuture<Void> enoughAnswers = new CompletableFuture<>();
        ExecutorService pool = Executors.newFixedThreadPool(PUSHERS.size() + 1);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (Pusher p : PUSHERS) {
                workers.add(pool.submit(() -> {
                    while (true) {
                        List<MutationRequest> batch = new ArrayList<>();
                        for (int i = 0; i < BATCH; i++) {
                            MutationRequest note = p.newNote();
                            batch.add(note);
                            sent.put(note.id(), note);
                            senders.put(note.id(), p.user());
                        }
                        List<MutationResult> results;
                        try {
                            results = push(server.base(), tokens.get(p.user()), batch);
                        } catch (IOException killed) {
                            return null;
                        }
                        for (MutationResult r : results) {
                            answered.put(r.id(), r);
                            handedOut.accumulateAndGet(r.revision(), Math::max);
                        }
                        if (answered.size() >= killAfter) {
                            enoughAnswers.complete(null);
                        }
                    }
                }));
            }
            // A client pulling all the while: the revisions it is given are handed out too.
            workers.add(pool.submit(() -> {
                long cursor = startCursor;
                while (true) {
                    try {
                        cursor = page(server.base(), tokens.get(World.ADMIN), cursor, 500).next();
                        handedOut.accumulateAndGet(cursor, Math::max);
                    } catch (IOException killed) {
                        return null;
                    }
                }
            }));
            enoughAnswers.get(2, TimeUnit.MINUTES);
            server.kill();
            for (Future<?> worker : workers) {
                worker.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        ServerProcess restarted = ServerProcess.start(jdbcUrl);
        String base = restarted.base();
        String admin = login(base, World.ADMIN);
        long lastHandedOut = handedOut.get();

        // What survived: every note the server now holds, and the revision it holds it at.
        Map<String, Long> before = notes(pullAll(base, admin, 0).changes());
        figures.acknowledged += answered.size();
        for (MutationResult r : answered.values()) {
            Long revision = before.get(sent.get(r.id()).entityId());
            if (revision == null) {
                figures.lost++;
            } else if (revision == r.revision()) {
                figures.found++;
            } else {
                figures.duplicated++;
            }
        }

        // Every mutation id again, answered or not.
        Map<User, String> newTokens = new HashMap<>();
        for (Pusher p : PUSHERS) {
            newTokens.put(p.user(), login(base, p.user()));
        }
        Map<UUID, MutationResult> replayed = new LinkedHashMap<>();
        for (Pusher p : PUSHERS) {
            List<MutationRequest> mine = sent.values().stream().filter(m -> senders.get(m.id()).equals(p.user())).toList();
            for (int i = 0; i < mine.size(); i += BATCH) {
                for (MutationResult r : push(base, newTokens.get(p.user()), mine.subList(i, Math.min(mine.size(), i + BATCH)))) {
                    replayed.put(r.id(), r);
                }
            }
        }
        for (MutationRequest m : sent.values()) {
            MutationResult again = replayed.get(m.id());
            MutationResult first = answered.get(m.id());
            Long heldBefore = before.get(m.entityId());
            boolean asStored;
            if (first != null) {
                asStored = again.equals(first);
            } else if (heldBefore != null) {
                figures.unansweredButApplied++;
                asStored = again.outcome() == Outcome.APPLIED && again.revision() == heldBefore;
            } else {
                figures.unansweredAppliedOnReplay++;
                asStored = again.outcome() == Outcome.APPLIED && again.revision() > lastHandedOut;
            }
            if (!asStored) {
                figures.replayMismatches++;
                System.out.printf("  replay of %s: first %s, held at %s before, now %s%n", m.id(), first, heldBefore, again);
            }
        }

        // New edits take revisions above every one handed out before the kill ...
        List<MutationRequest> fresh = new ArrayList<>();
        for (Pusher p : PUSHERS) {
            List<MutationRequest> batch = List.of(p.newNote(), p.newNote());
            fresh.addAll(batch);
            for (MutationResult r : push(base, newTokens.get(p.user()), batch)) {
                assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
                if (r.revision() <= lastHandedOut) {
                    figures.revisionsReused++;
                }
            }
        }
        // ... so a client whose cursor was at the last of them sees every later change.
        Set<String> seenLater = notes(pullAll(base, admin, lastHandedOut).changes()).keySet();
        for (MutationRequest m : fresh) {
            if (!seenLater.contains(m.entityId())) {
                figures.missedByCursor++;
            }
        }
        for (MutationRequest m : sent.values()) {
            if (answered.get(m.id()) == null && before.get(m.entityId()) == null && !seenLater.contains(m.entityId())) {
                figures.missedByCursor++;
            }
        }

        // Applied at most once: one creation in each note's field history.
        Map<String, Set<Long>> creations = new HashMap<>();
        for (long tpid : List.of(Contoso.TPID, Contoso.FABRIKAM_TPID)) {
            for (HistoryEntry e : history(base, admin, tpid)) {
                if (e.kind().equals(EntityKind.STATUS_NOTE.wireName())) {
                    creations.computeIfAbsent(e.entityId(), k -> new java.util.TreeSet<>()).add(e.revision());
                }
            }
        }
        for (MutationRequest m : sent.values()) {
            Set<Long> revisions = creations.getOrDefault(m.entityId(), Set.of());
            if (revisions.size() > 1) {
                figures.duplicated++;
                System.out.printf("  note %s written at revisions %s%n", m.entityId(), revisions);
            }
        }
        return restarted;
    }

    // ---- the server process -----------------------------------------------------------------

    /** The server's real command line in a JVM of its own, so that killing it is a real crash. */
    private record ServerProcess(Process process, String base, Deque output) {

        static ServerProcess start(String jdbcUrl) throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            // Started eight times a run for a few hundred requests each: with the quick compiler alone and
            // the serial collector it starts on about half the CPU, which a 2-core build machine is short of.
            Process process = new ProcessBuilder(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ServerMain.class.getName(),
                    "--port", "0", "--jdbc-url", jdbcUrl,
                    "--password-iterations", Integer.toString(World.PASSWORD_ITERATIONS)))
                    .redirectErrorStream(true)
                    .start();
            CompletableFuture<String> base = new CompletableFuture<>();
            Deque output = new Deque();
            Thread drain = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        output.add(line);
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            base.complete(m.group(1));
                        }
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
                base.completeExceptionally(new AssertionError("The server ended before listening: " + output));
            }, "crash-test-server-output");
            drain.setDaemon(true);
            drain.start();
            return new ServerProcess(process, base.get(2, TimeUnit.MINUTES), output);
        }

        /** SIGKILL: no shutdown hook, no flush, no close. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    /** The last lines the server printed, for a failure message. */
    private static final class Deque {
        private final ConcurrentLinkedDeque<String> lines = new ConcurrentLinkedDeque<>();

        void add(String line) {
            lines.add(line);
            while (lines.size() > 40) {
                lines.pollFirst();
            }
        }

        @Override
        public String toString() {
            return String.join("\n", lines);
        }
    }

    // ---- a plain HTTP client ----------------------------------------------------------------

    /** A user writing new status notes on one tenant. */
    private record Pusher(User user, long tpid, UUID tenant) {
        MutationRequest newNote() {
            UUID id = UUID.randomUUID();
            Map<String, JsonNode> fields = new HashMap<>();
            fields.put("id", TextNode.valueOf(id.toString()));
            fields.put("tpid", LongNode.valueOf(tpid));
            fields.put("tenantId", TextNode.valueOf(tenant.toString()));
            fields.put("executiveSummary", TextNode.valueOf("Crash test note by " + user.userId()));
            fields.put("risks", TextNode.valueOf(""));
            fields.put("awareness", TextNode.valueOf(""));
            fields.put("author", TextNode.valueOf(user.userId()));
            fields.put("createdAt", TextNode.valueOf("2021-05-03T09:30:00Z"));
            return MutationRequest.of(new Mutation(UUID.randomUUID(), EntityKind.STATUS_NOTE, id.toString(), 0,
                    Mutation.Op.UPSERT, fields, java.time.Instant.now()));
        }
    }

    private String login(String base, User user) throws IOException {
        String body = ProtocolJson.mapper().writeValueAsString(new LoginRequest(user.userId(), World.PASSWORD));
        return call(new Request.Builder().url(base + "/api/v1/session").post(RequestBody.create(body, JSON)).build(),
                LoginResponse.class).token();
    }

    private List<MutationResult> push(String base, String token, List<MutationRequest> batch) throws IOException {
        String body = ProtocolJson.mapper().writeValueAsString(new MutationBatch(batch));
        return call(new Request.Builder().url(base + "/api/v1/mutations").header("Authorization", "Bearer " + token)
                .post(RequestBody.create(body, JSON)).build(), MutationResults.class).results();
    }

    private ChangesPage page(String base, String token, long since, int limit) throws IOException {
        return call(new Request.Builder().url(base + "/api/v1/changes?since=" + since + "&limit=" + limit)
                .header("Authorization", "Bearer " + token).build(), ChangesPage.class);
    }

    private long latest(String base, String token) throws IOException {
        return page(base, token, 0, 1).serverRevision();
    }

    /** Every page from {@code since}, as one page: its changes, and the last page's {@code next}. */
    private ChangesPage pullAll(String base, String token, long since) throws IOException {
        List<RowChange> changes = new ArrayList<>();
        long from = since;
        while (true) {
            ChangesPage page = page(base, token, from, 5000);
            changes.addAll(page.changes());
            from = page.next();
            if (!page.more()) {
                return new ChangesPage(since, from, false, page.serverRevision(), changes, List.of(), page.serverId());
            }
        }
    }

    private List<HistoryEntry> history(String base, String token, long tpid) throws IOException {
        List<HistoryEntry> all = new ArrayList<>();
        long since = 0;
        while (true) {
            Request request = new Request.Builder().url(base + "/api/v1/customers/" + tpid + "/history?since=" + since
                    + "&limit=5000").header("Authorization", "Bearer " + token).build();
            try (Response r = http.newCall(request).execute()) {
                String body = r.body().string();
                assertThat(r.code()).as(body).isEqualTo(200);
                HistoryEntry[] page = ProtocolJson.mapper().readValue(body, HistoryEntry[].class);
                if (page.length == 0) {
                    return all;
                }
                Collections.addAll(all, page);
                since = page[page.length - 1].revision();
            }
        }
    }

    private <T> T call(Request request, Class<T> type) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            String body = r.body().string();
            if (r.code() != 200) {
                throw new AssertionError(request.method() + " " + request.url() + " answered " + r.code() + ": " + body);
            }
            return ProtocolJson.mapper().readValue(body, type);
        }
    }

    /** Status notes among {@code changes}, with their revisions; a note listed twice counts once per listing. */
    private static Map<String, Long> notes(List<RowChange> changes) {
        Map<String, Long> notes = new HashMap<>();
        for (RowChange c : changes) {
            if (c.kind().equals(EntityKind.STATUS_NOTE.wireName()) && !c.deleted()) {
                notes.merge(c.id(), c.revision(), Math::max);
            }
        }
        return notes;
    }

    /** What a round found. */
    private static final class Figures {
        long acknowledged;
        long found;
        long lost;
        long duplicated;
        long unansweredButApplied;
        long unansweredAppliedOnReplay;
        long replayMismatches;
        long revisionsReused;
        long missedByCursor;

        void add(Figures f) {
            acknowledged += f.acknowledged;
            found += f.found;
            lost += f.lost;
            duplicated += f.duplicated;
            unansweredButApplied += f.unansweredButApplied;
            unansweredAppliedOnReplay += f.unansweredAppliedOnReplay;
            replayMismatches += f.replayMismatches;
            revisionsReused += f.revisionsReused;
            missedByCursor += f.missedByCursor;
        }

        @Override
        public String toString() {
            return "acknowledged " + acknowledged + ", found " + found + ", lost " + lost + ", duplicated " + duplicated
                    + "; unanswered: applied before the kill " + unansweredButApplied + ", applied on replay "
                    + unansweredAppliedOnReplay + "; replays not answered as stored " + replayMismatches
                    + "; new edits given an old revision " + revisionsReused + ", later changes missed from the last cursor "
                    + missedByCursor;
        }
    }
}
