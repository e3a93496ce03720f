package ftop.app.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerProgress;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.ReviewCadence;
import ftop.core.health.WorkloadGroup;
import ftop.core.tenant.Tenant;
import ftop.core.usage.WorkloadUsage;

/**
 * Builds the Portfolio's rows from the workspace's rows: one pass over each list, so thousands of
 * customers take milliseconds. Pure: the same rows and day give the same table.
 */
public final class PortfolioRows {

    private PortfolioRows() {
    }

    /** The rows, sorted by customer name. */
    public static List<PortfolioRow> build(List<Customer> customers, List<Tenant> tenants, List<CustomerHealth> health,
            List<WorkloadUsage> usage, HealthRules rules, LocalDate today) {
        Map<Long, List<WorkloadUsage>> usageByTpid = new HashMap<>();
        for (WorkloadUsage u : usage) {
            usageByTpid.computeIfAbsent(u.tpid(), k -> new ArrayList<>()).add(u);
        }
        Map<Long, CustomerHealth> healthByTpid = new HashMap<>();
        for (CustomerHealth h : health) {
            healthByTpid.put(h.tpid(), h);
        }
        Map<Long, int[]> tenantFacts = new HashMap<>(); // [count, winner, covid]
        for (Tenant t : tenants) {
            int[] facts = tenantFacts.computeIfAbsent(t.tpid(), k -> new int[3]);
            facts[0]++;
            if (t.winner()) {
                facts[1] = 1;
            }
            if (t.covidRfaApproved()) {
                facts[2] = 1;
            }
        }
        ReviewCadence cadence = new ReviewCadence(rules);
        List<PortfolioRow> rows = new ArrayList<>(customers.size());
        for (Customer c : customers) {
            HealthAssessment assessment = HealthAssessment.of(usageByTpid.getOrDefault(c.tpid(), List.of()), rules);
            CustomerProgress progress = Optional.ofNullable(healthByTpid.get(c.tpid()))
                    .map(CustomerHealth::progress).orElseGet(CustomerProgress::empty);
            Optional<HealthColour> overall = assessment.overall();
            int[] facts = tenantFacts.getOrDefault(c.tpid(), new int[3]);
            rows.add(new PortfolioRow(c, overall,
                    assessment.group(WorkloadGroup.GROUP_1),
                    assessment.group(WorkloadGroup.GROUP_2),
                    assessment.group(WorkloadGroup.GROUP_3),
                    progress.status(),
                    cadence.reviewState(progress, overall, today),
                    facts[0], facts[1] == 1, facts[2] == 1));
        }
        rows.sort(Comparator.comparing(PortfolioRow::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(PortfolioRow::tpid));
        return rows;
    }
}
