package ftop.sync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.change.EntityKind;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DatasetGenerator.Scale;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.protocol.RowChange;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The central server under load: a server on loopback loaded with a generated data set (S1500,
 * then SERVER of DESIGN.md), and N concurrent clients (default 200), each a health FM or FTA of the
 * set. First one client's first pull alone (what a page costs on a quiet server). Then the set-up,
 * in waves of {@code --wave} clients: each distinct person signs in once (the real, deliberately
 * slow hash) and the clients of one person share the token, then every client makes its first
 * pull of its portfolio. Then the steady window: for a fixed time every client at once pulls what
 * changed and now and then pushes a small edit (the Overall Mindset of one of its customers).
 * Prints, per set, the set-up's and the steady window's requests/s and p50/p99 latency per
 * endpoint, the outcomes of the pushes and the 503 answers retried (after their Retry-After), and
 * the CPU time of the process (server and clients) in the steady window.
 *
 * <p>That loop is closed: each client sends its next request once the last is answered, so a slow
 * server also slows the load down. {@code --mode=open} runs an open loop instead
 * ({@link OpenLoopLoad}): {@code --clients} desktops (default 2,000) arrive at a fixed rate over
 * {@code --push-interval} seconds (default 30), each keeps a long-poll on {@code /changes} open
 * ({@code --wait}, default 25 s) and pushes every {@code --push-interval} seconds on its own
 * schedule whatever the answers, for {@code --seconds} (default 90); a push's latency counts from
 * when it was due. Target: p99 within 100 ms for every endpoint.
 *
 * <pre>
 * ./bench ServerLoadBenchmark [--sets=S1500,SERVER] [--clients=200] [--seconds=30] [--push-every=5] [--wave=50]
 *     [--db-pool=N] [--jdbc=URL-of-an-empty-database]
 * ./bench ServerLoadBenchmark --mode=open [--sets=S1500] [--clients=2000] [--push-interval=30] [--wait=25]
 *     [--seconds=90] [--db-pool=N] [--jdbc=URL-of-an-empty-database]
 * </pre>
 * By default each set loads into a fresh H2 file in a temporary directory (deleted afterwards); with
 * {@code --jdbc} (one set only) into that database, e.g. PostgreSQL.
 */
public final class ServerLoadBenchmark {

    private static final String PASSWORD = "bench-password";
    private static final long SEED = 42;
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String SESSION = "POST /session";
    private static final String FIRST_PULL = "GET /changes (first pull)";
    private static final String PULL = "GET /changes (incremental)";
    private static final String PUSH = "POST /mutations";

