package ftop.sync.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.customer.Customer;
import ftop.core.customer.Region;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DatasetGenerator.Scale;
import ftop.core.health.CustomerHealth;
import ftop.core.health.OverallMindset;
import ftop.core.store.LocalStore;
import ftop.core.store.RemoteRow;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.sync.client.ServerApi;
import ftop.sync.client.SyncClient;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sync of the S1500 data set (a regional lead's cache, ~60,000 rows) from a real server on
 * loopback into a fresh H2 workspace, against the floor: decoding the very same JSON pages and
 * applying the same rows to a fresh workspace with no HTTP at all. Also times an incremental sync
 * with nothing new (21 times), a push of 10 edits and the pull of those 10 edits by another client
 * (11 times), with the medians and the process's CPU time. Prints every figure; the targets are a
 * first sync within 3x the floor, and on a quiet machine with 2 cores an incremental sync within
 * 5 ms median with nothing new and 20 ms with 10 changes, a push of 10 edits within 30 ms.
 *
 * <pre>
 * ./mvnw -q -pl sync -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ftop.sync.bench.SyncBenchmark [-Dexec.args=ROUNDS]
 * </pre>
 */
public final class SyncBenchmark {

    private static final String PASSWORD = "bench-password";
    private static final long SEED = 1500;
    /** Incremental syncs with nothing new, for the median. */
    private static final int ZERO_ROUNDS = 21;
    /** Pushes of 10 edits, each followed by the other client's pull of them, for the medians. */
    private static final int EDIT_ROUNDS = 11;

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        LocalDate today = LocalDate.now();
        Path root = Files.createTempDirectory("ftop-sync-bench");
        try {
            run(rounds, today, root);
        } finally {
            deleteRecursively(root);
        }
    }

    private static void run(int rounds, LocalDate today, Path root) throws Exception {
        long start = System.nanoTime();
        Dataset data = DatasetGenerator.generate(Scale.S1500, SEED, today);
        System.out.printf("S1500 data set: %,d rows, generated in %d ms%n", data.size(), millisSince(start));

        start = System.nanoTime();
        String jdbcUrl = ServerConfig.h2Url(root.resolve("server"));
        Database db = Database.open(jdbcUrl);
        DatasetLoader.load(db, data, PASSWORD);
        FtopServer server = new FtopServer(ServerConfig.of(0, ServerConfig.DEFAULT_BIND, jdbcUrl), db, Clock.systemUTC())
                .start();
        System.out.printf("Server loaded and listening in %d ms at %s%n", millisSince(start), server.baseUri());
        try {
            HttpUrl url = HttpUrl.get(server.baseUri() + "/");
            // The assignment team sees every customer: the whole S1500 comes down.
            User reader = data.users().stream().filter(u -> u.roles().contains(UserRole.ASSIGNMENT_TEAM))
                    .min(Comparator.comparing(User::userId)).orElseThrow();
            int pageSize = SyncClient.DEFAULT_PAGE_SIZE;
            start = System.nanoTime();
            long cpu = processCpuMillis();
            List<byte[]> pages = rawPages(url, reader.userId(), pageSize);
            long fetchOnly = millisSince(start);
            long fetchCpu = processCpuMillis() - cpu;
            long pageBytes = pages.stream().mapToLong(p -> p.length).sum();
            System.out.printf("Pull as %s: %d pages of up to %,d rows, %,d KB of JSON, fetched and decoded in %,d ms%n",
                    reader.userId(), pages.size(), pageSize, pageBytes / 1024, fetchOnly);

            long[] first = new long[rounds];
            long[] firstCpu = new long[rounds];
            long[] floor = new long[rounds];
            SyncClient last = null;
            for (int round = 0; round < rounds; round++) {
                if (last != null) {
                    last.store().close();
                }
                LocalStore store = LocalStore.open(root.resolve("client-" + round));
                SyncClient client = new SyncClient(url, store, ServerApi.defaultHttpClient(), pageSize, Clock.systemUTC());
                client.login(reader.userId(), PASSWORD);
                start = System.nanoTime();
                cpu = processCpuMillis();
                client.sync(p -> { });
                first[round] = millisSince(start);
                firstCpu[round] = processCpuMillis() - cpu;
                last = client;

                try (LocalStore floorStore = LocalStore.open(root.resolve("floor-" + round))) {
                    start = System.nanoTime();
                    applyPages(floorStore, pages);
                    floor[round] = millisSince(start);
                }
                System.out.printf("Round %d: first sync %,d ms (%,d rows in the workspace), floor %,d ms%n", round + 1,
                        first[round], rowCount(store), floor[round]);
            }

            long[] zero = new long[ZERO_ROUNDS];
            long[] zeroCpu = new long[ZERO_ROUNDS];
            for (int i = 0; i < zero.length; i++) {
                start = System.nanoTime();
                cpu = processCpuMillis();
                last.sync(p -> { });
                zero[i] = millisSince(start);
                zeroCpu[i] = processCpuMillis() - cpu;
            }

            // A regional lead edits 10 customers' health and pushes; the reader then pulls them.
            // Repeated (flipping the same 10 back and forth) for a median rather than one sample.
            Map<Region, Long> byRegion = data.customers().stream()
                    .collect(Collectors.groupingBy(Customer::region, Collectors.counting()));
            User lead = data.users().stream().filter(u -> u.roles().contains(UserRole.LEAD))
                    .filter(u -> u.region().map(r -> byRegion.getOrDefault(r, 0L) >= 10).orElse(false))
                    .min(Comparator.comparing(User::userId)).orElseThrow();
            try (LocalStore leadStore = LocalStore.open(root.resolve("lead"))) {
                SyncClient leadClient = new SyncClient(url, leadStore, ServerApi.defaultHttpClient(), pageSize,
                        Clock.systemUTC());
                leadClient.login(lead.userId(), PASSWORD);
                leadClient.sync(p -> { });
                long[] push10 = new long[EDIT_ROUNDS];
                long[] push10Cpu = new long[EDIT_ROUNDS];
                long[] pull10 = new long[EDIT_ROUNDS];
                long[] pull10Cpu = new long[EDIT_ROUNDS];
                int applied = 0;
                for (int round = 0; round < EDIT_ROUNDS; round++) {
                    List<CustomerHealth> health = leadStore.health().all().stream()
                            .sorted(Comparator.comparingLong(CustomerHealth::tpid)).limit(10).toList();
                    for (CustomerHealth h : health) {
                        OverallMindset next = h.perspective().mindset().orElse(null) == OverallMindset.AVERSE
                                ? OverallMindset.ALIGNED : OverallMindset.AVERSE;
                        leadStore.save(EntityCodec.apply(h, Map.of("perspective.mindset", TextNode.valueOf(next.name()))));
                    }
                    start = System.nanoTime();
                    cpu = processCpuMillis();
                    applied += leadClient.push().applied();
                    push10[round] = millisSince(start);
                    push10Cpu[round] = processCpuMillis() - cpu;
                    start = System.nanoTime();
                    cpu = processCpuMillis();
                    last.sync(p -> { });
                    pull10[round] = millisSince(start);
                    pull10Cpu[round] = processCpuMillis() - cpu;
                    for (CustomerHealth h : health) {
                        var seen = last.store().health().get(Long.toString(h.tpid())).orElseThrow().perspective().mindset();
                        if (seen.equals(h.perspective().mindset())) {
                            throw new IllegalStateException("The reader did not receive the edit of customer " + h.tpid());
                        }
                    }
                }

                System.out.println();
                System.out.println("== SyncBenchmark, S1500 over loopback (" + Runtime.getRuntime().availableProcessors()
                        + " cores) ==");
                System.out.printf("first sync            : %s ms (best %,d)%n", list(first), min(first));
                System.out.printf("floor (decode + apply): %s ms (best %,d)%n", list(floor), min(floor));
                System.out.printf("first sync / floor    : %.2fx (target <= 3x)%n", (double) min(first) / min(floor));
                System.out.printf("first sync, CPU       : %s ms (best %,d; whole process: server and client)%n",
                        list(firstCpu), min(firstCpu));
                System.out.printf("fetch + decode only   : %,d ms, CPU %,d ms (server and HTTP, nothing written; cold)%n",
                        fetchOnly, fetchCpu);
                System.out.printf("incremental, 0 changes: %s ms (median %,d; CPU median %,d ms)%n", list(zero),
                        median(zero), median(zeroCpu));
                System.out.printf("push of 10 edits      : %s ms (median %,d; CPU median %,d ms; %d of %d applied)%n",
                        list(push10), median(push10), median(push10Cpu), applied, 10 * EDIT_ROUNDS);
                System.out.printf("incremental, 10 changes: %s ms (median %,d; CPU median %,d ms; another user's 10 edits "
                        + "pulled)%n", list(pull10), median(pull10), median(pull10Cpu));
            }
            last.store().close();
        } finally {
            server.stop();
        }
    }

    /** The pages a first pull of {@code user} fetches, as the raw JSON the server sends. */
    private static List<byte[]> rawPages(HttpUrl url, String user, int pageSize) throws IOException {
        OkHttpClient http = ServerApi.defaultHttpClient();
        Request login = new Request.Builder().url(url.resolve("api/v1/session"))
                .post(RequestBody.create(ProtocolJson.mapper().writeValueAsBytes(new LoginRequest(user, PASSWORD)),
                        MediaType.get("application/json"))).build();
        String token;
        try (Response response = http.newCall(login).execute()) {
            token = ProtocolJson.mapper().readValue(response.body().bytes(), LoginResponse.class).token();
        }
        List<byte[]> pages = new ArrayList<>();
        long since = 0;
        boolean more = true;
        while (more) {
            Request request = new Request.Builder()
                    .url(url.resolve("api/v1/changes?since=" + since + "&limit=" + pageSize))
                    .header("Authorization", "Bearer " + token).build();
            try (Response response = http.newCall(request).execute()) {
                byte[] body = response.body().bytes();
                ChangesPage page = ProtocolJson.mapper().readValue(body, ChangesPage.class);
                pages.add(body);
                since = page.next();
                more = page.more();
            }
        }
        return pages;
    }

    /** The floor: what the client must do at the least with those pages, without the network. */
    private static void applyPages(LocalStore store, List<byte[]> pages) throws IOException {
        for (byte[] json : pages) {
            ChangesPage page = ProtocolJson.mapper().readValue(json, ChangesPage.class);
            List<RemoteRow> rows = new ArrayList<>(page.changes().size());
            for (RowChange change : page.changes()) {
                rows.add(new RemoteRow(EntityKind.fromWireName(change.kind()).orElseThrow(), change.id(), change.tpid(),
                        change.revision(), change.body()));
            }
            store.applyPull(rows, Set.copyOf(page.droppedCustomers()), page.next());
        }
    }

    private static int rowCount(LocalStore store) {
        int count = 0;
        for (EntityKind kind : EntityKind.values()) {
            count += store.repository(kind.type()).count();
        }
        return count;
    }

    /**
     * CPU time of the whole process (server and client run in it): on a busy machine the wall
     * clock mostly measures the other processes.
     */
    private static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String list(long[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format("%,d", v)).collect(Collectors.joining(", "));
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
