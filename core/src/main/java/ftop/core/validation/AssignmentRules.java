package ftop.core.validation;

import ftop.core.assignment.Assignment;
import ftop.core.tenant.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Portfolio-wide assignment rules that the assignment dialog shows as warnings but does not
 * enforce: exceptions happen while an account changes hands, and the assignment team must be able
 * to save the intermediate state.
 *
 * <ul>
 *   <li>one primary FM/FTA per TPID: the person accountable for the customer;</li>
 *   <li>the primary FM/FTA is assigned on the winner (reference) tenant, and the customer has one.</li>
 * </ul>
 */
public final class AssignmentRules {

    private AssignmentRules() {
    }

    /**
     * The warnings for one customer's assignments. Each names the field it concerns
     * ({@code primary}, {@code tenantIds}) and the people involved.
     *
     * @param assignments all assignments of one customer, as they would be saved
     * @param tenants     the customer's tenants
     * @return the warnings, empty when the assignments follow the rules
     */
    public static List<Problem> warnings(List<Assignment> assignments, List<Tenant> tenants) {
        List<Problem> warnings = new ArrayList<>();
        List<Assignment> primaries = assignments.stream().filter(a -> a.primary() && a.role().ownsHealth()).toList();
        if (primaries.isEmpty()) {
            return warnings;
        }

        Set<String> people = new LinkedHashSet<>();
        primaries.forEach(a -> people.add(a.userId() + " (" + a.role().name() + ")"));
        Set<String> users = new LinkedHashSet<>();
        primaries.forEach(a -> users.add(a.userId()));
        if (users.size() > 1) {
            warnings.add(new Problem("primary", "A customer has one primary FM/FTA, but " + String.join(", ", people)
                    + " are all marked primary."));
        }

        Optional<Tenant> winner = tenants.stream().filter(Tenant::winner).findFirst();
        if (winner.isEmpty()) {
            warnings.add(new Problem("tenantIds", "The customer has no winner tenant; the primary FM/FTA is "
                    + "assigned on the winner tenant, so ask for the SLT Watchlist flag to be set."));
        } else {
            for (Assignment primary : primaries) {
                if (!primary.coversTenant(winner.get().tenantId())) {
                    warnings.add(new Problem("tenantIds", "Primary " + primary.role().name() + " " + primary.userId()
                            + " should be assigned on the winner tenant " + winner.get().name() + "."));
                }
            }
        }
        return warnings;
    }
}
