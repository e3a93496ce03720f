package ftop.core.dataset;

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
import ftop.core.dataset.DatasetGenerator.Scale;
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
import ftop.core.user.User;
import ftop.core.user.UserRole;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A generated set at one of the {@link Scale}s. The counts per customer are drawn up front so the
 * totals are exact; each customer's rows then come from its own random stream, split off the
 * seed's in order, so a seed always gives the same rows and a customer can be made, handed on and
 * forgotten before the next one (which is what lets the server-scale set be loaded in chunks).
 */
final class ScaleDataset {

    private static final Map<Region, List<String>> AREAS = new EnumMap<>(Map.ofEntries(
            Map.entry(Region.UNITED_STATES, List.of("US East", "US West", "US Central", "US South", "US Federal")),
            Map.entry(Region.CANADA, List.of("Canada East", "Canada West")),
            Map.entry(Region.LATIN_AMERICA, List.of("Brazil", "Mexico", "South America North")),
            Map.entry(Region.UNITED_KINGDOM, List.of("London", "UK North", "Scotland")),
            Map.entry(Region.WESTERN_EUROPE, List.of("France", "Germany", "Benelux", "Nordics", "Iberia", "Italy")),
            Map.entry(Region.CENTRAL_EASTERN_EUROPE, List.of("Poland", "Czechia", "Balkans", "Baltics")),
            Map.entry(Region.MIDDLE_EAST_AFRICA, List.of("Gulf", "South Africa", "North Africa")),
            Map.entry(Region.ASIA, List.of("India", "Singapore", "Korea", "ASEAN")),
            Map.entry(Region.GREATER_CHINA, List.of("China North", "China South", "Taiwan", "Hong Kong")),
            Map.entry(Region.JAPAN, List.of("Tokyo", "Osaka")),
            Map.entry(Region.AUSTRALIA_NEW_ZEALAND, List.of("Australia East", "Australia West", "New Zealand"))));

    /** Names of extra tenants beside the winner, in the order a customer acquires them. */
    private static final List<String> TENANT_SUFFIXES = List.of(
            "labs", "eu", "dev", "apac", "na", "latam", "test", "corp", "retail", "hq", "mfg", "rd");

    /** The non-primary assignments a customer can have, with whether they apply at customer level. */
    private record Slot(AssignmentArea area, Role role, boolean customerScope) {
    }

    private static final List<Slot> EXTRA_SLOTS = List.of(
            new Slot(AssignmentArea.ACCOUNT_TEAM, Role.SUCCESS_MANAGER, true),
            new Slot(AssignmentArea.ONBOARDING, Role.FM, false),
            new Slot(AssignmentArea.ONBOARDING, Role.FE, false),
            new Slot(AssignmentArea.ONBOARDING, Role.FE, false),
            new Slot(AssignmentArea.ONBOARDING, Role.FTA, false),
            new Slot(AssignmentArea.PARTNER, Role.FRP, false),
            new Slot(AssignmentArea.GATEWAY, Role.GATEWAY, false));

    private final Scale scale;
    private final GeneratedRows rows;
    private final SplittableRandom root;
    private final Map<Role, List<String>> pools = new EnumMap<>(Role.class);
    private final List<User> users = new ArrayList<>();
    /** Status sentences, made once per template, company stem and workload, and shared by all notes. */
    private final String[][][] summaries;

    private ScaleDataset(Scale scale, long seed, LocalDate today) {
        this.scale = scale;
        this.rows = new GeneratedRows(HealthRules.defaults(), today);
        this.root = new SplittableRandom(seed);
        this.summaries = new String[Vocabulary.EXECUTIVE_SUMMARIES.size()][Vocabulary.COMPANY_STEMS.size()][];
    }

    /**
     * Makes the set and hands it to {@code sink} in chunks of at most {@code customersPerChunk}
     * customers with all their rows; the users come with the first chunk.
     */
    static void generate(Scale scale, long seed, LocalDate today, int customersPerChunk, Consumer<Dataset> sink) {
        new ScaleDataset(scale, seed, today).run(customersPerChunk, sink);
    }

