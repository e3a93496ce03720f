package ftop.core.dataset;

import static ftop.core.dataset.GeneratedRows.ReviewState.DUE_SOON;
import static ftop.core.dataset.GeneratedRows.ReviewState.ON_TRACK;
import static ftop.core.dataset.GeneratedRows.ReviewState.OVERDUE;
import static ftop.core.health.HealthColour.BLUE;
import static ftop.core.health.HealthColour.GREEN;
import static ftop.core.health.HealthColour.RED;
import static ftop.core.health.HealthColour.YELLOW;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.customer.Customer;
import ftop.core.customer.LifecyclePhase;
import ftop.core.customer.Region;
import ftop.core.customer.Segment;
import ftop.core.customer.Vertical;
import ftop.core.dataset.GeneratedRows.ReviewDates;
import ftop.core.dataset.GeneratedRows.ReviewState;
import ftop.core.health.BusinessReason;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.CustomerProgress;
import ftop.core.health.CustomerStatus;
import ftop.core.health.CxpWatchlist;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.OverallMindset;
import ftop.core.health.Workload;
import ftop.core.health.WorkloadGroup;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.EnterpriseLevel;
import ftop.core.tenant.Tenant;
import ftop.core.tenant.TenantOrigin;
import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The demo workspace: Megan Bowen's portfolio of 25 customers named after the Microsoft fictitious
 * companies, written out by hand so that it shows every health colour, every review state, COVID-19
 * RFA approvals, S500 customers with an architect, onboarding and partner assignments. The rest
 * (ids, contact names, exact usage figures) comes from a fixed seed, so the demo is the same on every
 * machine for the same day.
 */
final class DemoWorkspace {

    /** The seed of everything the table below leaves open. */
    private static final long SEED = 20_200_427L;

    private record Entry(String name, String domain, Segment segment, Region region, Vertical vertical, String area,
            LifecyclePhase phase, HealthColour colour, ReviewState review, int tenants, boolean covid, long users) {
    }

    private static final Region US = Region.UNITED_STATES;

