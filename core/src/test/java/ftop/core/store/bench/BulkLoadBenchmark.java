package ftop.core.store.bench;

import ftop.core.change.EntityCodec;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.store.LocalStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bulk-loads a data set of the S1500 scale (1,500 customers, 6,000 tenants, 5,000 contacts,
 * 10,000 assignments, 30,000 status notes, plus health, usage, forecasts and users) into a fresh local
 * store and prints the time and rows per second. Each round uses a new workspace folder; the
 * first round warms the JVM up and is reported apart.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ftop.core.store.bench.BulkLoadBenchmark
 * </pre>
 * The rows come from {@code DatasetGenerator.generate(Scale.S1500, 1500, 2021-05-03)}.
 */
public final class BulkLoadBenchmark {

    private static final int ROUNDS = 4;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private BulkLoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        System.out.printf("Load average before: %.1f on %d cores%n", PROCESS.getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        Dataset data = s1500();
        System.out.printf("Data set: %,d rows (%,d customers, %,d tenants, %,d contacts, %,d assignments, %,d notes)%n",
                data.size(), data.customers().size(), data.tenants().size(), data.contacts().size(),
                data.assignments().size(), data.notes().size());
        for (int i = 0; i < 3; i++) {
            long jsonStart = System.nanoTime();
            long chars = 0;
            for (List<?> rows : data.byKind().values()) {
                for (Object row : rows) {
                    chars += EntityCodec.toJson(row).length();
                }
            }
            System.out.printf("JSON of every row alone: %.2f s (%,d characters)%n",
                    (System.nanoTime() - jsonStart) / 1e9, chars);
        }
        Path root = Files.createTempDirectory("ftop-bulkload-");
        try {
            List<Double> seconds = new ArrayList<>();
            List<Double> cpuSeconds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Path dir = root.resolve("round-" + round);
                try (LocalStore store = LocalStore.open(dir)) {
                    long start = System.nanoTime();
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    long processCpuStart = PROCESS.getProcessCpuTime();
                    store.bulkLoad(data, 1);
                    double took = (System.nanoTime() - start) / 1e9;
                    double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                    double processCpu = (PROCESS.getProcessCpuTime() - processCpuStart) / 1e9;
                    if (store.tenants().count() != data.tenants().size()) {
                        throw new IllegalStateException("Loaded " + store.tenants().count() + " tenants");
                    }
                    System.out.printf("%s: bulk load %.2f s (CPU: %.2f s loading thread, %.2f s whole process), "
                                    + "%,.0f rows/s%n",
                            round == 0 ? "warm-up" : "round " + round, took, cpu, processCpu, data.size() / took);
                    if (round > 0) {
                        seconds.add(took);
                        cpuSeconds.add(cpu);
                    }
                    if (round == ROUNDS - 1) {
                        long readStart = System.nanoTime();
                        int notes = store.notes().byTpid(data.customers().get(0).tpid()).size();
                        int customers = store.customers().all().size();
                        System.out.printf("reads: all %,d customers + %d notes of one customer in %.0f ms%n",
                                customers, notes, (System.nanoTime() - readStart) / 1e6);
                        int edits = 200;
                        long editStart = System.nanoTime();
                        for (int i = 0; i < edits; i++) {
                            Customer c = data.customers().get(i);
                            store.save(new Customer(c.tpid(), c.name() + " *", c.segment(), c.region(), c.vertical(),
                                    c.area(), c.phase(), c.renewalDates()));
                        }
                        System.out.printf("edits: %d single saves (validate, row, outbox, commit to disk), %.1f ms each%n",
                                edits, (System.nanoTime() - editStart) / 1e6 / edits);
                    }
                }
            }
            double best = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double bestCpu = cpuSeconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            System.out.printf("S1500 bulk load: best %.2f s, %,.0f rows/s (best CPU time %.2f s; wall time grows when "
                    + "other processes share the cores)%n", best, data.size() / best, bestCpu);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The S1500 set of the generator, on a fixed day so every run loads the same rows. */
    static Dataset s1500() {
        return DatasetGenerator.generate(DatasetGenerator.Scale.S1500, 1500, LocalDate.of(2021, 5, 3));
    }
}