    private void run(int customersPerChunk, Consumer<Dataset> sink) {
        makeUsers();
        int n = scale.customers();
        boolean[] winner = new boolean[n];
        int withWinner = 0;
        for (int i = 0; i < n; i++) {
            // About one customer in a hundred has no winner tenant yet, and so no Enterprise Status either.
            winner[i] = root.nextInt(100) != 0;
            withWinner += winner[i] ? 1 : 0;
        }
        int[] tenants = GeneratedRows.distribute(scale.tenants(), n, 1, root);
        int[] contacts = GeneratedRows.distribute(scale.contacts(), n, 1, root);
        int[] assignments = GeneratedRows.distribute(scale.assignments(), n, 1, root);
        int[] notesOfWinners = GeneratedRows.distribute(scale.notes(), withWinner, 0, root);

        Chunk chunk = new Chunk(users);
        for (int i = 0, w = 0; i < n; i++) {
            int notes = winner[i] ? notesOfWinners[w++] : 0;
            customer(i, root.split(), winner[i], tenants[i], contacts[i], assignments[i], notes, chunk);
            if (chunk.customers.size() == customersPerChunk || i == n - 1) {
                sink.accept(chunk.toDataset());
                chunk = new Chunk(List.of());
            }
        }
    }

    /** The rows of a run of customers. */
    private static final class Chunk {
        final List<User> users;
        final List<Customer> customers = new ArrayList<>();
        final List<Tenant> tenants = new ArrayList<>();
        final List<CustomerHealth> health = new ArrayList<>();
        final List<EnterpriseStatusNote> notes = new ArrayList<>();
        final List<Contact> contacts = new ArrayList<>();
        final List<Assignment> assignments = new ArrayList<>();
        final List<WorkloadUsage> usage = new ArrayList<>();
        final List<Forecast> forecasts = new ArrayList<>();

        Chunk(List<User> users) {
            this.users = users;
        }

        Dataset toDataset() {
            return new Dataset(users, customers, tenants, health, notes, contacts, assignments, usage, forecasts);
        }
    }

    // ---- users --------------------------------------------------------------------------------

    private void makeUsers() {
        users.addAll(DemoUsers.all());
        Set<String> taken = new HashSet<>();
        users.forEach(u -> taken.add(u.userId()));
        int n = scale.customers();
        // Pool sizes follow how many customers one person carries: an FM about 25, a CSM about 10.
        // The demo users join the pools, so that signing in as them against a generated server shows
        // a portfolio of about the demo's size.
        pools.put(Role.FM, withDemo(List.of(DemoUsers.DEMO_USER, DemoUsers.DIEGO_SICILIANI, DemoUsers.PATTI_FERNANDEZ),
                people(Math.max(2, n / 25) - 3, UserRole.FM, "microsoft.com", taken)));
        pools.put(Role.FTA, withDemo(List.of(DemoUsers.ALEX_WILBER, DemoUsers.ISAIAH_LANGER),
                people(Math.max(2, n / 40) - 2, UserRole.FTA, "microsoft.com", taken)));
        pools.put(Role.FE, people(Math.max(2, n / 30), UserRole.FE, "microsoft.com", taken));
        pools.put(Role.FRP, withDemo(List.of(DemoUsers.LIDIA_HOLLOWAY),
                people(Math.max(2, n / 20) - 1, UserRole.PARTNER, "fasttrackpartners.com", taken)));
        pools.put(Role.GATEWAY, people(Math.max(2, n / 300), UserRole.GATEWAY, "microsoft.com", taken));
        pools.put(Role.SUCCESS_MANAGER, people(Math.max(2, n / 10), UserRole.FM, "microsoft.com", taken));
        Set<Region> led = new HashSet<>();
        DemoUsers.all().forEach(u -> u.region().ifPresent(led::add));
        for (Region region : Region.values()) {
            if (led.contains(region)) {
                continue;
            }
            Person p = person(root, taken);
            users.add(new User(p.id(), p.displayName(), p.id() + "@microsoft.com", Set.of(UserRole.LEAD),
                    Optional.of(region), false));
        }
        people(Math.max(2, n / 500), UserRole.ASSIGNMENT_TEAM, "microsoft.com", taken);
        // A few FMs sit in the SLT Watchlist group that may set the winner flag.
        List<String> fms = pools.get(Role.FM);
        for (int i = 0; i < users.size(); i++) {
            User u = users.get(i);
            if (fms.indexOf(u.userId()) % 10 == 3) {
                users.set(i, new User(u.userId(), u.displayName(), u.email(), u.roles(), u.region(), true));
            }
        }
    }

