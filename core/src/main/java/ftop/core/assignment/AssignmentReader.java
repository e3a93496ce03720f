package ftop.core.assignment;

import ftop.core.store.WorkspaceReads;
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

    /** The current assignments of the customers {@code tpids}, in one read. */
    List<Assignment> assignmentsOf(Collection<Long> tpids);

    /** Customers, tenants and users, and today's date, as validation sees them. */
    ValidationContext context();

    /**
     * A reader over the local view of {@code store}, validating as on {@code today}. A selection of
     * customers is read customer by customer (an indexed query each, parsing only their rows); when
     * the selection is most of the workspace, one pass over all assignments is cheaper.
     */
    static AssignmentReader of(WorkspaceReads store, LocalDate today) {
        ValidationContext context = store.validationContext(today);
        return new AssignmentReader() {
            @Override
            public List<Assignment> assignmentsOf(Collection<Long> tpids) {
                Set<Long> wanted = new HashSet<>(tpids);
                if (wanted.size() * 2 <= store.customers().count()) {
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