    private static final List<Entry> PORTFOLIO = List.of(
            new Entry("Contoso", "contoso", Segment.S500, US, Vertical.MANUFACTURING, "US East",
                    LifecyclePhase.ENABLE, YELLOW, DUE_SOON, 4, true, 85_000),
            new Entry("Fabrikam", "fabrikam", Segment.S500, Region.UNITED_KINGDOM, Vertical.RETAIL_CONSUMER_GOODS,
                    "London", LifecyclePhase.MIGRATE, GREEN, ON_TRACK, 3, false, 42_000),
            new Entry("Northwind Traders", "northwindtraders", Segment.S1500, US, Vertical.RETAIL_CONSUMER_GOODS,
                    "US Central", LifecyclePhase.ASSESS, RED, OVERDUE, 2, false, 12_000),
            new Entry("Tailspin Toys", "tailspintoys", Segment.S1500, US, Vertical.RETAIL_CONSUMER_GOODS, "US West",
                    LifecyclePhase.REMEDIATE, YELLOW, OVERDUE, 2, false, 6_500),
            new Entry("Woodgrove Bank", "woodgrovebank", Segment.S500, US, Vertical.FINANCIAL_SERVICES, "US East",
                    LifecyclePhase.ENABLE, BLUE, ON_TRACK, 5, true, 120_000),
            new Entry("Litware", "litwareinc", Segment.S1500, US, Vertical.PROFESSIONAL_SERVICES, "US West",
                    LifecyclePhase.INITIATE, RED, DUE_SOON, 1, false, 3_200),
            new Entry("Adventure Works", "adventureworks", Segment.S500, Region.CANADA, Vertical.MANUFACTURING,
                    "Canada East", LifecyclePhase.MIGRATE, GREEN, ON_TRACK, 3, false, 55_000),
            new Entry("Wide World Importers", "wideworldimporters", Segment.S1500, US, Vertical.TRAVEL_TRANSPORT,
                    "US South", LifecyclePhase.ENABLE, GREEN, OVERDUE, 2, false, 9_800),
            new Entry("Alpine Ski House", "alpineskihouse", Segment.S1500, Region.WESTERN_EUROPE,
                    Vertical.TRAVEL_TRANSPORT, "Alps", LifecyclePhase.ASSESS, YELLOW, ON_TRACK, 1, false, 2_100),
            new Entry("Coho Winery", "cohowinery", Segment.S1500, US, Vertical.RETAIL_CONSUMER_GOODS, "US West",
                    LifecyclePhase.ENABLE, BLUE, DUE_SOON, 1, false, 1_500),
            new Entry("Proseware", "proseware", Segment.S1500, US, Vertical.PROFESSIONAL_SERVICES, "US Central",
                    LifecyclePhase.REMEDIATE, RED, ON_TRACK, 2, false, 7_400),
            new Entry("Lamna Healthcare", "lamnahealthcare", Segment.S500, US, Vertical.HEALTH_LIFE_SCIENCES,
                    "US East", LifecyclePhase.MIGRATE, YELLOW, ON_TRACK, 4, true, 68_000),
            new Entry("Fourth Coffee", "fourthcoffee", Segment.S1500, US, Vertical.RETAIL_CONSUMER_GOODS, "US West",
                    LifecyclePhase.ENABLE, GREEN, ON_TRACK, 2, false, 14_000),
            new Entry("Margie's Travel", "margiestravel", Segment.S1500, Region.UNITED_KINGDOM,
                    Vertical.TRAVEL_TRANSPORT, "London", LifecyclePhase.ASSESS, RED, OVERDUE, 1, true, 4_300),
            new Entry("Trey Research", "treyresearch", Segment.S1500, US, Vertical.HEALTH_LIFE_SCIENCES, "US East",
                    LifecyclePhase.ENABLE, GREEN, DUE_SOON, 2, false, 8_800),
            new Entry("Relecloud", "relecloud", Segment.S500, US, Vertical.MEDIA_COMMUNICATIONS, "US West",
                    LifecyclePhase.MIGRATE, BLUE, ON_TRACK, 3, false, 51_000),
            new Entry("Humongous Insurance", "humongousinsurance", Segment.S500, US, Vertical.FINANCIAL_SERVICES,
                    "US Central", LifecyclePhase.REMEDIATE, YELLOW, OVERDUE, 3, false, 47_000),
            new Entry("Graphic Design Institute", "graphicdesigninstitute", Segment.S1500, US, Vertical.EDUCATION,
                    "US East", LifecyclePhase.INITIATE, YELLOW, ON_TRACK, 1, true, 5_600),
            new Entry("Blue Yonder Airlines", "blueyonderairlines", Segment.S500, US, Vertical.TRAVEL_TRANSPORT,
                    "US South", LifecyclePhase.ENABLE, RED, DUE_SOON, 4, true, 72_000),
            new Entry("City Power & Light", "cpandl", Segment.S1500, US, Vertical.ENERGY, "US Central",
                    LifecyclePhase.ENABLE, GREEN, ON_TRACK, 2, false, 16_000),
            new Entry("Consolidated Messenger", "consolidatedmessenger", Segment.S1500, US, Vertical.TRAVEL_TRANSPORT,
                    "US East", LifecyclePhase.MIGRATE, GREEN, OVERDUE, 2, false, 11_000),
            new Entry("A. Datum Corporation", "adatum", Segment.S500, US, Vertical.PROFESSIONAL_SERVICES, "US West",
                    LifecyclePhase.ENABLE, BLUE, ON_TRACK, 3, false, 60_000),
            new Entry("Munson's Pickles and Preserves Farm", "munsonspickles", Segment.S1500, US,
                    Vertical.RETAIL_CONSUMER_GOODS, "US Central", LifecyclePhase.ASSESS, RED, ON_TRACK, 1, false, 900),
            new Entry("Southridge Video", "southridgevideo", Segment.S1500, US, Vertical.MEDIA_COMMUNICATIONS,
                    "US West", LifecyclePhase.REMEDIATE, YELLOW, DUE_SOON, 1, false, 2_600),
            new Entry("Wingtip Toys", "wingtiptoys", Segment.S1500, US, Vertical.RETAIL_CONSUMER_GOODS, "US East",
                    LifecyclePhase.ENABLE, GREEN, OVERDUE, 2, false, 3_900));

