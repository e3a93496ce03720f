package ftop.core.review;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.customer.LifecyclePhase;
import ftop.core.customer.Region;
import ftop.core.customer.Segment;
import ftop.core.customer.Vertical;
import ftop.core.dataset.Dataset;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.CustomerProgress;
import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;
import ftop.core.health.Workload;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds small datasets for review tests, one customer at a time. */
final class ReviewWorld {

    static final LocalDate TODAY = LocalDate.of(2021, 5, 3);

    private final List<Customer> customers = new ArrayList<>();
    private final List<Tenant> tenants = new ArrayList<>();
    private final List<CustomerHealth> health = new ArrayList<>();
    private final List<EnterpriseStatusNote> notes = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<WorkloadUsage> usage = new ArrayList<>();
    private final List<Forecast> forecasts = new ArrayList<>();

    ReviewWorld customer(long tpid, String name) {
        customers.add(new Customer(tpid, name, Segment.S1500, Region.UNITED_STATES, Vertical.MANUFACTURING, "",
                LifecyclePhase.ENABLE, List.of()));
        return this;
    }

    ReviewWorld add(Customer customer) {
        customers.add(customer);
        return this;
    }

    ReviewWorld add(Tenant tenant) {
        tenants.add(tenant);
        return this;
    }

    ReviewWorld add(Contact contact) {
        contacts.add(contact);
        return this;
    }

    ReviewWorld add(Forecast forecast) {
        forecasts.add(forecast);
        return this;
    }

    ReviewWorld add(WorkloadUsage row) {
        usage.add(row);
        return this;
    }

    ReviewWorld add(CustomerHealth row) {
        health.add(row);
        return this;
    }

    ReviewWorld add(EnterpriseStatusNote note) {
        notes.add(note);
        return this;
    }

    /** Usage of Exchange, Windows 10 and AADP that the default rules colour {@code colour} in every group. */
    ReviewWorld colour(long tpid, HealthColour colour) {
        double[] ratios = switch (colour) {
            case RED -> new double[] {0.05, 0.05, 0.05};
            case YELLOW -> new double[] {0.45, 0.35, 0.25};
            case GREEN -> new double[] {0.65, 0.55, 0.45};
            case BLUE -> new double[] {0.9, 0.9, 0.9};
        };
        Workload[] workloads = {Workload.EXCHANGE, Workload.WINDOWS_10, Workload.AADP};
        for (int i = 0; i < workloads.length; i++) {
            usage.add(new WorkloadUsage(tpid, workloads[i], Math.round(ratios[i] * 1000), 1000, TODAY.minusDays(2)));
        }
        return this;
    }

    /** A health record with only the review dates set. */
    ReviewWorld reviews(long tpid, LocalDate next, LocalDate previous) {
        health.add(new CustomerHealth(tpid, new CustomerProgress(Optional.of(CustomerStatus.IN_PROGRESS), null, null,
                Optional.ofNullable(next), Optional.ofNullable(previous), null, null, null), CustomerPerspective.empty()));
        return this;
    }

    /** An Enterprise Status note written at noon UTC on {@code day}. */
    ReviewWorld note(long tpid, LocalDate day, String summary, String risks, String awareness) {
        notes.add(new EnterpriseStatusNote(UUID.randomUUID(), tpid, new UUID(0, tpid), summary, risks, awareness,
                "megan.bowen", Instant.parse(day + "T12:00:00Z")));
        return this;
    }

    ReviewWorld note(long tpid, LocalDate day) {
        return note(tpid, day, "Summary of " + day, "", "");
    }

    Dataset dataset() {
        return new Dataset(List.of(), customers, tenants, health, notes, contacts, List.of(), usage, forecasts);
    }

    ReviewSource source() {
        return new DatasetReviewSource(dataset());
    }
}
