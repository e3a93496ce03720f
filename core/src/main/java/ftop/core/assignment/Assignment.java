package ftop.core.assignment;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A user in a role within an area, for one customer. The scope says where it applies: the
 * customer itself (the "Customer" tick box) and/or some of its tenants.
 *
 * @param id            the assignment
 * @param tpid          the customer
 * @param area          the area the assignment is made in
 * @param role          the role, one the area offers
 * @param userId        the assigned user
 * @param customerScope the assignment applies at customer level
 * @param tenantIds     the tenants it applies to
 * @param primary       the primary FM/FTA accountable for the TPID (assigned on the winner tenant)
 */
public record Assignment(
        UUID id,
        long tpid,
        AssignmentArea area,
        Role role,
        String userId,
        boolean customerScope,
        Set<UUID> tenantIds,
        boolean primary) {

    public Assignment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(userId, "userId");
        tenantIds = tenantIds == null ? Set.of() : Set.copyOf(tenantIds);
    }

    public boolean coversTenant(UUID tenantId) {
        return tenantIds.contains(tenantId);
    }
}
