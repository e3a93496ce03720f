package ftop.core.permission;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.change.EntityKind;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who may see and change what, from the seeds:
 * <ul>
 *   <li>a user sees the customers their assignments give them; a lead also sees every customer of
 *       their region; administrators and the assignment team (who assign everyone) see all;</li>
 *   <li>partners (FRP) see only the customers and tenants they are assigned to: a partner's
 *       tenant-level assignment shows that tenant, not its siblings;</li>
 *   <li>a customer's health (and its status notes and forecasts) is edited by its assigned health
 *       FM/FTA, by leads of its region and by administrators;</li>
 *   <li>the winner (SLT Watchlist) flag only by members of its security group;</li>
 *   <li>the "Is Enterprise" flag by the health owners and by those who keep the master data;</li>
 *   <li>assignments by the assignment team, leads of the region, administrators and the customer's
 *       health owner;</li>
 *   <li>master data (customers, tenants, usage, people) by the assignment team, leads of the
 *       region and administrators, the COVID-19 RFA approval also by the Gateway team.</li>
 * </ul>
 * Pure functions of their arguments, so the server, the desktop (to grey out what the user may
 * not edit) and tests all get the same answer.
 */
public final class Permissions {

    /**
     * How a refusal by these rules starts when the server answers it, so a client can tell a
     * permission refusal (which may pass once assignments change) from any other.
     */
    public static final String REFUSED = "Forbidden: ";

    private Permissions() {
    }

    /** May {@code user} see {@code customer} and the rows that belong to it? */
    public static Decision canSee(User user, CustomerAccess customer) {
        if (user.has(UserRole.ADMIN) || user.has(UserRole.ASSIGNMENT_TEAM) || leadsRegionOf(user, customer)
                || isAssigned(user, customer)) {
            return Decision.allow();
        }
        return Decision.deny(name(user) + " is not assigned to " + customer.label()
                + (user.has(UserRole.LEAD) ? " and it is outside the region they lead" : "")
                + ", so cannot see it.");
    }

    /**
     * May {@code user} see the tenant {@code tenantId} of {@code customer}? Everyone who sees a
     * customer sees its tenants, except partners, who see only the tenants they are assigned to.
     */
    public static Decision canSeeTenant(User user, CustomerAccess customer, UUID tenantId) {
        Decision customerLevel = canSee(user, customer);
        if (customerLevel.denied()) {
            return customerLevel;
        }
        boolean covered = tenantFilter(user, customer).map(tenants -> tenants.contains(tenantId)).orElse(true);
        return covered ? Decision.allow() : Decision.deny(name(user) + " is a partner and is not assigned to tenant "
                + tenantId + " of " + customer.label() + ", so cannot see it.");
    }

    /**
     * The only tenants of {@code customer} that {@code user} may see, or empty when they may see all
     * of them (everyone but partners). Meaningful only when {@link #canSee} allows.
     */
    public static Optional<Set<UUID>> tenantFilter(User user, CustomerAccess customer) {
        if (!partnerOnly(user)) {
            return Optional.empty();
        }
        Set<UUID> tenants = new TreeSet<>();
        customer.assignments().stream().filter(a -> a.userId().equals(user.userId()))
                .forEach(a -> tenants.addAll(a.tenantIds()));
        return Optional.of(Collections.unmodifiableSet(tenants));
    }

    /** May {@code user} see {@code row} (any synced entity) of {@code customer}? */
    public static Decision canSeeRow(User user, CustomerAccess customer, Object row) {
        if (row instanceof Tenant tenant) {
            return canSeeTenant(user, customer, tenant.tenantId());
        }
        if (row instanceof EnterpriseStatusNote note) {
            return canSeeTenant(user, customer, note.tenantId());
        }
        return canSee(user, customer);
    }

    /** May {@code user} edit the health (and status notes and forecasts) of {@code customer}? */
    public static Decision canEditHealth(User user, CustomerAccess customer) {
        if (user.has(UserRole.ADMIN) || leadsRegionOf(user, customer) || ownsHealth(user, customer)) {
            return Decision.allow();
        }
        return Decision.deny("Only the health FM or FTA assigned to " + customer.label()
                + ", a lead of its region or an administrator may edit its health; " + name(user) + " is none of these.");
    }