    /** Names of the extra tenants a customer keeps beside its winner tenant. */
    private static final List<String> EXTRA_TENANTS = List.of("labs", "eu", "dev", "apac");

    private static final List<String> MICROSOFT_PEOPLE = List.of(
            "Johanna Lorenz", "Grady Archie", "Pradeep Gupta", "Joni Sherman", "Lynne Robbins", "Miriam Graham",
            "Henrietta Mueller", "Irvin Sayers", "Christie Cline", "Enrico Cattaneo", "Allan Deyoung", "Debra Berger");

    private final GeneratedRows rows;
    private final SplittableRandom random = new SplittableRandom(SEED);

    private final List<Customer> customers = new ArrayList<>();
    private final List<Tenant> tenants = new ArrayList<>();
    private final List<CustomerHealth> health = new ArrayList<>();
    private final List<EnterpriseStatusNote> notes = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Assignment> assignments = new ArrayList<>();
    private final List<WorkloadUsage> usage = new ArrayList<>();
    private final List<Forecast> forecasts = new ArrayList<>();

    private DemoWorkspace(LocalDate today) {
        this.rows = new GeneratedRows(HealthRules.defaults(), today);
    }

    static Dataset build(LocalDate today) {
        DemoWorkspace demo = new DemoWorkspace(today);
        for (int i = 0; i < PORTFOLIO.size(); i++) {
            demo.customer(i, PORTFOLIO.get(i));
        }
        return new Dataset(DemoUsers.all(), demo.customers, demo.tenants, demo.health, demo.notes, demo.contacts,
                demo.assignments, demo.usage, demo.forecasts);
    }

    /** The demo TPIDs: fixed, and far from the small numbers tests like to use. */
    static long tpid(int index) {
        return 10_400_000L + (index + 1) * 4_073L;
    }

    private void customer(int index, Entry e) {
        LocalDate today = rows.today();
        long tpid = tpid(index);
        List<LocalDate> renewals = new ArrayList<>();
        renewals.add(today.plusDays(45 + (index * 37L) % 600));
        if (index % 3 == 0) {
            renewals.add(renewals.get(0).plusYears(1));
        }
        customers.add(new Customer(tpid, e.name(), e.segment(), e.region(), e.vertical(), e.area(), e.phase(), renewals));

        List<Tenant> own = tenants(tpid, e);
        tenants.addAll(own);
        Tenant winner = own.get(0);

        List<Contact> customerContacts = contacts(tpid, index, e);

        List<WorkloadUsage> measured = rows.usage(tpid, e.users(), e.colour(), GeneratedRows.pick(random,
                HealthColour.values()), WorkloadGroup.values()[index % 3], random);
        usage.addAll(measured);
        forecasts.addAll(rows.forecasts(measured, random));

        ReviewDates reviews = rows.reviewDates(e.colour(), e.review(), random);
        health.add(health(tpid, index, e, reviews, customerContacts));

        String architect = index % 2 == 0 ? DemoUsers.ALEX_WILBER : DemoUsers.ISAIAH_LANGER;
        notes(tpid, index, e, winner, reviews.previous(), architect);
        assignments(tpid, index, e, own, architect);
    }

