package ftop.app.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ftop.app.widgets.DateText;
import ftop.core.Labelled;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.CustomerProgress;
import ftop.core.health.DueState;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthRules;
import ftop.core.health.ReviewCadence;
import ftop.core.tenant.Tenant;
import ftop.core.usage.WorkloadUsage;

/**
 * Everything the Customer tab shows of one customer, gathered off the FX thread.
 *
 * @param customer    the customer
 * @param health      its health form; an empty one when nothing was filled in yet
 * @param progress    the Customer Progress fields, as the guide lists them
 * @param perspective the Customer Perspective fields, as the guide lists them
 * @param assessment  workload, group and overall health from usage
 * @param review      when the next review is due
 * @param tenants     the customer's tenants
 */
public record CustomerDetails(
        Customer customer,
        CustomerHealth health,
        List<FormField> progress,
        List<FormField> perspective,
        HealthAssessment assessment,
        DueState review,
        List<Tenant> tenants) {

    public CustomerDetails {
        progress = List.copyOf(progress);
        perspective = List.copyOf(perspective);
        tenants = List.copyOf(tenants);
    }

    /** Builds the details from the customer's rows. */
    public static CustomerDetails of(Customer customer, Optional<CustomerHealth> storedHealth, List<Contact> contacts,
            List<Tenant> tenants, List<WorkloadUsage> usage, HealthRules rules, LocalDate today) {
        CustomerHealth health = storedHealth.orElseGet(() -> CustomerHealth.empty(customer.tpid()));
        HealthAssessment assessment = HealthAssessment.of(usage, rules);
        DueState review = new ReviewCadence(rules).reviewState(health.progress(), assessment.overall(), today);
        return new CustomerDetails(customer, health, progressFields(health.progress()),
                perspectiveFields(health.perspective(), contacts), assessment, review, tenants);
    }

    static List<FormField> progressFields(CustomerProgress p) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.of("customerStatus", "Customer Status", p.status().map(Labelled::label)));
        fields.add(FormField.of("expectedProgressDue", "Expected Progress Due", p.expectedProgressDue().map(DateText::of)));
        fields.add(FormField.of("expectedHealth", "Expected Health", p.expectedHealth().map(Labelled::label)));
        fields.add(FormField.of("nextReviewDate", "Next Review Date", p.nextReviewDate().map(DateText::of)));
        fields.add(FormField.of("previousReviewDate", "Previous Review Date", p.previousReviewDate().map(DateText::of)));
        fields.add(FormField.of("cxpWatchlist", "CXP Watchlist", p.cxpWatchlist().map(Labelled::label)));
        fields.add(FormField.of("healthRegion", "Region", p.region().map(Labelled::label)));
        fields.add(FormField.of("healthVertical", "Vertical", p.vertical().map(Labelled::label)));
        return fields;
    }

    static List<FormField> perspectiveFields(CustomerPerspective p, List<Contact> contacts) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.of("overallMindset", "Overall Mindset", p.mindset().map(Labelled::label)));
        fields.add(FormField.of("completionDate", "Completion Date", p.completionDate().map(DateText::of)));
        fields.add(FormField.of("businessReason", "Business Reason", p.businessReason().map(Labelled::label)));
        fields.add(FormField.of("successOwner", "Success Owner", p.successOwner().map(id -> contactName(id, contacts))));
        return fields;
    }

    /** The contact's name and title; a contact that is gone still shows that something was chosen. */
    private static String contactName(UUID id, List<Contact> contacts) {
        return contacts.stream().filter(c -> c.id().equals(id)).findFirst()
                .map(c -> c.title().isBlank() ? c.name() : c.name() + " (" + c.title() + ")")
                .orElse("Unknown contact");
    }
}
