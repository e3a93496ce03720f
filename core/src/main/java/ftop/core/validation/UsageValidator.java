package ftop.core.validation;

import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import java.util.ArrayList;
import java.util.List;

/** The rules for usage figures and forecasts. */
final class UsageValidator {

    private UsageValidator() {
    }

    static List<Problem> validate(WorkloadUsage usage, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }

    static List<Problem> validate(Forecast forecast, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }
}
