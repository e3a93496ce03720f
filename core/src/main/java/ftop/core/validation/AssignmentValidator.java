package ftop.core.validation;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.Role;
import ftop.core.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rules an {@link Assignment} must satisfy before it is saved: the customer exists; the area
 * offers the role; the user exists; the scope is not empty (the Customer tick box or at least one
 * tenant); every tenant in scope belongs to the customer; only FM and FTA assignments can be
 * primary. Rules that look across a customer's assignments ("one primary FM/FTA per TPID",
 * "primary on the winner tenant") are warnings, see {@link AssignmentRules}.
 */
final class AssignmentValidator {

    private AssignmentValidator() {
    }

    static List<Problem> validate(Assignment assignment, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        FieldChecks.customerExists(problems, "tpid", assignment.tpid(), context);
        if (!assignment.area().offers(assignment.role())) {
            problems.add(new Problem("role", "The " + assignment.area().label() + " area has no "
                    + assignment.role().label() + " role; choose one of "
                    + assignment.area().roles().stream().map(Role::label).collect(Collectors.joining(", ")) + "."));
        }
        if (assignment.userId().isBlank()) {
            problems.add(new Problem("userId", "Choose the person to assign."));
        } else if (context.user(assignment.userId()).isEmpty()) {
            problems.add(new Problem("userId", "There is no user \"" + assignment.userId() + "\"."));
        }
        if (!assignment.customerScope() && assignment.tenantIds().isEmpty()) {
            problems.add(new Problem("tenantIds", "Tick Customer or at least one tenant; the assignment applies nowhere."));
        }
        List<String> foreign = new ArrayList<>();
        for (UUID tenantId : assignment.tenantIds()) {
            Optional<Tenant> tenant = context.tenant(tenantId);
            if (tenant.isEmpty()) {
                foreign.add(tenantId + " (unknown)");
            } else if (tenant.get().tpid() != assignment.tpid()) {
                foreign.add(tenant.get().name() + " (customer " + tenant.get().tpid() + ")");
            }
        }
        if (!foreign.isEmpty()) {
            foreign.sort(null);
            problems.add(new Problem("tenantIds", "Only tenants of customer " + assignment.tpid()
                    + " can be in scope, not " + String.join(", ", foreign) + "."));
        }
        if (assignment.primary() && !assignment.role().ownsHealth()) {
            problems.add(new Problem("primary", "Only a FastTrack Manager or FastTrack Architect can be primary, not a "
                    + assignment.role().label() + "."));
        }
        return problems;
    }
}
