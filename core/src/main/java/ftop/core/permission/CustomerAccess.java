package ftop.core.permission;

import ftop.core.assignment.Assignment;
import ftop.core.customer.Customer;
import ftop.core.customer.Region;
import java.util.List;
import java.util.Objects;

/**
 * What the permission rules need to know about one customer: who it is, its region (for leads)
 * and all of its assignments.
 *
 * @param tpid        the customer
 * @param name        its name, for messages
 * @param region      its region
 * @param assignments every assignment of this customer, whoever holds it
 */
public record CustomerAccess(long tpid, String name, Region region, List<Assignment> assignments) {

    public CustomerAccess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        for (Assignment a : assignments) {
            if (a.tpid() != tpid) {
                throw new IllegalArgumentException("Assignment " + a.id() + " belongs to TPID " + a.tpid() + ", not " + tpid);
            }
        }
    }

    public static CustomerAccess of(Customer customer, List<Assignment> assignments) {
        return new CustomerAccess(customer.tpid(), customer.name(), customer.region(), assignments);
    }

    /** "Contoso (TPID 1001)", how messages name the customer. */
    public String label() {
        return name + " (TPID " + tpid + ")";
    }
}
