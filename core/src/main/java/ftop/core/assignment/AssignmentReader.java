package ftop.core.assignment;

import ftop.core.validation.ValidationContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch edit reads before it decides anything: the current assignments of the customers it
 * touches, and the customers, tenants and users it checks them against.
 */
public interface AssignmentReader {

    /** The current assignments of the customers {@code tpids}, in one read. */
    List<Assignment> assignmentsOf(Collection<Long> tpids);

    /** Customers, tenants and users, and today's date, as validation sees them. */
    ValidationContext context();

    /** A reader over assignments held in memory. */
    static AssignmentReader of(Collection<Assignment> assignments, ValidationContext context) {
        List<Assignment> rows = List.copyOf(assignments);
        return new AssignmentReader() {
            @Override
            public List<Assignment> assignmentsOf(Collection<Long> tpids) {
                Set<Long> wanted = new HashSet<>(tpids);
                return rows.stream().filter(a -> wanted.contains(a.tpid())).toList();
            }

            @Override
            public ValidationContext context() {
                return context;
            }
        };
    }
}
