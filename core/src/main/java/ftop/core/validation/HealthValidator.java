package ftop.core.validation;

import ftop.core.health.CustomerHealth;
import java.util.ArrayList;
import java.util.List;

/** The rules a {@link CustomerHealth} must satisfy before it is saved. */
final class HealthValidator {

    private HealthValidator() {
    }

    static List<Problem> validate(CustomerHealth health, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }
}
