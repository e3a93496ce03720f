package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.user.User;
import ftop.sync.protocol.ApiError;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.protocol.RowChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Runs a real server on a loopback port over a fresh database for each test, loaded with
 * {@link World}; H2 always (a copy of one migrated and loaded once per JVM), PostgreSQL when
 * {@code FTOP_TEST_POSTGRES_URL} is set (each test in a schema of its own). Subclasses are
 * {@code @ParameterizedClass @EnumSource(Backend.class)}.
 */
abstract class ServerTestBase {

    /** The databases the same tests run against. */
    enum Backend { H2, POSTGRES }

    static final MediaType JSON = MediaType.get("application/json");
    static final ObjectMapper MAPPER = ProtocolJson.mapper();

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    FtopServer server;
    OkHttpClient http;
    /** The server's clock: tests move it to expire tokens. */
    final MutableClock clock = new MutableClock();
    long loadedRevision;
    String jdbcUrl;
    private String schema;
    private final Map<String, String> tokens = new HashMap<>();

    /** The H2 database of {@link World}, migrated and loaded once per JVM: each H2 test starts on a copy of it. */
    private static H2Template h2Template;

    private record H2Template(Path file, long loadedRevision) {
    }

    @BeforeEach
    void startServer() throws Exception {
        jdbcUrl = jdbcUrl();
        if (backend == Backend.H2) {
            H2Template template = h2Template();
            Files.copy(template.file(), dir.resolve(template.file().getFileName()));
            loadedRevision = template.loadedRevision();
        }
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS);
        if (backend != Backend.H2) {
            loadedRevision = DatasetLoader.load(db, World.dataset(), World.PASSWORD);
        }
        server = new FtopServer(configure(ServerConfig.of(0, "127.0.0.1", jdbcUrl)), db, clock).start();
        http = client();
    }

    /**
     * A new H2 database migrated and loaded with {@link World}, as every test used to make its own;
     * opened again on a copy, the server finds its schema current and a new epoch starts, as after a
     * restart.
     */
    private static synchronized H2Template h2Template() throws SQLException, IOException {
        if (h2Template == null) {
            Path folder = Files.createTempDirectory("ftop-server-template");
            folder.toFile().deleteOnExit();
            long revision;
            try (Database db = Database.open(ServerConfig.h2Url(folder), Database.PoolSettings.defaults(),
                    World.PASSWORD_ITERATIONS)) {
                revision = DatasetLoader.load(db, World.dataset(), World.PASSWORD);
            }
            Path file = folder.resolve(ServerConfig.H2_FILE_NAME + ".mv.db");
            file.toFile().deleteOnExit();
            h2Template = new H2Template(file, revision);
        }
        return h2Template;
    }

    /** The server's configuration; tests of options (identity provider, TLS) add theirs. */
    ServerConfig configure(ServerConfig config) throws Exception {
        return config;
    }

    /** The HTTP client of the tests; a test of TLS trusts its certificate. */
    OkHttpClient client() throws Exception {
        return new OkHttpClient();
    }

    /** Stops the server and starts it again over the same database, as a new process would; sessions stay. */
    void restart() {
        server.stop();
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS);
        try {
            server = new FtopServer(configure(ServerConfig.of(0, "127.0.0.1", jdbcUrl)), db, clock).start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopServer() throws SQLException {
        if (server != null) {
            server.stop();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(System.getenv("FTOP_TEST_POSTGRES_URL"));
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private String jdbcUrl() throws SQLException {
        if (backend == Backend.H2) {
            return ServerConfig.h2Url(dir);
        }
        String pg = System.getenv("FTOP_TEST_POSTGRES_URL");
        if (pg == null || pg.isBlank()) {
            System.out.println("skipped: no PostgreSQL (set FTOP_TEST_POSTGRES_URL)");
            Assumptions.abort("skipped: no PostgreSQL (set FTOP_TEST_POSTGRES_URL)");
        }
        schema = "ftop_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The system clock, or a fixed instant, plus an offset a test can add to. */
    static final class MutableClock extends Clock {
        private volatile java.time.Duration offset = java.time.Duration.ZERO;
        /** The instant the offset is added to; null: the system clock's. */
        private final java.time.Instant start;

        /** The system clock, moved on by {@link #advance}. */
        MutableClock() {
            this(null);
        }

        /** Stands still at {@code start} but for {@link #advance}. */
        MutableClock(java.time.Instant start) {
            this.start = start;
        }

        void advance(java.time.Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.time.Instant instant() {
            return (start != null ? start : Clock.systemUTC().instant()).plus(offset);
        }
    }

    // ---- HTTP -----------------------------------------------------------------------------

    /** A status and a body, read fully. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        <T> T as(Class<T> type) {
            try {
                return MAPPER.readValue(body, type);
            } catch (IOException e) {
                throw new AssertionError("Not a " + type.getSimpleName() + ": " + body, e);
            }
        }

        ApiError error() {
            ApiError error = as(ApiError.class);
            assertThat(error.status()).isEqualTo(status);
            assertThat(error.message()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
            return error;
        }
    }

    String url(String path) {
        return server.baseUri() + FtopServer.API + path;
    }

    Answer call(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    Answer get(String path, String token) throws IOException {
        Request.Builder b = new Request.Builder().url(url(path)).get();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return call(b.build());
    }

    Answer post(String path, String token, String json) throws IOException {
        Request.Builder b = new Request.Builder().url(url(path)).post(RequestBody.create(json, JSON));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return call(b.build());
    }

    Answer delete(String path, String token) throws IOException {
        Request.Builder b = new Request.Builder().url(url(path)).delete();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return call(b.build());
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- the protocol ---------------------------------------------------------------------

    LoginResponse login(User user) throws IOException {
        Answer answer = post("/session", null, json(new LoginRequest(user.userId(), World.PASSWORD)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.as(LoginResponse.class);
    }

    /** Forgets the tokens signed in with, e.g. once the clock moved past their expiry. */
    void forgetTokens() {
        tokens.clear();
    }

    /** A token for {@code user}, signing in once per test. */
    String token(User user) throws IOException {
        String token = tokens.get(user.userId());
        if (token == null) {
            token = login(user).token();
            tokens.put(user.userId(), token);
        }
        return token;
    }

    ChangesPage page(User user, long since, int limit) throws IOException {
        Answer answer = get("/changes?since=" + since + "&limit=" + limit, token(user));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.as(ChangesPage.class);
    }

    /** Every page from {@code since} until nothing more, as a client would pull. */
    List<ChangesPage> pullAll(User user, long since, int limit) throws IOException {
        List<ChangesPage> pages = new ArrayList<>();
        long from = since;
        while (true) {
            ChangesPage page = page(user, from, limit);
            pages.add(page);
            assertThat(page.next()).isGreaterThanOrEqualTo(from);
            from = page.next();
            if (!page.more()) {
                return pages;
            }
            assertThat(pages).as("pages").hasSizeLessThan(1000);
        }
    }

    static List<RowChange> changes(List<ChangesPage> pages) {
        return pages.stream().flatMap(p -> p.changes().stream()).toList();
    }

    static List<String> keys(List<RowChange> changes) {
        return changes.stream().map(c -> c.kind() + ":" + c.id() + (c.deleted() ? ":deleted" : "")).toList();
    }

    /** The current server revision of a row, as the caller sees it. */
    long revisionOf(User user, EntityKind kind, String id) throws IOException {
        return changes(pullAll(user, 0, 5000)).stream()
                .filter(c -> c.kind().equals(kind.wireName()) && c.id().equals(id))
                .mapToLong(RowChange::revision).max().orElseThrow();
    }

    Answer push(User user, Mutation... mutations) throws IOException {
        List<MutationRequest> requests = new ArrayList<>();
        for (Mutation m : mutations) {
            requests.add(MutationRequest.of(m));
        }
        return post("/mutations", token(user), json(new MutationBatch(requests)));
    }

    /** Pushes one mutation and returns its result, asserting the batch itself was accepted. */
    MutationResult pushOne(User user, Mutation mutation) throws IOException {
        Answer answer = push(user, mutation);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<MutationResult> results = answer.as(MutationResults.class).results();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    long serverRevision() throws IOException {
        // Asked from the latest revision, so the cursor is never ahead of the server (that is a 409).
        long latest;
        try {
            latest = server.database().read(RowStore::currentRevision);
        } catch (SQLException e) {
            throw new IOException(e);
        }
        return page(World.ADMIN, latest, 1).serverRevision();
    }

    /**
     * Takes the revision lock on a thread of {@code pool} and holds it until {@link WriterHold#release}:
     * pushes sent meanwhile wait for the writer and then go in together, as one group.
     */
    WriterHold holdWriters(ExecutorService pool) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> server.database().inRevisionTransaction(c -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        held.await();
        return new WriterHold(release, holder);
    }

    /** The revision lock held by {@link #holdWriters}. */
    record WriterHold(CountDownLatch latch, Future<?> holder) {
        /** Lets the lock go, and waits until it has. */
        void release() throws Exception {
            latch.countDown();
            holder.get();
        }
    }
}
