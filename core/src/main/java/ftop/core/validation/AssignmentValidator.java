package ftop.core.validation;

import ftop.core.assignment.Assignment;
import java.util.ArrayList;
import java.util.List;

/** The rules a {@link Assignment} must satisfy before it is saved. */
final class AssignmentValidator {

    private AssignmentValidator() {
    }

    static List<Problem> validate(Assignment assignment, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }
}