    private List<Tenant> tenants(long tpid, Entry e) {
        List<Tenant> own = new ArrayList<>();
        long winnerUsers = e.tenants() == 1 ? e.users() : Math.round(e.users() * 0.7);
        long rest = e.users() - winnerUsers;
        LocalDate today = rows.today();
        for (int t = 0; t < e.tenants(); t++) {
            boolean winner = t == 0;
            long users = winner ? winnerUsers : Math.max(25, rest / (e.tenants() - 1));
            String name = winner ? e.domain() + ".onmicrosoft.com"
                    : e.domain() + EXTRA_TENANTS.get(t - 1) + ".onmicrosoft.com";
            TenantOrigin origin = winner ? TenantOrigin.COMMERCE_FEED
                    : t % 2 == 1 ? TenantOrigin.TENANT_EXCEPTION : TenantOrigin.REQUEST_FOR_ASSISTANCE;
            Optional<LocalDate> covid = Optional.empty();
            if (e.covid() && winner) {
                LocalDate approved = LocalDate.of(2020, 3, 20).plusDays(random.nextInt(60));
                // Before the pandemic there was nothing to approve.
                covid = today.isBefore(LocalDate.of(2020, 3, 20)) ? Optional.empty()
                        : Optional.of(approved.isAfter(today) ? today : approved);
            }
            // The winner tenant carries the Enterprise Status notes, which its Is Enterprise flag enables.
            Optional<EnterpriseLevel> level = winner || users >= 5_000
                    ? Optional.of(EnterpriseLevel.forUserCount(users)) : Optional.empty();
            own.add(new Tenant(GeneratedRows.uuid(random), name, tpid, winner, covid, level, users, origin));
        }
        return own;
    }

    private List<Contact> contacts(long tpid, int index, Entry e) {
        List<Contact> own = new ArrayList<>();
        int customerCount = 2 + index % 2;
        for (int c = 0; c < customerCount; c++) {
            String first = GeneratedRows.pick(random, Vocabulary.FIRST_NAMES);
            String last = GeneratedRows.pick(random, Vocabulary.LAST_NAMES);
            String title = c == 0 ? GeneratedRows.pick(random, "CIO", "IT Director", "Head of Infrastructure")
                    : GeneratedRows.pick(random, Vocabulary.CUSTOMER_TITLES);
            own.add(new Contact(GeneratedRows.uuid(random), tpid, ContactKind.CUSTOMER, first + " " + last, title,
                    Vocabulary.slug(first) + "." + Vocabulary.slug(last) + "@" + e.domain() + ".com",
                    String.format("+1 425 555 %04d", random.nextInt(10_000))));
        }
        contacts.addAll(own);
        int microsoftCount = 1 + (index % 3 == 0 ? 1 : 0);
        for (int c = 0; c < microsoftCount; c++) {
            String person = MICROSOFT_PEOPLE.get((index * 2 + c) % MICROSOFT_PEOPLE.size());
            String title = c == 0 ? "Customer Success Manager"
                    : GeneratedRows.pick(random, "Intune CAT", "GTP", "Account Executive");
            contacts.add(new Contact(GeneratedRows.uuid(random), tpid, ContactKind.MICROSOFT, person, title,
                    person.toLowerCase().replace(' ', '.') + "@microsoft.com", ""));
        }
        return own;
    }

    private CustomerHealth health(long tpid, int index, Entry e, ReviewDates reviews, List<Contact> customerContacts) {
        LocalDate today = rows.today();
        CustomerStatus status = switch (e.colour()) {
            case RED -> GeneratedRows.pick(random, CustomerStatus.BLOCKED_BUSINESS, CustomerStatus.BLOCKED_TECHNICAL,
                    CustomerStatus.NO_INTENT);
            case YELLOW -> index % 4 == 0 ? CustomerStatus.BLOCKED_TECHNICAL : CustomerStatus.IN_PROGRESS;
            case GREEN, BLUE -> CustomerStatus.IN_PROGRESS;
        };
        HealthColour expected = e.colour() == BLUE ? BLUE : HealthColour.values()[e.colour().ordinal() + 1];
        CxpWatchlist watchlist = switch (e.colour()) {
            case RED -> index % 2 == 0 ? CxpWatchlist.CRITICAL : CxpWatchlist.ON_WATCHLIST;
            case YELLOW -> CxpWatchlist.ON_WATCHLIST;
            case GREEN -> index % 5 == 1 ? CxpWatchlist.GRADUATED : CxpWatchlist.NOT_ON_WATCHLIST;
            case BLUE -> CxpWatchlist.NOT_ON_WATCHLIST;
        };
        CustomerProgress progress = new CustomerProgress(Optional.of(status),
                Optional.of(today.plusDays(30 + random.nextInt(90))), Optional.of(expected),
                Optional.of(reviews.next()), Optional.of(reviews.previous()), Optional.of(watchlist),
                Optional.of(e.region()), Optional.of(e.vertical()));
        // "No Intent" customers may be using a competitor's products; a business blocker can be an averse board.
        OverallMindset mindset = status == CustomerStatus.NO_INTENT ? OverallMindset.COMPETE
                : status == CustomerStatus.BLOCKED_BUSINESS ? OverallMindset.AVERSE : OverallMindset.ALIGNED;
        // One customer in eight has not named a Success Owner yet, as happens early in a project.
        Optional<UUID> owner = index % 8 == 7 ? Optional.empty() : Optional.of(customerContacts.get(0).id());
        CustomerPerspective perspective = new CustomerPerspective(Optional.of(mindset),
                Optional.of(today.plusDays(90 + random.nextInt(275))),
                Optional.of(GeneratedRows.pick(random, BusinessReason.values())), owner);
        return new CustomerHealth(tpid, progress, perspective);
    }

