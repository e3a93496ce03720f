package ftop.app.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import ftop.app.workspace.UnsyncedEdits;
import ftop.app.workspace.Workspace;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
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
import ftop.core.user.User;

/**
 * Builds the Portfolio's rows from the workspace's rows: one pass over each list, so thousands of
 * customers take milliseconds. Pure: the same rows and day give the same table.
 */
public final class PortfolioRows {

    private PortfolioRows() {
    }

    /**
     * What the Portfolio is built from.
     *
     * @param userId   the signed-in user, for "mine only"
     * @param unsynced per TPID, the customer's local edits not yet on the server
     */
    public record Source(List<Customer> customers, List<Tenant> tenants, List<CustomerHealth> health,
            List<WorkloadUsage> usage, List<Assignment> assignments, List<User> users, HealthRules rules,
            String userId, Map<Long, UnsyncedEdits> unsynced) {

        /** A source without unsynced edits, e.g. a data set loaded as it is. */
        public Source(List<Customer> customers, List<Tenant> tenants, List<CustomerHealth> health,
                List<WorkloadUsage> usage, List<Assignment> assignments, List<User> users, HealthRules rules,
                String userId) {
            this(customers, tenants, health, usage, assignments, users, rules, userId, Map.of());
        }

        public Source {
            Objects.requireNonNull(customers, "customers");
            Objects.requireNonNull(tenants, "tenants");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(assignments, "assignments");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(rules, "rules");
            userId = userId == null ? "" : userId;
            unsynced = unsynced == null ? Map.of() : unsynced;
        }

        /** Reads everything from {@code workspace}; touches the store, so only in the background. */
        public static Source of(Workspace workspace) {
            return new Source(workspace.customers(), workspace.tenants(), workspace.health(), workspace.usage(),
                    workspace.assignments(), workspace.users(), workspace.rules(), workspace.userId(),
                    workspace.unsyncedEdits());
        }
    }

    /**
     * The two sections of the Portfolio.
     *
     * @param customers customers sorted by name
     * @param tenants   tenants sorted by customer name, winner first, then tenant name
     */
    public record Portfolio(List<PortfolioRow> customers, List<TenantRow> tenants) {
    }

    /** The rows of both sections, judged on {@code today}. */
    public static Portfolio build(Source in, LocalDate today) {
        Map<Long, List<WorkloadUsage>> usageByTpid = new HashMap<>();
        for (WorkloadUsage u : in.usage()) {
            usageByTpid.computeIfAbsent(u.tpid(), k -> new ArrayList<>()).add(u);
        }
        Map<Long, CustomerHealth> healthByTpid = new HashMap<>();
        for (CustomerHealth h : in.health()) {
            healthByTpid.put(h.tpid(), h);
        }
        Map<Long, List<Tenant>> tenantsByTpid = new HashMap<>();
        for (Tenant t : in.tenants()) {
            tenantsByTpid.computeIfAbsent(t.tpid(), k -> new ArrayList<>()).add(t);
        }
        Map<Long, List<Assignment>> assignmentsByTpid = new HashMap<>();
        for (Assignment a : in.assignments()) {
            assignmentsByTpid.computeIfAbsent(a.tpid(), k -> new ArrayList<>()).add(a);
        }
        Map<String, String> names = new HashMap<>();
        for (User u : in.users()) {
            names.put(u.userId(), u.displayName());
        }

        ReviewCadence cadence = new ReviewCadence(in.rules());
        List<PortfolioRow> rows = new ArrayList<>(in.customers().size());
        List<TenantRow> tenantRows = new ArrayList<>(in.tenants().size());
        for (Customer c : in.customers()) {
            HealthAssessment assessment = HealthAssessment.of(usageByTpid.getOrDefault(c.tpid(), List.of()), in.rules());
            CustomerProgress progress = Optional.ofNullable(healthByTpid.get(c.tpid()))
                    .map(CustomerHealth::progress).orElseGet(CustomerProgress::empty);
            Optional<HealthColour> overall = assessment.overall();
            List<Tenant> tenants = tenantsByTpid.getOrDefault(c.tpid(), List.of());
            List<Assignment> assignments = assignmentsByTpid.getOrDefault(c.tpid(), List.of());
            StringBuilder key = new StringBuilder(64).append(c.name()).append('\n').append(c.tpid());
            for (Tenant t : tenants) {
                key.append('\n').append(t.name()).append('\n').append(t.tenantId());
            }
            boolean mine = assignments.stream().anyMatch(a -> a.userId().equals(in.userId()));
            PortfolioRow row = new PortfolioRow(c, overall,
                    assessment.group(WorkloadGroup.GROUP_1),
                    assessment.group(WorkloadGroup.GROUP_2),
                    assessment.group(WorkloadGroup.GROUP_3),
                    progress.status(),
                    cadence.reviewState(progress, overall, today),
                    progress.cxpWatchlist(),
                    progress.region().orElse(c.region()),
                    progress.vertical().orElse(c.vertical()),
                    healthOwner(assignments, names),
                    tenants.size(),
                    (int) tenants.stream().filter(Tenant::winner).count(),
                    tenants.stream().anyMatch(Tenant::covidRfaApproved),
                    mine,
                    key.toString().toLowerCase(Locale.ROOT),
                    in.unsynced().getOrDefault(c.tpid(), UnsyncedEdits.NONE));
            rows.add(row);
            for (Tenant t : tenants) {
                boolean tenantMine = assignments.stream().anyMatch(a -> a.userId().equals(in.userId())
                        && (a.customerScope() || a.coversTenant(t.tenantId())));
                String tenantKey = (t.name() + '\n' + t.tenantId() + '\n' + c.name() + '\n' + c.tpid())
                        .toLowerCase(Locale.ROOT);
                tenantRows.add(new TenantRow(t, row, tenantFm(t, assignments, names), tenantMine, tenantKey));
            }
        }
        rows.sort(Comparator.comparing(PortfolioRow::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(PortfolioRow::tpid));
        tenantRows.sort(Comparator.comparing((TenantRow t) -> t.customer().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(TenantRow::tpid)
                .thenComparing(t -> !t.winner())
                .thenComparing(TenantRow::name, String.CASE_INSENSITIVE_ORDER));
        return new Portfolio(List.copyOf(rows), List.copyOf(tenantRows));
    }

    /** The Customer Health FM or FTA: the primary one first, an FM before an FTA. */
    private static String healthOwner(List<Assignment> assignments, Map<String, String> names) {
        return assignments.stream()
                .filter(a -> a.area() == AssignmentArea.CUSTOMER_HEALTH && a.role().ownsHealth())
                .min(Comparator.comparing((Assignment a) -> !a.primary())
                        .thenComparing(a -> a.role() != Role.FM)
                        .thenComparing(Assignment::userId))
                .map(a -> names.getOrDefault(a.userId(), a.userId()))
                .orElse("");
    }

    /** The FM assigned to the tenant itself: Customer Health before Onboarding, the primary first. */
    private static String tenantFm(Tenant tenant, List<Assignment> assignments, Map<String, String> names) {
        return assignments.stream()
                .filter(a -> a.role() == Role.FM && a.coversTenant(tenant.tenantId()))
                .min(Comparator.comparing((Assignment a) -> !a.primary())
                        .thenComparing(a -> a.area() != AssignmentArea.CUSTOMER_HEALTH)
                        .thenComparing(Assignment::userId))
                .map(a -> names.getOrDefault(a.userId(), a.userId()))
                .orElse("");
    }
}
