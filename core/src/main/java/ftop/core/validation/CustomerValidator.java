package ftop.core.validation;

import ftop.core.customer.Customer;
import java.util.ArrayList;
import java.util.List;

/** The rules a {@link Customer} must satisfy before it is saved. */
final class CustomerValidator {

    private CustomerValidator() {
    }

    static List<Problem> validate(Customer customer, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }
}