    private ServerLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not \"" + arg + "\"");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        List<Scale> sets = Stream.of(options.getOrDefault("sets", "S1500,SERVER").split(","))
                .map(String::trim).map(Scale::valueOf).toList();
        String mode = options.getOrDefault("mode", "closed");
        if (!mode.equals("closed") && !mode.equals("open")) {
            throw new IllegalArgumentException("--mode is closed or open, not \"" + mode + "\"");
        }
        boolean open = mode.equals("open");
        int clients = Integer.parseInt(options.getOrDefault("clients", open ? "2000" : "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", open ? "90" : "30"));
        int pushInterval = Integer.parseInt(options.getOrDefault("push-interval", "30"));
        int wait = Integer.parseInt(options.getOrDefault("wait", "25"));
        int pushEvery = Integer.parseInt(options.getOrDefault("push-every", "5"));
        int wave = Integer.parseInt(options.getOrDefault("wave", "50"));
        int dbPool = Integer.parseInt(options.getOrDefault("db-pool", "0"));
        String jdbc = options.get("jdbc");
        if (jdbc != null && sets.size() != 1) {
            throw new IllegalArgumentException("--jdbc takes one set (--sets=S1500 or --sets=SERVER): the database must be empty");
        }
        for (Scale scale : sets) {
            Settings settings = new Settings(open, clients, seconds, pushEvery, wave, dbPool, jdbc, pushInterval, wait);
            run(scale, settings);
        }
    }

    /** One client's plan: who it is and which customers' health it owns. */
    record Plan(String userId, List<Long> ownedTpids) {
    }

    /** The options of one run. */
    private record Settings(boolean open, int clients, int seconds, int pushEvery, int wave, int dbPool, String jdbc,
                            int pushInterval, int waitSeconds) {
    }

    private static void run(Scale scale, Settings settings) throws Exception {
        int clients = settings.clients();
        int seconds = settings.seconds();
        int pushEvery = settings.pushEvery();
        int wave = settings.wave();
        int dbPool = settings.dbPool();
        String jdbc = settings.jdbc();
        Path dir = Files.createTempDirectory("ftop-load-bench");
        String url = jdbc != null ? jdbc : ServerConfig.h2Url(dir);
        LocalDate today = LocalDate.now();
        Map<String, List<Long>> owned = new TreeMap<>();
        AtomicLong rows = new AtomicLong();
        long t0 = System.nanoTime();
        Database db = Database.open(url, Database.PoolSettings.of(dbPool));
        DatasetLoader.loadChunks(db, sink -> DatasetGenerator.generate(scale, SEED, today, 500, chunk -> {
            rows.addAndGet(chunk.size());
            for (Assignment a : chunk.assignments()) {
                if (a.area() == AssignmentArea.CUSTOMER_HEALTH) {
                    owned.computeIfAbsent(a.userId(), k -> new ArrayList<>()).add(a.tpid());
                }
            }
            sink.accept(chunk);
        }), PASSWORD);
        System.out.printf("%n== ServerLoadBenchmark %s: %,d rows generated and loaded in %.1f s (%s) ==%n", scale,
                rows.get(), (System.nanoTime() - t0) / 1e9, jdbc != null ? Database.class.getSimpleName() + " " + jdbc : "H2 file");

        List<Plan> people = owned.entrySet().stream().map(e -> new Plan(e.getKey(), List.copyOf(new TreeSet<>(e.getValue()))))
                .sorted(Comparator.comparing(Plan::userId)).toList();
        if (people.isEmpty()) {
            throw new IllegalStateException("The " + scale + " set has no health FMs or FTAs to act as clients");
        }
        FtopServer server = new FtopServer(ServerConfig.of(0, "127.0.0.1", url), db, Clock.systemUTC()).start();
        try {
            if (settings.open()) {
                System.out.printf("server: %d database connections, %d cores%n", db.poolSize(),
                        Runtime.getRuntime().availableProcessors());
                OpenLoopLoad.run(server.baseUri() + FtopServer.API, people, PASSWORD, clients, settings.pushInterval(),
                        seconds, settings.waitSeconds());
                return;
            }
            OkHttpClient http = new OkHttpClient.Builder()
                    // Below the server's idle timeout, as the desktop's client.
                    .connectionPool(new ConnectionPool(clients + 8, 1, TimeUnit.MINUTES))
                    .dispatcher(dispatcher(clients))
                    .connectTimeout(Duration.ofMinutes(2)).readTimeout(Duration.ofMinutes(2))
                    .writeTimeout(Duration.ofMinutes(2)).build();
            String api = server.baseUri() + FtopServer.API;
            System.out.printf("server: %d database connections, %d cores%n", db.poolSize(),
                    Runtime.getRuntime().availableProcessors());
            List<Client> all = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                all.add(new Client(http, api, people.get(i % people.size()), pushEvery, i));
            }
            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
            AtomicLong errors = new AtomicLong();

            // One first pull alone, before the crowd: what a page costs when nothing else runs.
            Client alone = new Client(http, api, people.get(0), pushEvery, -1);
            alone.signIn();
            long aloneStart = System.nanoTime();
            alone.firstPull();
            double aloneMs = (System.nanoTime() - aloneStart) / 1e6;
            System.out.printf("first pull alone (%s, %d customers): %d pages, %,d rows, %.0f ms, %.1f ms/page%n",
                    alone.plan.userId(), alone.plan.ownedTpids().size(), alone.pages, alone.rows, aloneMs, aloneMs / alone.pages);

            // Set-up, in waves: each distinct person signs in once (the hash is slow on purpose) and
            // the clients of one person share the token; then the clients make their first pulls.
            long setUpStart = System.nanoTime();
            Map<String, Client> firstOfUser = new LinkedHashMap<>();
            all.forEach(c -> firstOfUser.putIfAbsent(c.plan.userId(), c));
            double signInSeconds = inWaves(List.copyOf(firstOfUser.values()), wave, Client::signIn, errors);
            for (Client c : all) {
                c.token = firstOfUser.get(c.plan.userId()).token;
            }
            double firstPullSeconds = inWaves(all.stream().filter(c -> c.token != null).toList(), wave, Client::firstPull, errors);
            double setUpSeconds = (System.nanoTime() - setUpStart) / 1e9;

            // The steady window: every client at once, pulling what changed and now and then pushing.
            long[] window = new long[2];
            window[0] = System.nanoTime();
            window[1] = window[0] + TimeUnit.SECONDS.toNanos(seconds);
            long steadyCpu = OpenLoopLoad.processCpuNanos();
            List<Thread> threads = new ArrayList<>();
            for (Client client : all) {
                if (client.token == null || !client.ready) {
                    continue;
                }
                Thread t = new Thread(() -> {
                    try {
                        client.steady(window);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        System.err.println("Client " + client.plan.userId() + " failed: " + e.getMessage());
                    }
                }, "client-" + client.index);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double steadySeconds = (System.nanoTime() - window[0]) / 1e9;
            steadyCpu = OpenLoopLoad.processCpuNanos() - steadyCpu;
            for (Client client : all) {
                client.latencies.forEach((k, v) -> latencies.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                client.outcomes.forEach((k, v) -> outcomes.computeIfAbsent(k, x -> new AtomicLong()).addAndGet(v));
                errors.addAndGet(client.errors);
            }
            report(scale, clients, firstOfUser.size(), signInSeconds, firstPullSeconds, setUpSeconds, threads.size(),
                    steadySeconds, new TreeMap<>(latencies), outcomes, errors.get());
            long steadyRequests = latencies.getOrDefault(PULL, List.of()).size() + latencies.getOrDefault(PUSH, List.of()).size();
            System.out.printf("steady CPU (whole process: server and clients): %,.1f s, %.1f cores, %.2f ms per request%n",
                    steadyCpu / 1e9, steadyCpu / 1e9 / steadySeconds, steadyCpu / 1e6 / Math.max(1, steadyRequests));
        } finally {
            server.stop();
            if (jdbc == null) {
                deleteRecursively(dir);
            }
        }
    }

    /** A step of the set-up for each client, {@code wave} clients at a time; returns the seconds it took. */
    private static double inWaves(List<Client> clients, int wave, ClientStep step, AtomicLong errors) throws InterruptedException {
        long start = System.nanoTime();
        for (int from = 0; from < clients.size(); from += wave) {
            List<Thread> threads = new ArrayList<>();
            for (Client client : clients.subList(from, Math.min(clients.size(), from + wave))) {
                Thread t = new Thread(() -> {
                    try {
                        step.run(client);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        System.err.println("Client " + client.plan.userId() + " could not start: " + e.getMessage());
                    }
                }, "setup-" + client.index);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @FunctionalInterface
    private interface ClientStep {
        void run(Client client) throws IOException;
    }

    private static Dispatcher dispatcher(int clients) {
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(clients + 8);
        d.setMaxRequestsPerHost(clients + 8);
        return d;
    }

    /** One simulated desktop: its token, its cursor and the health rows it may edit. */
    private static final class Client {
        final OkHttpClient http;
        final String api;
        final Plan plan;
        final int pushEvery;
        final int index;
        final Map<String, List<Long>> latencies = new HashMap<>();
        final Map<String, Long> outcomes = new HashMap<>();
        final Map<Long, RowChange> health = new HashMap<>();
        long errors;
        String token;
        long cursor;
        boolean ready;
        int pages;
        long rows;

        Client(OkHttpClient http, String api, Plan plan, int pushEvery, int index) {
            this.http = http;
            this.api = api;
            this.plan = plan;
            this.pushEvery = pushEvery;
            this.index = index;
        }

        void signIn() throws IOException {
            byte[] login = ProtocolJson.mapper().writeValueAsBytes(new LoginRequest(plan.userId(), PASSWORD));
            JsonNode session = call(SESSION, new Request.Builder().url(api + "/session").post(RequestBody.create(login, JSON)).build());
            token = ProtocolJson.mapper().treeToValue(session, LoginResponse.class).token();
        }

        void firstPull() throws IOException {
            boolean more = true;
            while (more) {
                more = pull(FIRST_PULL);
                pages++;
            }
            ready = true;
        }

        void steady(long[] window) throws IOException {
            int round = 0;
            while (System.nanoTime() < window[1]) {
                round++;
                if (pushEvery > 0 && (round + index) % pushEvery == 0 && !health.isEmpty()) {
                    push(round);
                } else {
                    pull(PULL);
                }
            }
        }

        /** One page from the cursor; true when more are waiting. */
        private boolean pull(String endpoint) throws IOException {
            JsonNode json = call(endpoint, new Request.Builder().url(api + "/changes?since=" + cursor + "&limit=500")
                    .header("Authorization", "Bearer " + token).get().build());
            ChangesPage page = ProtocolJson.mapper().treeToValue(json, ChangesPage.class);
            rows += page.changes().size();
            for (RowChange change : page.changes()) {
                if (change.kind().equals(EntityKind.HEALTH.wireName()) && plan.ownedTpids().contains(change.tpid())) {
                    health.put(change.tpid(), change);
                }
            }
            cursor = page.next();
            return page.more();
        }

        /** Flips the Overall Mindset of one owned customer, on the revision this client last pulled. */
        private void push(int round) throws IOException {
            List<Long> tpids = new ArrayList<>(health.keySet());
            tpids.sort(null);
            RowChange row = health.get(tpids.get(round % tpids.size()));
            if (row.body() == null) {
                pull(PULL);
                return;
            }
            String mindset = row.body().path("perspective").path("mindset").asText("");
            String next = "AVERSE".equals(mindset) ? "ALIGNED" : "AVERSE";
            MutationRequest m = new MutationRequest(UUID.randomUUID(), EntityKind.HEALTH.wireName(), row.id(), row.revision(),
                    "UPSERT", Map.of("perspective.mindset", TextNode.valueOf(next)));
            byte[] body = ProtocolJson.mapper().writeValueAsBytes(new MutationBatch(List.of(m)));
            JsonNode json = call(PUSH, new Request.Builder().url(api + "/mutations").header("Authorization", "Bearer " + token)
                    .post(RequestBody.create(body, JSON)).build());
            for (MutationResult result : ProtocolJson.mapper().treeToValue(json, MutationResults.class).results()) {
                outcomes.merge(result.outcome().name(), 1L, Long::sum);
                if (result.row() != null) {
                    health.put(result.row().tpid(), result.row());
                }
            }
        }

        /**
         * One request as the desktop sends it: a 503 (busy, shutting down) is retried after a short
         * pause, as the sync client's back-off does. The latency recorded includes the retries.
         */
        private JsonNode call(String endpoint, Request request) throws IOException {
            long start = System.nanoTime();
            for (int attempt = 1; ; attempt++) {
                try (Response response = http.newCall(request).execute()) {
                    byte[] body = response.body().bytes();
                    if (response.code() == 503 && attempt < 30) {
                        outcomes.merge("503 retried", 1L, Long::sum);
                        String retryAfter = response.header("Retry-After");
                        sleep(retryAfter != null ? Math.min(5000, 1000L * Long.parseLong(retryAfter.trim()))
                                : Math.min(2000, 100L * attempt));
                        continue;
                    }
                    latencies.computeIfAbsent(endpoint, k -> new ArrayList<>()).add(System.nanoTime() - start);
                    if (response.code() != 200) {
                        errors++;
                        throw new IOException(endpoint + " answered " + response.code() + ": " + new String(body));
                    }
                    return ProtocolJson.mapper().readTree(body);
                }
            }
        }

        private static void sleep(long millis) throws IOException {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted", e);
            }
        }
    }

    private static void report(Scale scale, int clients, int people, double signInSeconds, double firstPullSeconds,
                               double setUpSeconds, int steadyClients, double steadySeconds, Map<String, List<Long>> latencies,
                               Map<String, AtomicLong> outcomes, long errors) {
        System.out.printf("%s set-up: %d clients of %d distinct health FMs/FTAs, %.1f s (sign-in %.1f s, first pulls %.1f s)%n",
                scale, clients, people, setUpSeconds, signInSeconds, firstPullSeconds);
        Map<String, Double> durations = new LinkedHashMap<>();
        durations.put(SESSION, signInSeconds);
        durations.put(FIRST_PULL, firstPullSeconds);
        printTable(latencies, durations, List.of(SESSION, FIRST_PULL));
        System.out.printf("%s steady window: %d clients, %.1f s%n", scale, steadyClients, steadySeconds);
        durations.put(PULL, steadySeconds);
        durations.put(PUSH, steadySeconds);
        printTable(latencies, durations, List.of(PULL, PUSH));
        long steadyRequests = latencies.getOrDefault(PULL, List.of()).size() + latencies.getOrDefault(PUSH, List.of()).size();
        System.out.printf("steady total: %,d requests, %,.1f req/s%n", steadyRequests, steadyRequests / steadySeconds);
        Map<String, Long> byOutcome = new TreeMap<>();
        outcomes.forEach((k, v) -> byOutcome.put(k, v.get()));
        System.out.printf("push outcomes and 503 retries: %s; failed requests: %d%n", byOutcome, errors);
    }

    private static void printTable(Map<String, List<Long>> latencies, Map<String, Double> durations, List<String> endpoints) {
        System.out.printf("  %-28s %9s %10s %9s %9s %9s%n", "endpoint", "requests", "req/s", "p50 ms", "p99 ms", "max ms");
        for (String endpoint : endpoints) {
            long[] sorted = latencies.getOrDefault(endpoint, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
            double secs = durations.get(endpoint);
            System.out.printf("  %-28s %,9d %,10.1f %9.1f %9.1f %9.1f%n", endpoint, sorted.length, sorted.length / secs,
                    percentile(sorted, 50), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