    /** May {@code user} set or clear the winner (SLT Watchlist) flag of a tenant? */
    public static Decision canSetWinnerFlag(User user) {
        if (user.sltWatchlistGroup()) {
            return Decision.allow();
        }
        return Decision.deny("The SLT Watchlist (winner) flag can only be changed by members of the SLT Watchlist "
                + "security group; " + name(user) + " is not a member.");
    }

    /** May {@code user} add, change or remove the assignments of {@code customer}? */
    public static Decision canEditAssignments(User user, CustomerAccess customer) {
        if (user.has(UserRole.ADMIN) || user.has(UserRole.ASSIGNMENT_TEAM) || leadsRegionOf(user, customer)
                || ownsHealth(user, customer)) {
            return Decision.allow();
        }
        return Decision.deny("Only the assignment team, a lead of the region, an administrator or the health owner of "
                + customer.label() + " may change its assignments; " + name(user) + " is none of these.");
    }

    /** May {@code user} change the master data (customer record, tenants, usage) of {@code customer}? */
    public static Decision canEditMasterData(User user, CustomerAccess customer) {
        if (user.has(UserRole.ADMIN) || user.has(UserRole.ASSIGNMENT_TEAM) || leadsRegionOf(user, customer)) {
            return Decision.allow();
        }
        return Decision.deny("Customer and tenant records of " + customer.label()
                + " are kept by the assignment team, leads of the region and administrators; " + name(user)
                + " is none of these.");
    }

    /**
     * May {@code user} bring tenants and usage into FTOP (the feeds, and tenants added by hand)?
     * The seeds give this to the assignment team; administrators and regional leads may too. Each
     * row is then still checked with {@link #canChange}, so a lead adds only to their region.
     */
    public static Decision canImportMasterData(User user) {
        if (user.has(UserRole.ADMIN) || user.has(UserRole.ASSIGNMENT_TEAM) || user.has(UserRole.LEAD)) {
            return Decision.allow();
        }
        return Decision.deny("Feeds and tenant exceptions are imported by the assignment team, regional leads and "
                + "administrators; " + name(user) + " is none of these.");
    }

    /** May {@code user} record a COVID-19 RFA approval? The Gateway RFA team approves them. */
    public static Decision canApproveCovidRfa(User user, CustomerAccess customer) {
        if (user.has(UserRole.GATEWAY)) {
            return canSee(user, customer);
        }
        Decision master = canEditMasterData(user, customer);
        return master.allowed() ? master : Decision.deny("A COVID-19 RFA approval is recorded by the Gateway RFA team, "
                + "the assignment team, leads of the region or administrators; " + name(user) + " is none of these.");
    }

    /** May {@code user} change the directory of people? Only administrators. */
    public static Decision canEditUsers(User user) {
        return user.has(UserRole.ADMIN) ? Decision.allow()
                : Decision.deny("Only an administrator may change the directory of people; " + name(user) + " is not one.");
    }

