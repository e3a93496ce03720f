package ftop.sync.bench;

import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DatasetGenerator.Scale;
import ftop.core.store.CacheSnapshot;
import ftop.core.store.LocalStore;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.sync.client.CacheCheck;
import ftop.sync.client.ServerApi;
import ftop.sync.client.SyncClient;
import ftop.sync.protocol.ScopeChecksum;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * What the cache check costs on the S1500 data set (the assignment team's cache holds all of it),
 * a real server on loopback over H2 and a synced H2 workspace in one process: the server's checksum
 * of everything the user sees ({@code GET /checksum}), the workspace's over its server copies, a
 * whole check that finds the cache matching, and one that finds a customer changed on the server
 * behind its back and repairs it. Prints wall and CPU time (the whole process) of each; the
 * interval the desktop checks at follows from these figures (README, "The cache check").
 *
 * <pre>
 * ./bench ChecksumBenchmark [ROUNDS]    (default 5)
 * </pre>
 */
public final class ChecksumBenchmark {

    private static final String PASSWORD = "bench-password";
    private static final long SEED = 1500;

    private ChecksumBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Files.createTempDirectory("ftop-checksum-bench");
        try {
            run(rounds, root);
        } finally {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(int rounds, Path root) throws Exception {
        Dataset data = DatasetGenerator.generate(Scale.S1500, SEED, LocalDate.now());
        String jdbcUrl = ServerConfig.h2Url(root.resolve("server"));
        Database db = Database.open(jdbcUrl);
        DatasetLoader.load(db, data, PASSWORD);
        FtopServer server = new FtopServer(ServerConfig.of(0, ServerConfig.DEFAULT_BIND, jdbcUrl), db, Clock.systemUTC()).start();
        User reader = data.users().stream().filter(u -> u.roles().contains(UserRole.ASSIGNMENT_TEAM))
                .min(Comparator.comparing(User::userId)).orElseThrow();
        HttpUrl url = HttpUrl.get(server.baseUri() + "/");
        ServerApi api = new ServerApi(url, ServerApi.defaultHttpClient());
        try (LocalStore store = LocalStore.open(root.resolve("client"))) {
            SyncClient client = new SyncClient(url, store, ServerApi.defaultHttpClient(), SyncClient.DEFAULT_PAGE_SIZE,
                    Clock.systemUTC());
            String token = client.login(reader.userId(), PASSWORD).token();
            long start = System.nanoTime();
            client.sync(p -> { });
            System.out.printf("S1500 synced as %s in %,d ms: %,d customers%n", reader.userId(), millisSince(start),
                    store.customers().count());

            long[] serverWall = new long[rounds];
            long[] serverCpu = new long[rounds];
            long[] clientWall = new long[rounds];
            long[] clientCpu = new long[rounds];
            long[] checkWall = new long[rounds];
            long[] checkCpu = new long[rounds];
            long rows = 0;
            for (int round = 0; round < rounds; round++) {
                long cpu = cpuMillis();
                start = System.nanoTime();
                ScopeChecksum answer = api.checksum(token, store.cursor(), List.of());
                serverWall[round] = millisSince(start);
                serverCpu[round] = cpuMillis() - cpu;
                rows = answer.rows();

                cpu = cpuMillis();
                start = System.nanoTime();
                CacheSnapshot snapshot = store.cacheSnapshot();
                clientWall[round] = millisSince(start);
                clientCpu[round] = cpuMillis() - cpu;
                if (!snapshot.checksum().total().checksum().equals(answer.checksum())) {
                    throw new IllegalStateException("The workspace's checksum differs from the server's");
                }

                cpu = cpuMillis();
                start = System.nanoTime();
                CacheCheck.Result result = client.checkCache().orElseThrow();
                checkWall[round] = millisSince(start);
                checkCpu[round] = cpuMillis() - cpu;
                if (!result.verified()) {
                    throw new IllegalStateException("A matching cache was repaired: " + result.repaired());
                }
            }

            Customer changed = store.customers().all().get(0);
            try (Connection c = DriverManager.getConnection(jdbcUrl);
                 PreparedStatement ps = c.prepareStatement("UPDATE sync_row SET body = REPLACE(body, ?, ?) "
                         + "WHERE kind = 'customer' AND id = ?")) {
                ps.setString(1, "\"name\":\"" + changed.name() + "\"");
                ps.setString(2, "\"name\":\"" + changed.name() + " (changed by hand)\"");
                ps.setString(3, Long.toString(changed.tpid()));
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("Cannot change customer " + changed.tpid() + " on the server");
                }
            }
            long cpu = cpuMillis();
            start = System.nanoTime();
            CacheCheck.Result repair = client.checkCache().orElseThrow();
            long repairWall = millisSince(start);
            long repairCpu = cpuMillis() - cpu;
            if (!repair.repaired().equals(List.of(changed.tpid()))) {
                throw new IllegalStateException("Expected customer " + changed.tpid() + " repaired, not " + repair.repaired());
            }

            System.out.println();
            System.out.printf("== ChecksumBenchmark, S1500 (%,d rows) over loopback, %d cores, load %.1f ==%n", rows,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("server checksum (GET /checksum)   : %s ms (median %,d), CPU %s ms%n", list(serverWall),
                    median(serverWall), list(serverCpu));
            System.out.printf("workspace checksum (server copies): %s ms (median %,d), CPU %s ms%n", list(clientWall),
                    median(clientWall), list(clientCpu));
            System.out.printf("whole check, cache matches        : %s ms (median %,d), CPU %s ms%n", list(checkWall),
                    median(checkWall), list(checkCpu));
            System.out.printf("whole check, 1 customer repaired  : %,d ms, CPU %,d ms%n", repairWall, repairCpu);
        } finally {
            server.stop();
        }
    }

    /** CPU time of the whole process (server and workspace run in it). */
    private static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String list(long[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format("%,d", v)).collect(Collectors.joining(", "));
    }
}
