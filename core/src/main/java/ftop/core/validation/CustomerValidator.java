package ftop.core.validation;

import ftop.core.customer.Customer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a {@link Customer} must satisfy before it is saved: a positive TPID, a name that is
 * not blank and at most {@link Limits#CUSTOMER_NAME_MAX} characters, an area of at most
 * {@link Limits#AREA_MAX} characters, and renewal dates within the date range.
 */
final class CustomerValidator {

    private CustomerValidator() {
    }

    static List<Problem> validate(Customer customer, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        if (customer.tpid() <= 0) {
            problems.add(new Problem("tpid", "TPID must be a positive number, not " + customer.tpid() + "."));
        }
        FieldChecks.requiredText(problems, "name", "Customer name", customer.name(), Limits.CUSTOMER_NAME_MAX);
        FieldChecks.maxLength(problems, "area", "Area", customer.area(), Limits.AREA_MAX);
        for (LocalDate renewal : customer.renewalDates()) {
            FieldChecks.dateInRange(problems, "renewalDates", "Renewal date", renewal);
        }
        return problems;
    }
}
