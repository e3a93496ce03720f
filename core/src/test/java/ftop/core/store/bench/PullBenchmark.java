package ftop.core.store.bench;

import ftop.core.Json;
import ftop.core.change.EntityKind;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.store.LocalStore;
import ftop.core.store.RemoteRow;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A first sync of the S1500 set into a fresh local store, the way the sync client does it: pages
 * of rows applied with {@link LocalStore#applyPull}, one transaction per page. Prints the time for
 * pages of 500 (the server's default) and 5,000 (its maximum), then a catch-up page of 500 changed
 * rows into the full store with 50 edits pending. Meanwhile a second thread reads one customer
 * every 2 ms, as a screen would, and the times of those reads are printed: reads run on their
 * own connection and do not wait for a page's transaction.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ftop.core.store.bench.PullBenchmark
 * </pre>
 */
public final class PullBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** How often the screen reads: often enough to catch every page, without taking a core from the pull. */
    private static final long READ_EVERY_NANOS = 2_000_000;

    private PullBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Dataset data = BulkLoadBenchmark.s1500();
        List<RemoteRow> rows = new ArrayList<>(data.size());
        long revision = 0;
        for (Map.Entry<EntityKind, List<?>> kind : data.byKind().entrySet()) {
            for (Object entity : kind.getValue()) {
                rows.add(new RemoteRow(kind.getKey(), kind.getKey().idOf(entity), kind.getKey().tpidOf(entity), ++revision,
                        Json.mapper().valueToTree(entity)));
            }
        }
        System.out.printf("First sync of %,d rows%n", rows.size());
        Path root = Files.createTempDirectory("ftop-pull-");
        try {
            for (int pageSize : new int[] {500, 5_000, 500}) {
                Path dir = Files.createTempDirectory(root, "pull-");
                try (LocalStore store = LocalStore.open(dir)) {
                    // A screen reading one customer over and over while the pages are written.
                    String watched = Long.toString(data.customers().get(0).tpid());
                    AtomicBoolean pulling = new AtomicBoolean(true);
                    List<Long> reads = new ArrayList<>();
                    Thread screen = new Thread(() -> {
                        while (pulling.get()) {
                            long at = System.nanoTime();
                            store.customers().get(watched);
                            reads.add(System.nanoTime() - at);
                            LockSupport.parkNanos(READ_EVERY_NANOS);
                        }
                    }, "screen");
                    screen.start();
                    long start = System.nanoTime();
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    for (int from = 0; from < rows.size(); from += pageSize) {
                        List<RemoteRow> page = rows.subList(from, Math.min(rows.size(), from + pageSize));
                        store.applyPull(page, Set.of(), page.get(page.size() - 1).revision());
                    }
                    double took = (System.nanoTime() - start) / 1e9;
                    double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                    pulling.set(false);
                    joinQuietly(screen);
                    System.out.printf("pages of %,d: %.2f s (%.2f s CPU), %,.0f rows/s%n", pageSize, took, cpu,
                            rows.size() / took);
                    List<Long> sorted = reads.stream().sorted().toList();
                    System.out.printf("  a screen's read meanwhile: %,d reads, median %.2f ms, p99 %.2f ms, max %.0f ms%n",
                            sorted.size(), sorted.get(sorted.size() / 2) / 1e6,
                            sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.get(sorted.size() - 1) / 1e6);

                    // 50 customers edited locally, then a page of changes that touches them.
                    for (int c = 0; c < 50; c++) {
                        Customer customer = data.customers().get(c);
                        store.save(new Customer(customer.tpid(), customer.name() + " (edited)",
                                customer.segment(), customer.region(), customer.vertical(), customer.area(),
                                customer.phase(), customer.renewalDates()));
                    }
                    List<RemoteRow> changes = new ArrayList<>();
                    for (RemoteRow row : rows) {
                        if (row.kind() == EntityKind.CUSTOMER && changes.size() < 500) {
                            changes.add(new RemoteRow(row.kind(), row.id(), row.tpid(), row.revision() + rows.size(),
                                    row.body()));
                        }
                    }
                    long catchUp = System.nanoTime();
                    store.applyPull(changes, Set.of(), revision + rows.size());
                    System.out.printf("  catch-up page of 500 rows with 50 pending edits: %.0f ms%n",
                            (System.nanoTime() - catchUp) / 1e6);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
