package ftop.sync.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.OverallMindset;
import ftop.core.store.LocalStore;
import ftop.core.store.StoreChange;
import ftop.core.user.User;
import ftop.sync.client.ServerApi;
import ftop.sync.client.SyncClient;
import ftop.sync.client.SyncEngine;
import ftop.sync.client.SyncState;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Live changes end to end: N desktops' sync clients (default 200), each with its workspace (an H2
 * file) and its engine running as in the product, connected to a server on loopback over the demo
 * data set, spread over the demo people. One of them (Megan Bowen's first desktop) saves an edit
 * to the health of one of her customers every so often; the benchmark times, for every other
 * desktop whose scope holds that customer, the time from the save returning to the edit being in
 * that desktop's workspace (the saving desktop's push delay counts), and prints
 * {@code propagation: p50 <ms> ms, p99 <ms> ms}. Then {@link IdleClientsProbe}: the server alone
 * in a process of its own with {@code --idle} clients waiting for changes, its heap and threads.
 *
 * <pre>
 * ./bench LiveBenchmark [--clients=200] [--edits=30] [--every-ms=1000] [--jdbc=URL] [--instances=1] [--idle=2000]
 *     [--idle-rate=100] [--idle-settle=70]
 * </pre>
 * By default the server's database is a fresh H2 file in a temporary directory; with {@code --jdbc}
 * (PostgreSQL) a schema of its own in that database, dropped afterwards. {@code --instances=2}
 * (PostgreSQL only) starts two server instances on the database, the desktops spread over both.
 * {@code --idle=0} skips the idle part.
 */
public final class LiveBenchmark {

    static final String PASSWORD = "bench-password";
    /** Cheap password hashes: hundreds of desktops sign in, and signing in is not what is measured. */
    static final int PASSWORD_ITERATIONS = 1_000;
    private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(15);

