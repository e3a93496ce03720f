package ftop.core.validation;

import ftop.core.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;

/** The rules a {@link Tenant} must satisfy before it is saved. */
final class TenantValidator {

    private TenantValidator() {
    }

    static List<Problem> validate(Tenant tenant, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }
}
