package ftop.core.validation;

import ftop.core.assignment.Assignment;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import java.util.List;

/**
 * The entry point of validation: every problem of a row, each with the field it concerns. An empty
 * list means the row may be saved. The form, the CSV import and the server all call this.
 */
public final class Validator {

    private Validator() {
    }

    public static List<Problem> validate(Object entity, ValidationContext context) {
        if (entity instanceof CustomerHealth health) {
            return HealthValidator.validate(health, context);
        } else if (entity instanceof Tenant tenant) {
            return TenantValidator.validate(tenant, context);
        } else if (entity instanceof Customer customer) {
            return CustomerValidator.validate(customer, context);
        } else if (entity instanceof EnterpriseStatusNote note) {
            return StatusNoteValidator.validate(note, context);
        } else if (entity instanceof Contact contact) {
            return ContactValidator.validate(contact, context);
        } else if (entity instanceof Assignment assignment) {
            return AssignmentValidator.validate(assignment, context);
        } else if (entity instanceof Forecast forecast) {
            return UsageValidator.validate(forecast, context);
        } else if (entity instanceof WorkloadUsage usage) {
            return UsageValidator.validate(usage, context);
        } else if (entity instanceof User user) {
            return UserValidator.validate(user, context);
        }
        throw new IllegalArgumentException("No validation for " + entity.getClass().getName());
    }
}