    private void notes(long tpid, int index, Entry e, Tenant winner, LocalDate lastReview, String architect) {
        int count = 3 + (index * 5) % 6;
        for (int n = 0; n < count; n++) {
            // The newest note was written at the last review, the older ones a review interval apart.
            LocalDate day = lastReview.minus(rows.interval(e.colour()).multipliedBy(n));
            var at = day.atTime(8 + random.nextInt(9), random.nextInt(60)).toInstant(ZoneOffset.UTC);
            Workload workload = GeneratedRows.pick(random, Workload.values());
            String summary = String.format(GeneratedRows.pick(random, Vocabulary.EXECUTIVE_SUMMARIES), e.name(),
                    workload.label());
            String risks = GeneratedRows.pick(random, Vocabulary.RISKS);
            String awareness = GeneratedRows.pick(random, Vocabulary.AWARENESS);
            String author = e.segment().needsArchitect() && n % 3 == 1 ? architect : DemoUsers.DEMO_USER;
            notes.add(new EnterpriseStatusNote(GeneratedRows.uuid(random), tpid, winner.tenantId(), summary, risks,
                    awareness, author, at));
        }
    }

    private void assignments(long tpid, int index, Entry e, List<Tenant> own, String architect) {
        UUID winner = own.get(0).tenantId();
        Set<UUID> others = own.size() == 1 ? Set.of(winner)
                : Set.copyOf(own.subList(1, own.size()).stream().map(Tenant::tenantId).toList());
        assignments.add(new Assignment(GeneratedRows.uuid(random), tpid, AssignmentArea.CUSTOMER_HEALTH, Role.FM,
                DemoUsers.DEMO_USER, true, Set.of(winner), true));
        if (e.segment().needsArchitect()) {
            assignments.add(new Assignment(GeneratedRows.uuid(random), tpid, AssignmentArea.CUSTOMER_HEALTH, Role.FTA,
                    architect, true, Set.of(winner), false));
        }
        if (index % 3 == 0) {
            assignments.add(new Assignment(GeneratedRows.uuid(random), tpid, AssignmentArea.ONBOARDING, Role.FM,
                    DemoUsers.DIEGO_SICILIANI, false, others, false));
        } else if (index % 5 == 2) {
            assignments.add(new Assignment(GeneratedRows.uuid(random), tpid, AssignmentArea.ONBOARDING, Role.FM,
                    DemoUsers.PATTI_FERNANDEZ, false, others, false));
        }
        if (index % 4 == 1) {
            assignments.add(new Assignment(GeneratedRows.uuid(random), tpid, AssignmentArea.PARTNER, Role.FRP,
                    DemoUsers.LIDIA_HOLLOWAY, false, others, false));
        }
        if (index % 3 == 1) {
            assignments.add(new Assignment(GeneratedRows.uuid(random), tpid, AssignmentArea.ONBOARDING, Role.FTA,
                    DemoUsers.ISAIAH_LANGER, false, Set.of(winner), false));
        }
    }
}
