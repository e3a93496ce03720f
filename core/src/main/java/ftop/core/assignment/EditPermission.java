package ftop.core.assignment;

import ftop.core.customer.Customer;
import ftop.core.permission.CustomerAccess;
import ftop.core.permission.Decision;
import ftop.core.permission.Permissions;
import ftop.core.user.User;
import java.util.List;
import java.util.Optional;

/**
 * Whether the person at the keyboard may change a role on a customer. Callers plug in the rules
 * of who may edit what (the app from the signed-in user, the server from the caller), so a batch
 * refuses exactly what a single edit would.
 */
@FunctionalInterface
public interface EditPermission {

    /**
     * Why the change is not allowed, in words a person understands; empty when it is allowed.
     *
     * @param customer    the customer
     * @param assignments its current assignments (who owns its health matters to some rules)
     * @param area        the area of the assignment
     * @param role        the role being changed
     */
    Optional<String> refusal(Customer customer, List<Assignment> assignments, AssignmentArea area, Role role);

    /**
     * The permission rules for {@code user} ({@link Permissions#canEditAssignments}): the assignment
     * team, leads of the customer's region, administrators and the customer's health owner may
     * change its assignments. The refusal is the rule's reason, naming who could do it instead.
     */
    static EditPermission of(User user) {
        return (customer, assignments, area, role) -> {
            Decision decision = Permissions.canEditAssignments(user, CustomerAccess.of(customer, assignments));
            return decision.allowed() ? Optional.empty() : Optional.of(decision.reason());
        };
    }

    /** Allows every change: tests, and tools whose edits the server checks anyway. */
    static EditPermission anything() {
        return (customer, assignments, area, role) -> Optional.empty();
    }
}
