package ftop.core.health;

import ftop.core.usage.WorkloadUsage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A portfolio of customers with random usage of every workload (one in five workloads without
 * entitlement, active users up to 110% of the entitled): the same for a seed, for the health
 * assessment's test and its benchmark.
 */
public final class RandomPortfolio {

    private RandomPortfolio() {
    }

    /** The usage rows of {@code customers} customers (TPIDs 1 to {@code customers}), one list per customer. */
    public static List<List<WorkloadUsage>> of(int customers, long seed, LocalDate asOf) {
        List<List<WorkloadUsage>> portfolio = new ArrayList<>();
        Random random = new Random(seed);
        for (int c = 0; c < customers; c++) {
            List<WorkloadUsage> rows = new ArrayList<>();
            for (Workload w : Workload.values()) {
                long entitled = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(100_000);
                rows.add(new WorkloadUsage(c + 1, w, (long) (entitled * random.nextDouble() * 1.1), entitled, asOf));
            }
            portfolio.add(rows);
        }
        return portfolio;
    }
}