    private LiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not \"" + arg + "\"");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int clients = Integer.parseInt(options.getOrDefault("clients", "200"));
        int edits = Integer.parseInt(options.getOrDefault("edits", "30"));
        int everyMs = Integer.parseInt(options.getOrDefault("every-ms", "1000"));
        int instances = Integer.parseInt(options.getOrDefault("instances", "1"));
        int idle = Integer.parseInt(options.getOrDefault("idle", "2000"));
        int settle = Integer.parseInt(options.getOrDefault("idle-settle", "70"));
        int rate = Integer.parseInt(options.getOrDefault("idle-rate", "100"));
        String jdbc = options.get("jdbc");
        if (instances > 1 && (jdbc == null || !jdbc.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException(
                    "--instances above 1 needs --jdbc=jdbc:postgresql://...: instances share a database");
        }
        Path dir = Files.createTempDirectory("ftop-live-bench");
        String schema = jdbc == null ? null : "ftop_live_" + UUID.randomUUID().toString().replace("-", "");
        String url = jdbc == null ? ServerConfig.h2Url(dir.resolve("server")) : withSchema(jdbc, schema);
        try {
            propagation(url, dir, clients, edits, everyMs, instances, jdbc == null ? "H2" : "PostgreSQL");
            if (idle > 0) {
                IdleClientsProbe.run(url, idle, rate, settle);
            }
        } finally {
            if (schema != null) {
                try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        System.exit(0);
    }

    /** A schema of its own in the PostgreSQL database of {@code jdbc}. */
    private static String withSchema(String jdbc, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** One desktop: its workspace, client and engine. */
    private record Desktop(String userId, LocalStore store, SyncEngine engine) {
    }

    /** The edit under way: the value saved, when the save returned, and when each desktop had it. */
    private static final class Edit {
        final OverallMindset value;
        volatile long savedAt;
        final Map<Integer, Long> arrived = new ConcurrentHashMap<>();

        Edit(OverallMindset value) {
            this.value = value;
        }
    }

    private static void propagation(String url, Path dir, int clients, int edits, int everyMs, int instances, String database)
            throws Exception {
        Dataset data = DatasetGenerator.demo(LocalDate.now());
        List<FtopServer> servers = new ArrayList<>();
        List<Desktop> desktops = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                Database db = Database.open(url, Database.PoolSettings.defaults(), PASSWORD_ITERATIONS);
                if (i == 0) {
                    DatasetLoader.load(db, data, PASSWORD);
                }
                servers.add(new FtopServer(ServerConfig.of(0, "127.0.0.1", url), db, Clock.systemUTC()).start());
            }
            OkHttpClient http = ServerApi.defaultHttpClient().newBuilder()
                    .connectionPool(new ConnectionPool(2 * clients + 8, 1, TimeUnit.MINUTES)).build();
            List<String> people = new ArrayList<>(data.users().stream().map(User::userId).sorted().toList());
            people.remove(DemoUsers.DEMO_USER);
            people.add(0, DemoUsers.DEMO_USER);
            long t0 = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                String userId = people.get(i % people.size());
                LocalStore store = LocalStore.open(dir.resolve("desktop-" + i));
                HttpUrl server = HttpUrl.get(servers.get(i % instances).baseUri().toString());
                SyncClient client = new SyncClient(server, store, http, SyncClient.DEFAULT_PAGE_SIZE, Clock.systemUTC());
                client.login(userId, PASSWORD);
                SyncEngine engine = new SyncEngine(client, SyncEngine.Options.defaults());
                desktops.add(new Desktop(userId, store, engine));
                engine.start();
            }
            waitFor("every desktop online and waiting for changes", Duration.ofMinutes(5), () ->
                    desktops.stream().allMatch(d -> d.engine().status().state() == SyncState.ONLINE)
                            && servers.stream().mapToInt(FtopServer::waitingClients).sum() == clients);
            System.out.printf("%n== LiveBenchmark on %s, %d instance(s): %d desktops of %d people synced and waiting "
                    + "in %.1f s ==%n", database, instances, clients, Math.min(clients, people.size()),
                    (System.nanoTime() - t0) / 1e9);

            Desktop editor = desktops.get(0);
            CustomerHealth edited = editor.store().health().all().get(0);
            String tpid = Long.toString(edited.tpid());
            List<Integer> observers = new ArrayList<>();
            for (int i = 1; i < desktops.size(); i++) {
                if (desktops.get(i).store().health().get(tpid).isPresent()) {
                    observers.add(i);
                }
            }
            System.out.printf("%s saves customer %s's health every %d ms; %d other desktops see that customer%n",
                    editor.userId(), tpid, everyMs, observers.size());
            Edit[] current = new Edit[1];
            for (int i : observers) {
                LocalStore store = desktops.get(i).store();
                store.addListener(change -> {
                    Edit edit = current[0];
                    if (edit != null && change.origin() == StoreChange.Origin.SYNC && change.kinds().contains(EntityKind.HEALTH)
                            && !edit.arrived.containsKey(i) && store.health().get(tpid)
                            .flatMap(h -> h.perspective().mindset()).filter(edit.value::equals).isPresent()) {
                        edit.arrived.put(i, System.nanoTime());
                    }
                });
            }

            List<Long> latencies = new ArrayList<>();
            int missing = 0;
            for (int e = 0; e < edits; e++) {
                long started = System.nanoTime();
                CustomerHealth health = editor.store().health().get(tpid).orElseThrow();
                OverallMindset next = health.perspective().mindset().orElse(null) == OverallMindset.AVERSE
                        ? OverallMindset.ALIGNED : OverallMindset.AVERSE;
                Edit edit = new Edit(next);
                current[0] = edit;
                editor.store().save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(next.name()))));
                edit.savedAt = System.nanoTime();
                waitFor(null, ARRIVAL_LIMIT, () -> edit.arrived.size() == observers.size());
                for (long at : edit.arrived.values()) {
                    latencies.add(Math.max(0, at - edit.savedAt));
                }
                missing += observers.size() - edit.arrived.size();
                long rest = TimeUnit.MILLISECONDS.toNanos(everyMs) - (System.nanoTime() - started);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
            current[0] = null;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%d edits, %d arrivals timed, %d not arrived within %d s%n", edits, sorted.length, missing,
                    ARRIVAL_LIMIT.toSeconds());
            System.out.printf("propagation: p50 %d ms, p99 %d ms (max %d ms)%n", millis(percentile(sorted, 50)),
                    millis(percentile(sorted, 99)), millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        } finally {
            for (Desktop desktop : desktops) {
                desktop.engine().close();
                desktop.store().close();
            }
            servers.forEach(FtopServer::stop);
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Polls {@code condition} every few milliseconds; throws after {@code limit} when {@code what} names it. */
    static void waitFor(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                if (what != null) {
                    throw new IllegalStateException("Gave up waiting for " + what + " after " + limit.toSeconds() + " s");
                }
                return;
            }
            Thread.sleep(2);
        }
    }
}
