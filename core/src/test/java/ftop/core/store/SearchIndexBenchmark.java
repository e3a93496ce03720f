package ftop.core.store;

import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * What the search index costs on the S1500 set: a bulk load into a fresh workspace (which indexes
 * every row) and a rebuild of the whole index, each with the CPU time of the thread doing it and
 * the word rows the index holds. CPU time is the figure to compare; wall time grows with whatever
 * else the machine runs.
 *
 * <p>Run from the repository root: {@code ./bench SearchIndexBenchmark}.
 */
public final class SearchIndexBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SearchIndexBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Dataset data = DatasetGenerator.generate(DatasetGenerator.Scale.S1500, 1500, LocalDate.of(2021, 5, 3));
        System.out.printf("Data set: %,d rows (%,d notes)%n", data.size(), data.notes().size());
        Path root = Files.createTempDirectory("ftop-search-index-");
        for (int round = 0; round < 2; round++) {
            try (LocalStore store = LocalStore.open(root.resolve("round-" + round))) {
                long wall = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                store.bulkLoad(data, 1);
                print(round, "bulk load", wall, cpu, store);

                SearchIndex index = new SearchIndex(store.database());
                store.database().write(StoreChange.Origin.SYNC, touched -> {
                    try (Statement st = store.database().connection().createStatement()) {
                        st.executeUpdate("DELETE FROM search_state");
                    }
                    return null;
                });
                wall = System.nanoTime();
                cpu = THREADS.getCurrentThreadCpuTime();
                index.rebuildIfMissing();
                print(round, "rebuild", wall, cpu, store);
            }
        }
    }

    private static void print(int round, String what, long wallStart, long cpuStart, LocalStore store) {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long words = store.database().read(() -> {
            try (Statement st = store.database().connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM search_word")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        System.out.printf("%s: %s %.2f s wall, %.2f s CPU (this thread), %,d word rows%n",
                round == 0 ? "warm-up" : "round " + round, what, wall, cpu, words);
    }
}
