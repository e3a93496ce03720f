package ftop.core.dataset;

import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.usage.WorkloadUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the usage feed reported in the months before a generated set's current usage, so a server
 * loaded with the set has a usage history to draw trends from. Most customers grew into today's
 * figures; customers that are Red today were healthier a few months ago and dipped since. Some
 * rows also had fewer seats entitled before a licence true-up. The figures depend only on each
 * current row (its customer, workload and figures), so the same set always has the same history.
 */
public final class UsageHistory {

    private UsageHistory() {
    }

    /**
     * The monthly usage of the {@code months} months before each current row, dated
     * {@link WorkloadUsage#asOf()} minus 1 to {@code months} months: for each row its oldest month
     * first, rows in the order given.
     *
     * @param current the usage rows now, of any number of customers
     * @param months  how many months back, 0 for none
     */
    public static List<WorkloadUsage> monthly(List<WorkloadUsage> current, int months) {
        if (months < 0) {
            throw new IllegalArgumentException("months must not be negative: " + months);
        }
        if (months == 0 || current.isEmpty()) {
            return List.of();
        }
        Map<Long, List<WorkloadUsage>> byCustomer = new LinkedHashMap<>();
        for (WorkloadUsage row : current) {
            byCustomer.computeIfAbsent(row.tpid(), t -> new ArrayList<>()).add(row);
        }
        HealthRules rules = HealthRules.defaults();
        List<WorkloadUsage> out = new ArrayList<>(current.size() * months);
        for (List<WorkloadUsage> rows : byCustomer.values()) {
            boolean dipped = HealthAssessment.of(rows, rules).overall().map(c -> c == HealthColour.RED).orElse(false);
            for (WorkloadUsage row : rows) {
                out.addAll(past(row, months, dipped));
            }
        }
        return out;
    }

    private static List<WorkloadUsage> past(WorkloadUsage row, int months, boolean dipped) {
        SplittableRandom random = new SplittableRandom(row.tpid() * 1_000_003L + row.workload().ordinal() * 7919L
                + row.entitled());
        double growth = 0.25 + 0.3 * random.nextDouble();
        double peak = 1.7 + 0.6 * random.nextDouble();
        // a true-up: before it, fewer seats were entitled
        int trueUp = random.nextInt(3) == 0 ? 2 + random.nextInt(Math.max(1, months - 2)) : Integer.MAX_VALUE;
        List<WorkloadUsage> out = new ArrayList<>(months);
        for (int back = months; back >= 1; back--) {
            double factor = dipped ? dip(back, peak) : 1 - growth * back / months;
            double noise = 1 + 0.04 * (random.nextDouble() - 0.5);
            long entitled = back >= trueUp ? Math.max(1, Math.round(row.entitled() * 0.85)) : row.entitled();
            long active = Math.round(row.active() * factor * noise);
            active = Math.max(0, Math.min(entitled, active));
            out.add(new WorkloadUsage(row.tpid(), row.workload(), active, entitled, row.asOf().minusMonths(back)));
        }
        return out;
    }

    /** Usage relative to today's, {@code back} months ago, for a customer that slid into Red lately. */
    private static double dip(int back, double peak) {
        if (back >= 4) {
            return peak * (1 - 0.03 * (back - 4));
        }
        return 1 + (peak - 1) * (back - 1) / 3.0;
    }
}
