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
import ftop.core.health.HealthRules;
import ftop.core.health.Workload;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import ftop.core.usage.WorkloadUsage;
import ftop.core.validation.Contoso;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds small datasets for review tests, one customer at a time. */
public final class ReviewWorld {

    public static final LocalDate TODAY = LocalDate.of(2021, 5, 3);

    /** Contoso as the seed describes it: Red overall, groups Red, Yellow, Red; heading for Yellow by June. */
    public static ReviewWorld contoso() {
        LocalDate asOf = LocalDate.of(2021, 5, 1);
        return new ReviewWorld()
                .add(Contoso.CUSTOMER).add(Contoso.WINNER_TENANT).add(Contoso.SECOND_TENANT)
                .add(Contoso.CUSTOMER_CONTACT).add(Contoso.MICROSOFT_CONTACT)
                .add(Contoso.health()).add(Contoso.note())
                .add(new WorkloadUsage(Contoso.TPID, Workload.EXCHANGE, 8_500, 10_000, asOf))
                .add(new WorkloadUsage(Contoso.TPID, Workload.ODSP, 1_000, 10_000, asOf))
                .add(new WorkloadUsage(Contoso.TPID, Workload.WINDOWS_10, 4_000, 10_000, asOf))
                .add(new WorkloadUsage(Contoso.TPID, Workload.AADP, 500, 10_000, asOf))
                .add(new Forecast(Contoso.TPID, Workload.AADP, new Quarter(2021, 3), 3_000))
                .add(new Forecast(Contoso.TPID, Workload.AADP, new Quarter(2021, 4), 6_000))
                .add(new Forecast(Contoso.TPID, Workload.EXCHANGE, new Quarter(2021, 3), 8_000))
                .add(Contoso.FABRIKAM);
    }

    /** Contoso, Fabrikam with no data, and a customer whose notes try to break the documents. */
    public static MeetingPack americasPack() {
        ReviewWorld world = contoso()
                .customer(3003, "Tailspin <Toys> & \"Sons\" | Ltd")
                .colour(3003, HealthColour.GREEN)
                .reviews(3003, TODAY.minusDays(3), null)
                .add(new EnterpriseStatusNote(UUID.randomUUID(), 3003, new UUID(0, 3003),
                        "Won the **Intune** rollout <b>early</b> | ahead of plan.",
                        "<script>alert('x')</script> licences renew late; Zürich office blocked; 東京 pilot paused \uD83D\uDE80\tnow.",
                        "", "alex.wilber", Instant.parse("2021-04-30T10:00:00Z")));
        CustomerBriefs briefs = new CustomerBriefs(HealthRules.defaults(), ZoneOffset.UTC);
        List<CustomerBrief> list = new ArrayList<>(
                briefs.of(List.of(Contoso.TPID, Contoso.FABRIKAM_TPID, 3003L), world.source(), TODAY));
        list.set(0, list.get(0).with(BriefSection.ASKS, "- Executive sponsor call with the new CIO.\n"
                + "- A second Intune CAT for the device rollout."));
        return MeetingPack.of("Americas Customer Health Review", TODAY, list);
    }

    private final List<Customer> customers = new ArrayList<>();
    private final List<Tenant> tenants = new ArrayList<>();
    private final List<CustomerHealth> health = new ArrayList<>();
    private final List<EnterpriseStatusNote> notes = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<WorkloadUsage> usage = new ArrayList<>();
    private final List<Forecast> forecasts = new ArrayList<>();

    public ReviewWorld customer(long tpid, String name) {
        customers.add(new Customer(tpid, name, Segment.S1500, Region.UNITED_STATES, Vertical.MANUFACTURING, "",
                LifecyclePhase.ENABLE, List.of()));
        return this;
    }

    public ReviewWorld add(Customer customer) {
        customers.add(customer);
        return this;
    }

    public ReviewWorld add(Tenant tenant) {
        tenants.add(tenant);
        return this;
    }

    public ReviewWorld add(Contact contact) {
        contacts.add(contact);
        return this;
    }

    public ReviewWorld add(Forecast forecast) {
        forecasts.add(forecast);
        return this;
    }

    public ReviewWorld add(WorkloadUsage row) {
        usage.add(row);
        return this;
    }

    public ReviewWorld add(CustomerHealth row) {
        health.add(row);
        return this;
    }

    public ReviewWorld add(EnterpriseStatusNote note) {
        notes.add(note);
        return this;
    }

    /** Usage of Exchange, Windows 10 and AADP that the default rules colour {@code colour} in every group. */
    public ReviewWorld colour(long tpid, HealthColour colour) {
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
    public ReviewWorld reviews(long tpid, LocalDate next, LocalDate previous) {
        health.add(new CustomerHealth(tpid, new CustomerProgress(Optional.of(CustomerStatus.IN_PROGRESS), null, null,
                Optional.ofNullable(next), Optional.ofNullable(previous), null, null, null), CustomerPerspective.empty()));
        return this;
    }

    /** An Enterprise Status note written at noon UTC on {@code day}. */
    public ReviewWorld note(long tpid, LocalDate day, String summary, String risks, String awareness) {
        notes.add(new EnterpriseStatusNote(UUID.randomUUID(), tpid, new UUID(0, tpid), summary, risks, awareness,
                "megan.bowen", Instant.parse(day + "T12:00:00Z")));
        return this;
    }

    public ReviewWorld note(long tpid, LocalDate day) {
        return note(tpid, day, "Summary of " + day, "", "");
    }

    public Dataset dataset() {
        return new Dataset(List.of(), customers, tenants, health, notes, contacts, List.of(), usage, forecasts);
    }

    public ReviewSource source() {
        return new DatasetReviewSource(dataset());
    }
}
