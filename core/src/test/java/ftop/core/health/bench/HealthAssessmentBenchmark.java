package ftop.core.health.bench;

import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthRules;
import ftop.core.health.RandomPortfolio;
import ftop.core.usage.WorkloadUsage;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;

/**
 * How long the health assessment (workload, group and overall colours) takes for a portfolio of
 * 1,500 customers with random usage of every workload: cold, then the best of 5 after a warm-up
 * (target: under 1 s for the 1,500). Prints wall and CPU time.
 *
 * <pre>
 * ./bench HealthAssessmentBenchmark
 * </pre>
 */
public final class HealthAssessmentBenchmark {

    private static final int CUSTOMERS = 1_500;
    private static final int RUNS = 5;

    private HealthAssessmentBenchmark() {
    }

    public static void main(String[] args) {
        HealthRules rules = HealthRules.defaults();
        List<List<WorkloadUsage>> portfolio = RandomPortfolio.of(CUSTOMERS, 42, LocalDate.of(2021, 5, 31));
        System.out.printf("machine: %d processors, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        long[] cold = assess(portfolio, rules);
        System.out.printf("%,d customers, cold: %,d us (cpu %,d us), %d with an overall colour%n", CUSTOMERS, cold[0],
                cold[1], cold[2]);
        for (int warm = 0; warm < 20; warm++) {
            assess(portfolio, rules);
        }
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long[] figures = assess(portfolio, rules);
            best = Math.min(best, figures[0]);
            bestCpu = Math.min(bestCpu, figures[1]);
        }
        System.out.printf("%,d customers, warm: best of %d %,d us (cpu %,d us); target < 1,000,000 us%n", CUSTOMERS, RUNS,
                best, bestCpu);
    }

    /** Assesses every customer; returns the wall and CPU microseconds and how many got an overall colour. */
    private static long[] assess(List<List<WorkloadUsage>> portfolio, HealthRules rules) {
        long start = System.nanoTime();
        long cpu = cpuNanos();
        long coloured = 0;
        for (List<WorkloadUsage> rows : portfolio) {
            if (HealthAssessment.of(rows, rules).overall().isPresent()) {
                coloured++;
            }
        }
        return new long[] {(System.nanoTime() - start) / 1_000, (cpuNanos() - cpu) / 1_000, coloured};
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
