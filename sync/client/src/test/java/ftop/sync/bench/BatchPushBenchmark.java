package ftop.sync.bench;

import ftop.core.assignment.AppliedBatch;
import ftop.core.assignment.AssignmentScope;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.AssignmentEdit;
import ftop.core.assignment.AssignmentReader;
import ftop.core.assignment.BatchAssignment;
import ftop.core.assignment.BatchPreview;
import ftop.core.assignment.EditPermission;
import ftop.core.assignment.Role;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DatasetGenerator.Scale;
import ftop.core.store.LocalStore;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.sync.client.PushSummary;
import ftop.sync.client.ServerApi;
import ftop.sync.client.SyncClient;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * The assignment team's daily batch, end to end: a member of the assignment team syncs the S1500
 * set from a server on loopback, assigns an FTA to 500 customers (preview, then
 * apply to the local store with its outbox entries), and pushes the batch to the server. Prints
 * the preview, apply and push times; the push is checked to be applied whole.
 *
 * <pre>
 * ./bench BatchPushBenchmark
 * </pre>
 */
public final class BatchPushBenchmark {

    private static final String PASSWORD = "bench-password";
    private static final int CUSTOMERS = 500;

    private BatchPushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LocalDate today = LocalDate.now();
        Path root = Files.createTempDirectory("ftop-batch-push-bench");
        try {
            run(today, root);
        } finally {
            deleteRecursively(root);
        }
    }

    private static void run(LocalDate today, Path root) throws Exception {
        Dataset data = DatasetGenerator.generate(Scale.S1500, 1500, today);
        String jdbcUrl = ServerConfig.h2Url(root.resolve("server"));
        Database db = Database.open(jdbcUrl);
        DatasetLoader.load(db, data, PASSWORD);
        FtopServer server = new FtopServer(ServerConfig.of(0, ServerConfig.DEFAULT_BIND, jdbcUrl), db, Clock.systemUTC())
                .start();
        try (LocalStore store = LocalStore.open(root.resolve("client"))) {
            User team = data.users().stream().filter(u -> u.roles().contains(UserRole.ASSIGNMENT_TEAM))
                    .min(Comparator.comparing(User::userId)).orElseThrow();
            SyncClient client = new SyncClient(HttpUrl.get(server.baseUri() + "/"), store, ServerApi.defaultHttpClient(),
                    SyncClient.DEFAULT_PAGE_SIZE, Clock.systemUTC());
            client.login(team.userId(), PASSWORD);
            long start = System.nanoTime();
            client.sync(p -> { });
            System.out.printf("first sync as %s: %,d ms%n", team.userId(), millisSince(start));

            // an FTA is assigned to the first 500 customers of the portfolio (customer and winner tenant)
            List<Long> tpids = data.customers().stream().map(Customer::tpid).sorted().limit(CUSTOMERS).toList();
            String fta = data.users().stream().filter(u -> u.has(UserRole.FTA)).map(User::userId).sorted()
                    .findFirst().orElseThrow();
            AssignmentEdit assign = new AssignmentEdit.Assign(AssignmentArea.CUSTOMER_HEALTH, Role.FTA, fta,
                    AssignmentScope.CUSTOMER_AND_WINNER);
            AssignmentReader reader = AssignmentReader.of(store, today);

            start = System.nanoTime();
            BatchPreview preview = BatchAssignment.preview(tpids, assign, reader, EditPermission.of(team));
            long previewMillis = millisSince(start);
            start = System.nanoTime();
            AppliedBatch applied = BatchAssignment.apply(preview, store);
            long applyMillis = millisSince(start);
            int edits = applied.mutations().size();

            start = System.nanoTime();
            PushSummary pushed = client.push();
            long pushMillis = millisSince(start);
            if (pushed.applied() != edits || store.outbox().pendingCount() != 0) {
                throw new IllegalStateException("The batch did not reach the server whole: " + pushed + ", "
                        + store.outbox().pendingCount() + " still pending");
            }

            System.out.println();
            System.out.printf("== BatchPushBenchmark, assign over %d S1500 customers (%d cores, load average %.1f) ==%n",
                    CUSTOMERS, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("preview              : %,d ms (%s)%n", previewMillis, preview.summary());
            System.out.printf("apply (local + outbox): %,d ms (%,d edits)%n", applyMillis, edits);
            System.out.printf("push to the server    : %,d ms (%,d applied, %,d conflicts, %,d rejected)%n", pushMillis,
                    pushed.applied(), pushed.conflicts(), pushed.rejected());
        } finally {
            server.stop();
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