    /**
     * May {@code user} turn row {@code before} into {@code after}? {@code before} is null for a new
     * row, {@code after} null for a deletion; both are the same kind. The user must also be able to
     * see the row. {@code customer} is the row's customer; it is ignored for users (TPID 0).
     */
    public static Decision canChange(User user, CustomerAccess customer, Object before, Object after) {
        Object row = after != null ? after : before;
        Objects.requireNonNull(row, "before and after cannot both be null");
        EntityKind kind = EntityKind.of(row);
        if (kind == EntityKind.USER) {
            return canEditUsers(user);
        }
        Objects.requireNonNull(customer, "customer");
        Decision see = canSeeRow(user, customer, row);
        if (see.denied()) {
            return see;
        }
        return switch (kind) {
            case HEALTH, STATUS_NOTE, FORECAST -> canEditHealth(user, customer);
            case CONTACT -> user.has(UserRole.ASSIGNMENT_TEAM) ? Decision.allow() : canEditHealth(user, customer);
            case ASSIGNMENT -> canEditAssignments(user, customer);
            case CUSTOMER, USAGE -> canEditMasterData(user, customer);
            case TENANT -> canChangeTenant(user, customer, (Tenant) before, (Tenant) after);
            case USER -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * May {@code user} change the "Is Enterprise" flag of a tenant of {@code customer}? Those who keep
     * its master data, and its health owners: the seed sends the FM or FTA to the flags to enable the
     * Enterprise Status fields they must fill in.
     */
    public static Decision canSetEnterpriseLevel(User user, CustomerAccess customer) {
        if (canEditMasterData(user, customer).allowed() || canEditHealth(user, customer).allowed()) {
            return Decision.allow();
        }
        return Decision.deny("The Is Enterprise flag of " + customer.label() + "'s tenants is set by its health FM or "
                + "FTA, the assignment team, leads of the region and administrators; " + name(user)
                + " is none of these.");
    }

    private static Decision canChangeTenant(User user, CustomerAccess customer, Tenant before, Tenant after) {
        boolean winnerBefore = before != null && before.winner();
        boolean winnerAfter = after != null && after.winner();
        Decision decision = Decision.allow();
        if (winnerBefore != winnerAfter) {
            decision = canSetWinnerFlag(user);
        }
        boolean onlyFlags = before != null && after != null && before.withWinner(false).equals(
                withCovid(after.withWinner(false), before.covidRfaApprovedOn()).withEnterpriseLevel(before.enterpriseLevel()));
        if (onlyFlags) {
            // Flag-only edits: the winner flag is the security group's call, the RFA the Gateway's,
            // Is Enterprise also the health owner's.
            if (!before.covidRfaApprovedOn().equals(after.covidRfaApprovedOn())) {
                decision = decision.and(canApproveCovidRfa(user, customer));
            }
            if (!before.enterpriseLevel().equals(after.enterpriseLevel())) {
                decision = decision.and(canSetEnterpriseLevel(user, customer));
            }
            return decision;
        }
        return decision.and(canEditMasterData(user, customer));
    }

    private static Tenant withCovid(Tenant t, Optional<LocalDate> covid) {
        return new Tenant(t.tenantId(), t.name(), t.tpid(), t.winner(), covid, t.enterpriseLevel(), t.userCount(), t.origin());
    }

    /**
     * True when {@code user} may see customers they are not assigned to (administrators, the
     * assignment team, leads). For everyone else {@link #canSee} allows exactly the assigned
     * customers, so a scope can be computed from their assignments alone.
     */
    public static boolean seesUnassignedCustomers(User user) {
        return user.has(UserRole.ADMIN) || user.has(UserRole.ASSIGNMENT_TEAM)
                || (user.has(UserRole.LEAD) && user.region().isPresent());
    }

    /** True when {@code user} holds any assignment (customer or tenant level) on {@code customer}. */
    public static boolean isAssigned(User user, CustomerAccess customer) {
        return customer.assignments().stream().anyMatch(a -> a.userId().equals(user.userId()));
    }

    /** True when {@code user} is an assigned Customer Health FM or FTA of {@code customer}. */
    public static boolean ownsHealth(User user, CustomerAccess customer) {
        return customer.assignments().stream().anyMatch(a -> isHealthOwner(a) && a.userId().equals(user.userId()));
    }

    private static boolean isHealthOwner(Assignment a) {
        return a.area() == AssignmentArea.CUSTOMER_HEALTH && a.role().ownsHealth();
    }

    private static boolean leadsRegionOf(User user, CustomerAccess customer) {
        return user.has(UserRole.LEAD) && user.region().filter(r -> r == customer.region()).isPresent();
    }

    /** Partners see tenant by tenant, unless they also hold a role that sees whole customers. */
    private static boolean partnerOnly(User user) {
        return user.has(UserRole.PARTNER) && !user.has(UserRole.ADMIN) && !user.has(UserRole.ASSIGNMENT_TEAM)
                && !user.has(UserRole.LEAD);
    }

    private static String name(User user) {
        return user.displayName().isBlank() ? user.userId() : user.displayName();
    }
}