    private static List<String> withDemo(List<String> demo, List<String> generated) {
        List<String> all = new ArrayList<>(demo);
        all.addAll(generated);
        return List.copyOf(all);
    }

    private List<String> people(int count, UserRole role, String domain, Set<String> taken) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Person p = person(root, taken);
            users.add(new User(p.id(), p.displayName(), p.id() + "@" + domain, Set.of(role), Optional.empty(), false));
            ids.add(p.id());
        }
        return List.copyOf(ids);
    }

    /** A generated person: a unique sign-in id and the name people read. */
    private record Person(String id, String displayName) {
    }

    private static Person person(SplittableRandom random, Set<String> taken) {
        String first = GeneratedRows.pick(random, Vocabulary.FIRST_NAMES);
        String last = GeneratedRows.pick(random, Vocabulary.LAST_NAMES);
        String base = Vocabulary.slug(first) + "." + Vocabulary.slug(last);
        String id = base;
        for (int k = 2; !taken.add(id); k++) {
            id = base + k;
        }
        return new Person(id, first + " " + last);
    }

    // ---- one customer -------------------------------------------------------------------------

    private void customer(int index, SplittableRandom r, boolean hasWinner, int tenantCount, int contactCount,
            int assignmentCount, int noteCount, Chunk out) {
        LocalDate today = rows.today();
        long tpid = 20_000_000L + index * 1_000L + r.nextInt(1_000);
        int stem = index % Vocabulary.COMPANY_STEMS.size();
        String name = companyName(index);
        String domain = Vocabulary.slug(name);
        Segment segment = segment(index, r);
        Region region = region(r);
        Vertical vertical = GeneratedRows.pick(r, Vertical.values());
        List<LocalDate> renewals = new ArrayList<>();
        renewals.add(today.plusDays(30 + r.nextInt(870)));
        if (r.nextInt(3) == 0) {
            renewals.add(renewals.get(0).plusYears(1));
        }
        out.customers.add(new Customer(tpid, name, segment, region, vertical,
                GeneratedRows.pick(r, AREAS.get(region)), GeneratedRows.pick(r, LifecyclePhase.values()), renewals));

        long licensed = Math.max(200, Math.min(400_000, Math.round(Math.exp(8.5 + 1.2 * r.nextGaussian()))));
        List<Tenant> tenants = tenants(tpid, domain, hasWinner, tenantCount, licensed, r);
        out.tenants.addAll(tenants);

        List<Contact> contacts = contacts(tpid, domain, contactCount, r);
        out.contacts.addAll(contacts);

        // One customer in a hundred has no usage in the feed yet, and so no colour.
        Optional<HealthColour> colour = r.nextInt(100) == 0 ? Optional.empty() : Optional.of(colour(r));
        if (colour.isPresent()) {
            List<WorkloadUsage> usage = rows.usage(tpid, licensed, colour.get(),
                    GeneratedRows.pick(r, HealthColour.values()), GeneratedRows.pick(r, WorkloadGroup.values()), r);
            out.usage.addAll(usage);
            out.forecasts.addAll(rows.forecasts(usage, r));
        }
        // Without a colour the customer is reviewed at the shortest cadence, Red's.
        HealthColour cadenceColour = colour.orElse(HealthColour.RED);
        ReviewState state = reviewState(r);
        ReviewDates reviews = rows.reviewDates(cadenceColour, state, r);
        CustomerHealth health = r.nextInt(33) == 0 ? CustomerHealth.empty(tpid)
                : health(tpid, region, vertical, cadenceColour, reviews, contacts, r);
        out.health.add(health);

        List<Assignment> assignments = assignments(tpid, segment, tenants, assignmentCount, r);
        out.assignments.addAll(assignments);

        if (noteCount > 0) {
            notes(tpid, stem, tenants.get(0), assignments, reviews.previous(), cadenceColour, noteCount, r, out.notes);
        }
    }

    private static String companyName(int index) {
        int stems = Vocabulary.COMPANY_STEMS.size();
        int suffixes = Vocabulary.COMPANY_SUFFIXES.size();
        String name = Vocabulary.COMPANY_STEMS.get(index % stems) + " "
                + Vocabulary.COMPANY_SUFFIXES.get((index / stems) % suffixes);
        int round = index / (stems * suffixes);
        if (round > 0) {
            List<String> places = Vocabulary.COMPANY_PLACES;
            name += " " + places.get((round - 1) % places.size());
            if (round > places.size()) {
                name += " " + (1 + (round - 1) / places.size());
            }
        }
        return name;
    }

    private static Segment segment(int index, SplittableRandom r) {
        // The first 1,500 customers are the S1500 (a third of them S500); beyond it come the rest.
        if (index < 1_500) {
            return r.nextInt(3) == 0 ? Segment.S500 : Segment.S1500;
        }
        return r.nextInt(3) == 0 ? Segment.W2020 : Segment.OTHER;
    }

    private static Region region(SplittableRandom r) {
        int roll = r.nextInt(100);
        if (roll < 35) {
            return Region.UNITED_STATES;
        } else if (roll < 50) {
            return Region.WESTERN_EUROPE;
        } else if (roll < 58) {
            return Region.UNITED_KINGDOM;
        }
        return GeneratedRows.pick(r, Region.values());
    }

    private static HealthColour colour(SplittableRandom r) {
        int roll = r.nextInt(100);
        return roll < 20 ? HealthColour.RED : roll < 50 ? HealthColour.YELLOW : roll < 85 ? HealthColour.GREEN
                : HealthColour.BLUE;
    }

    private static ReviewState reviewState(SplittableRandom r) {
        int roll = r.nextInt(100);
        return roll < 25 ? ReviewState.OVERDUE : roll < 40 ? ReviewState.DUE_SOON : ReviewState.ON_TRACK;
    }

    private List<Tenant> tenants(long tpid, String domain, boolean hasWinner, int count, long licensed,
            SplittableRandom r) {
        LocalDate today = rows.today();
        LocalDate covidStart = LocalDate.of(2020, 3, 15);
        List<Tenant> out = new ArrayList<>(count);
        // The first tenant is the main one: most of the users, and the winner when there is one.
        long main = count == 1 ? licensed : Math.round(licensed * (0.5 + 0.4 * r.nextDouble()));
        double[] weights = new double[count];
        double sum = 0;
        for (int t = 1; t < count; t++) {
            weights[t] = 0.1 + r.nextDouble();
            sum += weights[t];
        }
        for (int t = 0; t < count; t++) {
            boolean first = t == 0;
            long users = first ? main : Math.max(10, Math.round((licensed - main) * weights[t] / sum));
            String name = first ? domain + ".onmicrosoft.com" : tenantName(domain, t - 1);
            TenantOrigin origin = first ? TenantOrigin.COMMERCE_FEED : switch (r.nextInt(10)) {
                case 0 -> TenantOrigin.REQUEST_FOR_ASSISTANCE;
                case 1, 2 -> TenantOrigin.TENANT_EXCEPTION;
                default -> TenantOrigin.COMMERCE_FEED;
            };
            // Both draws are always made, so that the rows after them do not depend on the day.
            boolean approvedRfa = r.nextInt(100) < 6;
            LocalDate approved = covidStart.plusDays(r.nextInt(200));
            Optional<LocalDate> covid = approvedRfa && !today.isBefore(covidStart)
                    ? Optional.of(approved.isAfter(today) ? today : approved) : Optional.empty();
            Optional<EnterpriseLevel> level = users >= 5_000 && r.nextInt(5) != 0
                    ? Optional.of(EnterpriseLevel.forUserCount(users)) : Optional.empty();
            if (first && hasWinner) {
                // The winner tenant carries the Enterprise Status notes, which its Is Enterprise flag enables.
                level = Optional.of(EnterpriseLevel.forUserCount(users));
            }
            out.add(new Tenant(GeneratedRows.uuid(r), name, tpid, first && hasWinner, covid, level, users, origin));
        }
        return out;
    }

    private static String tenantName(String domain, int extra) {
        String suffix = TENANT_SUFFIXES.get(extra % TENANT_SUFFIXES.size());
        int round = extra / TENANT_SUFFIXES.size();
        return domain + suffix + (round == 0 ? "" : Integer.toString(round + 1)) + ".onmicrosoft.com";
    }

    private List<Contact> contacts(long tpid, String domain, int count, SplittableRandom r) {
        List<Contact> out = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            // The first contact is always the customer's own; later ones are a mix.
            boolean customer = c == 0 || r.nextInt(100) < 65;
            String first = GeneratedRows.pick(r, Vocabulary.FIRST_NAMES);
            String last = GeneratedRows.pick(r, Vocabulary.LAST_NAMES);
            String mail = Vocabulary.slug(first) + "." + Vocabulary.slug(last) + "@"
                    + (customer ? domain + ".com" : "microsoft.com");
            out.add(new Contact(GeneratedRows.uuid(r), tpid, customer ? ContactKind.CUSTOMER : ContactKind.MICROSOFT,
                    first + " " + last,
                    GeneratedRows.pick(r, customer ? Vocabulary.CUSTOMER_TITLES : Vocabulary.MICROSOFT_TITLES), mail,
                    r.nextInt(4) == 0 ? "" : phone(r)));
        }
        return out;
    }

    /** A phone number such as "+44 207 555 0142"; built by hand because String.format is slow in bulk. */
    private static String phone(SplittableRandom r) {
        StringBuilder out = new StringBuilder(16).append('+').append(1 + r.nextInt(98)).append(' ');
        pad(out, r.nextInt(1_000), 3).append(' ');
        pad(out, r.nextInt(1_000), 3).append(' ');
        return pad(out, r.nextInt(10_000), 4).toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int digits) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(text);
    }

    private CustomerHealth health(long tpid, Region region, Vertical vertical, HealthColour colour,
            ReviewDates reviews, List<Contact> contacts, SplittableRandom r) {
        LocalDate today = rows.today();
        CustomerStatus status = colour == HealthColour.RED && r.nextBoolean()
                ? GeneratedRows.pick(r, CustomerStatus.BLOCKED_BUSINESS, CustomerStatus.BLOCKED_TECHNICAL,
                        CustomerStatus.NO_INTENT)
                : r.nextInt(10) == 0 ? CustomerStatus.BLOCKED_TECHNICAL : CustomerStatus.IN_PROGRESS;
        HealthColour expected = colour == HealthColour.BLUE ? colour : HealthColour.values()[colour.ordinal()
                + r.nextInt(2)];
        CxpWatchlist watchlist = colour.needsAttention() && r.nextInt(3) == 0
                ? GeneratedRows.pick(r, CxpWatchlist.ON_WATCHLIST, CxpWatchlist.CRITICAL)
                : r.nextInt(20) == 0 ? CxpWatchlist.GRADUATED : CxpWatchlist.NOT_ON_WATCHLIST;
        CustomerProgress progress = new CustomerProgress(Optional.of(status),
                Optional.of(today.plusDays(14 + r.nextInt(180))), Optional.of(expected), Optional.of(reviews.next()),
                Optional.of(reviews.previous()), Optional.of(watchlist), Optional.of(region), Optional.of(vertical));
        // A customer with no intent has turned away from the cloud or to a competitor; a few others lean that way.
        OverallMindset mindset = status != CustomerStatus.NO_INTENT && r.nextInt(10) != 0 ? OverallMindset.ALIGNED
                : GeneratedRows.pick(r, OverallMindset.AVERSE, OverallMindset.COMPETE);
        Optional<UUID> owner = r.nextInt(10) == 0 ? Optional.empty() : Optional.of(contacts.get(0).id());
        CustomerPerspective perspective = new CustomerPerspective(Optional.of(mindset),
                r.nextInt(5) == 0 ? Optional.empty() : Optional.of(today.plusDays(60 + r.nextInt(540))),
                Optional.of(GeneratedRows.pick(r, BusinessReason.values())), owner);
        return new CustomerHealth(tpid, progress, perspective);
    }

    private List<Assignment> assignments(long tpid, Segment segment, List<Tenant> tenants, int count,
            SplittableRandom r) {
        List<Assignment> out = new ArrayList<>(count);
        Set<String> made = new HashSet<>();
        Tenant main = tenants.get(0);
        // The primary FM sits on the winner tenant; without one, the assignment applies at customer level only.
        Set<UUID> primaryScope = main.winner() ? Set.of(main.tenantId()) : Set.of();
        String fm = GeneratedRows.pick(r, pools.get(Role.FM));
        out.add(new Assignment(GeneratedRows.uuid(r), tpid, AssignmentArea.CUSTOMER_HEALTH, Role.FM, fm, true,
                primaryScope, true));
        made.add(AssignmentArea.CUSTOMER_HEALTH + "/" + Role.FM + "/" + fm);
        if (segment.needsArchitect() && out.size() < count) {
            String fta = GeneratedRows.pick(r, pools.get(Role.FTA));
            out.add(new Assignment(GeneratedRows.uuid(r), tpid, AssignmentArea.CUSTOMER_HEALTH, Role.FTA, fta, true,
                    primaryScope, false));
            made.add(AssignmentArea.CUSTOMER_HEALTH + "/" + Role.FTA + "/" + fta);
        }
        while (out.size() < count) {
            Slot slot = GeneratedRows.pick(r, EXTRA_SLOTS);
            String user = GeneratedRows.pick(r, pools.get(slot.role()));
            if (!made.add(slot.area() + "/" + slot.role() + "/" + user)) {
                continue;
            }
            Set<UUID> scope = slot.customerScope() ? Set.of() : someTenants(tenants, r);
            out.add(new Assignment(GeneratedRows.uuid(r), tpid, slot.area(), slot.role(), user, slot.customerScope(),
                    scope, false));
        }
        return out;
    }

    /** A non-empty subset of the tenants: often all of them, else a random few. */
    private static Set<UUID> someTenants(List<Tenant> tenants, SplittableRandom r) {
        Set<UUID> out = new LinkedHashSet<>();
        if (tenants.size() == 1 || r.nextBoolean()) {
            tenants.forEach(t -> out.add(t.tenantId()));
            return out;
        }
        for (Tenant t : tenants) {
            if (r.nextInt(3) == 0) {
                out.add(t.tenantId());
            }
        }
        if (out.isEmpty()) {
            out.add(GeneratedRows.pick(r, tenants).tenantId());
        }
        return out;
    }

    private void notes(long tpid, int stem, Tenant winner, List<Assignment> assignments, LocalDate lastReview,
            HealthColour colour, int count, SplittableRandom r, List<EnterpriseStatusNote> out) {
        // The health owners write the status: the primary FM, and the FTA when there is one.
        List<String> authors = assignments.stream().filter(a -> a.area() == AssignmentArea.CUSTOMER_HEALTH)
                .map(Assignment::userId).toList();
        long interval = ChronoUnit.DAYS.between(lastReview, lastReview.plus(rows.interval(colour)));
        // Spread many notes over at most about two years rather than decades.
        long gap = Math.max(3, Math.min(interval, 730 / count));
        for (int n = 0; n < count; n++) {
            LocalDate day = lastReview.minusDays(gap * n);
            var at = day.atTime(8 + r.nextInt(9), r.nextInt(60)).toInstant(ZoneOffset.UTC);
            int template = r.nextInt(Vocabulary.EXECUTIVE_SUMMARIES.size());
            Workload workload = GeneratedRows.pick(r, Workload.values());
            out.add(new EnterpriseStatusNote(GeneratedRows.uuid(r), tpid, winner.tenantId(),
                    summary(template, stem, workload), GeneratedRows.pick(r, Vocabulary.RISKS),
                    GeneratedRows.pick(r, Vocabulary.AWARENESS), GeneratedRows.pick(r, authors), at));
        }
    }

    private String summary(int template, int stem, Workload workload) {
        String[] byWorkload = summaries[template][stem];
        if (byWorkload == null) {
            byWorkload = new String[Workload.values().length];
            summaries[template][stem] = byWorkload;
        }
        String text = byWorkload[workload.ordinal()];
        if (text == null) {
            text = String.format(Vocabulary.EXECUTIVE_SUMMARIES.get(template), Vocabulary.COMPANY_STEMS.get(stem),
                    workload.label());
            byWorkload[workload.ordinal()] = text;
        }
        return text;
    }
}
