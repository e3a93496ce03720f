package ftop.core.assignment;

import ftop.core.customer.Customer;
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

    /** Allows every change: the command line working on one's own local copy, and tests. */
    static EditPermission anything() {
        return (customer, assignments, area, role) -> Optional.empty();
    }
}
