package ftop.core.health;

import ftop.core.usage.WorkloadUsage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The usage-based health of one customer: each workload's colour, each group's colour and the
 * overall colour, as the {@link HealthRules} judge the customer's usage rows.
 *
 * <p>Missing data is never coloured. A workload has no data when the customer has no usage row
 * for it or nothing is entitled. A group has no data when none of its workloads has data;
 * otherwise it is judged on the workloads that do (worst of them, or their combined usage,
 * as the rules' {@link GroupRule} says). The overall colour is the best colour reached by at least
 * {@link HealthRules#groupsRequired()} groups; a group with no data reaches no colour at all, so
 * when fewer groups than that have data there is no overall colour either (the customer cannot be
 * judged on "multiple complementary services").
 *
 * <p>Computing one costs a few dozen comparisons, so a portfolio of thousands of customers can be
 * assessed on every refresh.
 */
public final class HealthAssessment {

    private static final HealthColour[] BEST_FIRST = {
        HealthColour.BLUE, HealthColour.GREEN, HealthColour.YELLOW, HealthColour.RED
    };

    private static final Map<WorkloadGroup, List<Workload>> GROUP_WORKLOADS = new EnumMap<>(WorkloadGroup.class);

    static {
        for (WorkloadGroup group : WorkloadGroup.values()) {
            GROUP_WORKLOADS.put(group, group.workloads());
        }
    }

    private final Map<Workload, WorkloadHealth> workloads;
    private final Map<WorkloadGroup, HealthColour> groups;
    private final HealthColour overall;

    private HealthAssessment(Map<Workload, WorkloadHealth> workloads, Map<WorkloadGroup, HealthColour> groups,
            HealthColour overall) {
        this.workloads = workloads;
        this.groups = groups;
        this.overall = overall;
    }

    /**
     * Assesses one customer's usage. When a workload has several rows, the most recent
     * ({@link WorkloadUsage#asOf()}) counts.
     *
     * @param usage the usage rows of one customer, in any order; may be empty
     * @param rules the rules to judge by
     * @throws IllegalArgumentException when the rows belong to more than one customer
     */
    public static HealthAssessment of(List<WorkloadUsage> usage, HealthRules rules) {
        EnumMap<Workload, WorkloadUsage> latest = new EnumMap<>(Workload.class);
        long tpid = 0;
        for (int i = 0; i < usage.size(); i++) {
            WorkloadUsage row = usage.get(i);
            if (i == 0) {
                tpid = row.tpid();
            } else if (row.tpid() != tpid) {
                throw new IllegalArgumentException("Usage of customers " + tpid + " and " + row.tpid()
                        + " cannot be assessed together");
            }
            WorkloadUsage seen = latest.get(row.workload());
            if (seen == null || row.asOf().isAfter(seen.asOf())) {
                latest.put(row.workload(), row);
            }
        }

        EnumMap<Workload, WorkloadHealth> workloads = new EnumMap<>(Workload.class);
        for (WorkloadUsage row : latest.values()) {
            if (row.entitled() > 0) {
                double ratio = (double) row.active() / row.entitled();
                HealthColour colour = rules.thresholds(row.workload()).colourOf(ratio);
                workloads.put(row.workload(), new WorkloadHealth(row.workload(), row.active(), row.entitled(), colour));
            }
        }

        EnumMap<WorkloadGroup, HealthColour> groups = new EnumMap<>(WorkloadGroup.class);
        for (WorkloadGroup group : WorkloadGroup.values()) {
            HealthColour colour = groupColour(group, workloads, rules);
            if (colour != null) {
                groups.put(group, colour);
            }
        }

        return new HealthAssessment(Collections.unmodifiableMap(workloads), Collections.unmodifiableMap(groups),
                overallColour(groups, rules.groupsRequired()));
    }

    private static HealthColour groupColour(WorkloadGroup group, Map<Workload, WorkloadHealth> workloads,
            HealthRules rules) {
        HealthColour worst = null;
        long active = 0;
        long entitled = 0;
        for (Workload workload : GROUP_WORKLOADS.get(group)) {
            WorkloadHealth health = workloads.get(workload);
            if (health == null) {
                continue;
            }
            if (worst == null || health.colour().compareTo(worst) < 0) {
                worst = health.colour();
            }
            active += health.active();
            entitled += health.entitled();
        }
        if (worst == null) {
            return null;
        }
        return switch (rules.groupRule()) {
            case WORST_WORKLOAD -> worst;
            case COMBINED_USAGE -> rules.thresholds(group).colourOf((double) active / entitled);
        };
    }

    private static HealthColour overallColour(Map<WorkloadGroup, HealthColour> groups, int groupsRequired) {
        for (HealthColour candidate : BEST_FIRST) {
            int reached = 0;
            for (HealthColour colour : groups.values()) {
                if (colour.compareTo(candidate) >= 0) {
                    reached++;
                }
            }
            if (reached >= groupsRequired) {
                return candidate;
            }
        }
        return null;
    }

    /** The workload's measured health, or empty when there is no usage data for it. */
    public Optional<WorkloadHealth> workload(Workload workload) {
        return Optional.ofNullable(workloads.get(workload));
    }

    /** Every workload that has data, in workload order. */
    public Map<Workload, WorkloadHealth> workloads() {
        return workloads;
    }

    /** The group's colour, or empty when none of its workloads has data. */
    public Optional<HealthColour> group(WorkloadGroup group) {
        return Optional.ofNullable(groups.get(group));
    }

    /** The overall colour, or empty when fewer groups than the rules require have data. */
    public Optional<HealthColour> overall() {
        return Optional.ofNullable(overall);
    }

    /**
     * The combined usage of the group's workloads that have data (active over entitled, summed) as a
     * whole percentage rounded down like {@link WorkloadHealth#percent()}; empty when none has data.
     */
    public OptionalInt groupPercent(WorkloadGroup group) {
        long active = 0;
        long entitled = 0;
        for (Workload workload : GROUP_WORKLOADS.get(group)) {
            WorkloadHealth health = workloads.get(workload);
            if (health != null) {
                active += health.active();
                entitled += health.entitled();
            }
        }
        return percent(active, entitled);
    }

    /**
     * The combined usage of every workload that has data, as a whole percentage rounded down; empty
     * when there is no usage data. A trend of it shows whether adoption grows as a whole.
     */
    public OptionalInt overallPercent() {
        long active = 0;
        long entitled = 0;
        for (WorkloadHealth health : workloads.values()) {
            active += health.active();
            entitled += health.entitled();
        }
        return percent(active, entitled);
    }

    private static OptionalInt percent(long active, long entitled) {
        return entitled <= 0 ? OptionalInt.empty() : OptionalInt.of((int) Math.floor((double) active / entitled * 100 + 1e-9));
    }

    /** True when there is no usage data at all. */
    public boolean isEmpty() {
        return workloads.isEmpty();
    }

    @Override
    public String toString() {
        return "HealthAssessment[overall=" + overall + ", groups=" + groups + ", workloads=" + workloads.values() + "]";
    }
}
