package ftop.app.customer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ftop.app.widgets.DateText;
import ftop.core.Labelled;
import ftop.core.assignment.Assignment;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.CustomerProgress;
import ftop.core.health.DueState;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthRules;
import ftop.core.health.ReviewCadence;
import ftop.core.permission.Decision;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
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
 * @param tenants     the customer's tenants, the winner first
 * @param contacts    customer and Microsoft contacts, by name
 * @param notes       Enterprise Status notes of the winner tenant, newest first
 * @param statusDue   when the next Enterprise Status update is due, by the cadence of the overall colour
 * @param usage       the current usage figures
 * @param forecasts   projected usage, by quarter
 * @param assignments who holds which role
 * @param userNames   display names of the assigned users, by user ID
 * @param editHealth  whether the signed-in user may edit health, status notes, forecasts and contacts
 * @param today       the day the details were read on
 */
public record CustomerDetails(
        Customer customer,
        CustomerHealth health,
        List<FormField> progress,
        List<FormField> perspective,
        HealthAssessment assessment,
        DueState review,
        List<Tenant> tenants,
        List<Contact> contacts,
        List<EnterpriseStatusNote> notes,
        DueState statusDue,
        List<WorkloadUsage> usage,
        List<Forecast> forecasts,
        List<Assignment> assignments,
        Map<String, String> userNames,
        Decision editHealth,
        LocalDate today) {

    public CustomerDetails {
        progress = List.copyOf(progress);
        perspective = List.copyOf(perspective);
        tenants = List.copyOf(tenants);
        contacts = List.copyOf(contacts);
        notes = List.copyOf(notes);
        usage = List.copyOf(usage);
        forecasts = List.copyOf(forecasts);
        assignments = List.copyOf(assignments);
        userNames = Map.copyOf(userNames);
    }

    /** Builds the details from the customer's rows, for a workspace with nothing beyond them. */
    public static CustomerDetails of(Customer customer, Optional<CustomerHealth> storedHealth, List<Contact> contacts,
            List<Tenant> tenants, List<WorkloadUsage> usage, HealthRules rules, LocalDate today) {
        return of(customer, storedHealth, contacts, tenants, usage, List.of(), List.of(), List.of(), Map.of(),
                Decision.deny("This workspace is read-only."), rules, today, ZoneId.systemDefault());
    }

    /** Builds the details from every row of the customer. */
    public static CustomerDetails of(Customer customer, Optional<CustomerHealth> storedHealth, List<Contact> contacts,
            List<Tenant> tenants, List<WorkloadUsage> usage, List<EnterpriseStatusNote> notes, List<Forecast> forecasts,
            List<Assignment> assignments, Map<String, String> userNames, Decision editHealth, HealthRules rules,
            LocalDate today, ZoneId zone) {
        CustomerHealth health = storedHealth.orElseGet(() -> CustomerHealth.empty(customer.tpid()));
        HealthAssessment assessment = HealthAssessment.of(usage, rules);
        ReviewCadence cadence = new ReviewCadence(rules);
        DueState review = cadence.reviewState(health.progress(), assessment.overall(), today);
        List<Tenant> sortedTenants = tenants.stream()
                .sorted(Comparator.comparing((Tenant t) -> !t.winner()).thenComparing(Tenant::name)).toList();
        Optional<UUID> winner = sortedTenants.stream().filter(Tenant::winner).map(Tenant::tenantId).findFirst();
        List<EnterpriseStatusNote> history = notes.stream()
                .filter(n -> winner.isEmpty() || n.tenantId().equals(winner.get()))
                .sorted(Comparator.comparing(EnterpriseStatusNote::createdAt).reversed()).toList();
        DueState statusDue = cadence.statusUpdateState(history.stream().findFirst().map(EnterpriseStatusNote::createdAt),
                zone, assessment.overall(), today);
        List<Contact> sortedContacts = contacts.stream()
                .sorted(Comparator.comparing(Contact::kind).thenComparing(Contact::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new CustomerDetails(customer, health, progressFields(health.progress()),
                perspectiveFields(health.perspective(), contacts), assessment, review, sortedTenants, sortedContacts,
                history, statusDue, usage, forecasts, assignments, userNames, editHealth, today);
    }

    /** The winner tenant, which carries the Enterprise Status for the whole TPID. */
    public Optional<Tenant> winner() {
        return tenants.stream().filter(Tenant::winner).findFirst();
    }

    /** The latest Enterprise Status note, if any. */
    public Optional<EnterpriseStatusNote> latestNote() {
        return notes.stream().findFirst();
    }

    /** The person's name for a user ID; the ID itself when the directory does not know them. */
    public String userName(String userId) {
        return userNames.getOrDefault(userId, userId);
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
    static String contactName(UUID id, List<Contact> contacts) {
        return contacts.stream().filter(c -> c.id().equals(id)).findFirst()
                .map(CustomerDetails::contactLabel)
                .orElse("Unknown contact");
    }

    static String contactLabel(Contact c) {
        return c.title().isBlank() ? c.name() : c.name() + " (" + c.title() + ")";
    }
}
