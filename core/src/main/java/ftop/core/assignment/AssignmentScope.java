package ftop.core.assignment;

import ftop.core.tenant.Tenant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where a batch assignment applies on each customer it touches. A batch spans many customers,
 * each with its own tenants, so the tenant part of the scope is a rule ("the winner tenant", "all
 * tenants") rather than a list of tenant IDs; {@link #tenantsOf} resolves it per customer.
 *
 * @param customer the "Customer" tick box
 * @param tenants  which of the customer's tenants are ticked
 */
public record AssignmentScope(boolean customer, Tenants tenants) {

    /** Which tenants of a customer a batch scope ticks. */
    public enum Tenants {
        NONE,
        /** The winner (SLT Watchlist) tenant, where the primary FM/FTA is assigned. */
        WINNER,
        ALL,
        /**
         * Exactly the tenants selected in the Portfolio's tenant list; only for a batch over tenants,
         * see {@link BatchAssignment#previewTenants}.
         */
        SELECTED
    }

    /** The customer tick box only. */
    public static final AssignmentScope CUSTOMER = new AssignmentScope(true, Tenants.NONE);
    /** The customer and its winner tenant: the usual scope of a primary FM/FTA. */
    public static final AssignmentScope CUSTOMER_AND_WINNER = new AssignmentScope(true, Tenants.WINNER);
    /** The customer and every one of its tenants. */
    public static final AssignmentScope EVERYTHING = new AssignmentScope(true, Tenants.ALL);
    /** The selected tenants, not the customer: the usual scope of a batch over tenants. */
    public static final AssignmentScope SELECTED_TENANTS = new AssignmentScope(false, Tenants.SELECTED);

    public AssignmentScope {
        if (tenants == null) {
            throw new IllegalArgumentException("Say which tenants the assignment applies to (none, winner or all).");
        }
        if (!customer && tenants == Tenants.NONE) {
            throw new IllegalArgumentException("Tick Customer or some tenants; the assignment would apply nowhere.");
        }
    }

    /**
     * The tenant IDs this scope ticks on a customer with {@code customerTenants}; empty when the
     * scope asks for the winner and the customer has none (see {@link #unmetBy}), and for
     * {@link Tenants#SELECTED}, which only the selection can answer.
     */
    public Set<UUID> tenantsOf(List<Tenant> customerTenants) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (Tenant tenant : customerTenants) {
            if (tenants == Tenants.ALL || (tenants == Tenants.WINNER && tenant.winner())) {
                ids.add(tenant.tenantId());
            }
        }
        return ids;
    }

    /**
     * Why this scope cannot be applied to a customer with {@code customerTenants}, in words; empty
     * when it can. A tenant-only scope on a customer without such tenants would assign nobody anywhere.
     */
    public Optional<String> unmetBy(List<Tenant> customerTenants) {
        if (tenants == Tenants.NONE || tenants == Tenants.SELECTED || !tenantsOf(customerTenants).isEmpty()) {
            return Optional.empty();
        }
        if (tenants == Tenants.WINNER) {
            return Optional.of("the customer has no winner tenant");
        }
        return Optional.of("the customer has no tenants");
    }

    /** The scope in words, e.g. "the customer and its winner tenant". */
    public String describe() {
        String tenantWords = switch (tenants) {
            case NONE -> "";
            case WINNER -> "its winner tenant";
            case ALL -> "all its tenants";
            case SELECTED -> "the selected tenants";
        };
        if (!customer) {
            return tenantWords;
        }
        return tenantWords.isEmpty() ? "the customer" : "the customer and " + tenantWords;
    }
}
