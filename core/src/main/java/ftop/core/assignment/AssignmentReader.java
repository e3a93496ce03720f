package ftop.core.assignment;

import ftop.core.store.LocalStore;
import ftop.core.validation.ValidationContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch edit reads before it decides anything: the current assignments of the customers it
 * touches, and the customers, tenants and users it checks them against.
 */
public interface AssignmentReader {

    /** Up to this many customers, reading each one's assignments beats reading them all. */
    int ONE_BY_ONE = 20;

    /** The current assignments of the customers {@code tpids}, in one read. */
    List<Assignment> assignmentsOf(Collection<Long> tpids);

    /** Customers, tenants and users, and today's date, as validation sees them. */
    ValidationContext context();

    /**
     * A reader over the local view of {@code store}, validating as on {@code today}. Many customers
     * are read in one pass over all assignments rather than one query each.
     */
    static AssignmentReader of(LocalStore store, LocalDate today) {
        ValidationContext context = store.validationContext(today);
        return new AssignmentReader() {
            @Override
            public List<Assignment> assignmentsOf(Collection<Long> tpids) {
                Set<Long> wanted = new HashSet<>(tpids);
                if (wanted.size() <= ONE_BY_ONE) {
                    List<Assignment> out = new ArrayList<>();
                    wanted.forEach(tpid -> out.addAll(store.assignments().byTpid(tpid)));
                    return out;
                }
                return store.assignments().all().stream().filter(a -> wanted.contains(a.tpid())).toList();
            }

            @Override
            public ValidationContext context() {
                return context;
            }
        };
    }

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
