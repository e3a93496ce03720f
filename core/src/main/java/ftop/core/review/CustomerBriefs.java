package ftop.core.review;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.CustomerProgress;
import ftop.core.health.CustomerStatus;
import ftop.core.health.DueState;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.OverallMindset;
import ftop.core.health.ReviewCadence;
import ftop.core.health.Workload;
import ftop.core.health.WorkloadGroup;
import ftop.core.health.WorkloadHealth;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Generates {@link CustomerBrief}s from the data of a {@link ReviewSource}: the opening sentence, the
 * renewal dates, business reason and mindset, workload highlights and lowlights, risks, blockers and wins
 * from the latest Enterprise Status, and a place for the asks of leadership.
 *
 * <p>Only what the data says is written. Where a piece is missing the brief says so in its section and
 * lists it in {@link CustomerBrief#missing()}; nothing is filled in with a guess.
 */
public final class CustomerBriefs {

    /** Text of the asks section until the presenter writes it: asks are not recorded anywhere in FTOP. */
    public static final String NO_ASKS = "None recorded yet: write here what help is needed from leadership.";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final HealthRules rules;
    private final ReviewCadence cadence;
    private final ZoneId zone;

    /**
     * @param rules the health rules the colours and review cadence come from
     * @param zone  the zone in which an Enterprise Status note's time becomes a calendar day
     */
    public CustomerBriefs(HealthRules rules, ZoneId zone) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.cadence = new ReviewCadence(rules);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The briefs of several customers, in the order asked for.
     *
     * @throws IllegalArgumentException naming the first TPID the source does not know
     */
    public List<CustomerBrief> of(Collection<Long> tpids, ReviewSource source, LocalDate today) {
        List<CustomerBrief> briefs = new ArrayList<>(tpids.size());
        for (long tpid : tpids) {
            briefs.add(of(tpid, source, today));
        }
        return List.copyOf(briefs);
    }

    /**
     * The brief of one customer, as its data stands on {@code today}.
     *
     * @throws IllegalArgumentException when the source does not know the customer
     */
    public CustomerBrief of(long tpid, ReviewSource source, LocalDate today) {
        Customer customer = source.customer(tpid).orElseThrow(() -> new IllegalArgumentException(
                "Customer " + tpid + " is not in the local data; sync, or check the TPID."));
        CustomerHealth health = source.health(tpid).orElseGet(() -> CustomerHealth.empty(tpid));
        CustomerProgress progress = health.progress();
        HealthAssessment assessment = HealthAssessment.of(source.usage(tpid), rules);
        List<String> missing = new ArrayList<>();

        Map<WorkloadGroup, HealthColour> groups = new EnumMap<>(WorkloadGroup.class);
        List<String> unmeasured = new ArrayList<>();
        for (WorkloadGroup group : WorkloadGroup.values()) {
            assessment.group(group).ifPresentOrElse(c -> groups.put(group, c), () -> unmeasured.add(group.label()));
        }
        if (!unmeasured.isEmpty()) {
            missing.add("Usage data for " + String.join(", ", unmeasured));
        }
        if (progress.expectedHealth().isEmpty()) {
            missing.add("Target health (Customer Progress)");
        }
        if (progress.expectedProgressDue().isEmpty()) {
            missing.add("Expected Progress Due (Customer Progress)");
        } else if (progress.expectedProgressDue().get().isBefore(today)) {
            // The sentence still says what was forecast; the presenter is told the date has gone by.
            missing.add("A current Expected Progress Due (the one set, "
                    + DAY.format(progress.expectedProgressDue().get()) + ", has passed)");
        }
        String opening = BriefSentence.of(customer.name(), assessment, progress);

        Optional<LocalDate> nextReview = cadence.reviewDueOn(progress, assessment.overall());
        if (nextReview.isEmpty()) {
            missing.add("Next or previous review date (Customer Progress)");
        }

        // Sections are written in the brief's order, so the missing list reads in that order too.
        String renewals = renewals(customer, today, missing);
        String business = business(customer, health, source.contacts(tpid), missing);
        String highlights = highlights(assessment, source.forecasts(tpid), today);
        String lowlights = lowlights(assessment, progress);
        String risks = risks(source.notes(tpid), assessment, today, missing);
        missing.add(CustomerBrief.ASKS_MISSING);
        SinceReview since = SinceReview.of(progress, source.history(tpid), source.usage(tpid), source.notes(tpid), rules,
                zone, today, source::userName);
        return new CustomerBrief(tpid, customer.name(), assessment.overall(), groups, progress.status(), nextReview,
                opening, renewals, business, highlights, lowlights, risks, NO_ASKS, missing, since.previousReview(),
                since.text());
    }

    private static String renewals(Customer customer, LocalDate today, List<String> missing) {
        List<LocalDate> dates = customer.renewalDates();
        if (dates.isEmpty()) {
            missing.add("Renewal dates");
            return "No subscription renewal dates are recorded.";
        }
        List<String> words = dates.stream()
                .map(d -> DAY.format(d) + (d.isBefore(today) ? " (passed)" : ""))
                .toList();
        String list = words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
        return (dates.size() == 1 ? "The subscription renews on " : "Subscriptions renew on ") + list + ".";
    }

    private static String business(Customer customer, CustomerHealth health, List<Contact> contacts,
            List<String> missing) {
        CustomerPerspective perspective = health.perspective();
        CustomerProgress progress = health.progress();
        List<String> lines = new ArrayList<>();
        lines.add("- Business reason: " + perspective.businessReason().map(r -> r.label() + ".")
                .orElseGet(() -> notRecorded(missing, "Business reason (Customer Perspective)")));
        lines.add("- Overall mindset: " + perspective.mindset().map(CustomerBriefs::mindset)
                .orElseGet(() -> notRecorded(missing, "Overall mindset (Customer Perspective)")));
        lines.add("- Customer status: " + progress.status().map(s -> s.label() + ".")
                .orElseGet(() -> notRecorded(missing, "Customer status (Customer Progress)")));
        lines.add("- Lifecycle phase: " + customer.phase().label() + ".");
        lines.add("- Onboarding completion expected: " + perspective.completionDate().map(d -> DAY.format(d) + ".")
                .orElseGet(() -> notRecorded(missing, "Completion date (Customer Perspective)")));
        lines.add("- Success owner: " + perspective.successOwner().map(id -> successOwner(id, contacts))
                .orElseGet(() -> notRecorded(missing, "Success owner (Customer Perspective)")));
        return String.join("\n", lines);
    }

    private static String notRecorded(List<String> missing, String what) {
        missing.add(what);
        return "not recorded.";
    }

    /** The seed's meaning of each mindset, so the room hears the same thing. */
    private static String mindset(OverallMindset mindset) {
        return switch (mindset) {
            case ALIGNED -> "Aligned: an overall strategy that is \"Pro Microsoft cloud\".";
            case AVERSE -> "Averse: opposed, overall, to moving to the cloud.";
            case COMPETE -> "Compete: aligned with moving to the cloud, but with a competitor.";
        };
    }

    private static String successOwner(UUID id, List<Contact> contacts) {
        return contacts.stream().filter(c -> c.id().equals(id)).findFirst()
                .map(c -> c.name() + (c.title().isBlank() ? "" : " (" + c.title() + ")") + ".")
                .orElse("a contact who is no longer among the customer's contacts.");
    }

    private String highlights(HealthAssessment assessment, List<Forecast> forecasts, LocalDate today) {
        List<String> lines = new ArrayList<>();
        for (WorkloadHealth w : assessment.workloads().values()) {
            if (w.colour().isBetterThan(HealthColour.YELLOW)) {
                lines.add("- " + usage(w) + ".");
            }
        }
        // A forecast is a highlight when it lifts a measured workload to a better colour; per workload,
        // the nearest quarter (this one or later) that does so is named. Small moves within a colour are
        // not news in a review meeting.
        Quarter current = Quarter.of(today);
        Map<Workload, Forecast> better = new EnumMap<>(Workload.class);
        for (Forecast f : forecasts) {
            Optional<WorkloadHealth> now = assessment.workload(f.workload());
            if (now.isEmpty() || f.quarter().compareTo(current) < 0) {
                continue;
            }
            if (forecastColour(f, now.get()).isBetterThan(now.get().colour())) {
                better.merge(f.workload(), f, (a, b) -> a.quarter().compareTo(b.quarter()) <= 0 ? a : b);
            }
        }
        for (Forecast f : better.values()) {
            WorkloadHealth now = assessment.workload(f.workload()).orElseThrow();
            int percent = (int) Math.floor((double) f.projectedActive() / now.entitled() * 100 + 1e-9);
            lines.add("- Forecast for " + f.quarter() + ": " + f.workload().label() + " to reach "
                    + forecastColour(f, now).label() + " (" + number(f.projectedActive()) + " active, " + percent
                    + "% of " + number(now.entitled()) + ").");
        }
        if (lines.isEmpty()) {
            return "No workload is Green or Blue yet, and no forecast lifts a workload to a better colour.";
        }
        return String.join("\n", lines);
    }

    /** The colour the forecast usage would have against today's entitlement. */
    private HealthColour forecastColour(Forecast f, WorkloadHealth now) {
        return rules.thresholds(f.workload()).colourOf((double) f.projectedActive() / now.entitled());
    }

    private String lowlights(HealthAssessment assessment, CustomerProgress progress) {
        List<String> lines = new ArrayList<>();
        progress.status().filter(s -> s != CustomerStatus.IN_PROGRESS)
                .ifPresent(s -> lines.add("- Customer status is " + s.label() + ": " + statusMeaning(s)));
        for (WorkloadHealth w : assessment.workloads().values()) {
            if (!w.colour().isBetterThan(HealthColour.YELLOW)) {
                HealthColour next = HealthColour.values()[w.colour().ordinal() + 1];
                int needed = (int) Math.ceil(rules.thresholds(w.workload()).from(next) * 100 - 1e-9);
                lines.add("- " + usage(w) + "; " + next.label() + " needs " + needed + "%.");
            }
        }
        List<String> noData = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            if (assessment.workload(workload).isEmpty()) {
                noData.add(workload.label());
            }
        }
        if (!noData.isEmpty()) {
            lines.add("- No usage data for " + String.join(", ", noData) + ".");
        }
        if (lines.isEmpty()) {
            return "No lowlights: every workload is Green or Blue and the customer is in progress.";
        }
        return String.join("\n", lines);
    }

    /** What the seed says each non-progressing status means. */
    private static String statusMeaning(CustomerStatus status) {
        return switch (status) {
            case BLOCKED_BUSINESS -> "the customer has intent but cannot move forward due to a blocker outside "
                    + "FastTrack's influence.";
            case BLOCKED_TECHNICAL -> "a technical blocker that may be within FastTrack's or another Microsoft "
                    + "department's influence.";
            case NO_INTENT -> "the customer might be unresponsive or using competitor products.";
            case IN_PROGRESS -> "engaged and moving forward.";
        };
    }

    private static String usage(WorkloadHealth w) {
        return w.workload().label() + ": " + w.colour().label() + ", " + w.percent() + "% active ("
                + number(w.active()) + " of " + number(w.entitled()) + ")";
    }

    private String risks(List<EnterpriseStatusNote> notes, HealthAssessment assessment, LocalDate today,
            List<String> missing) {
        Optional<EnterpriseStatusNote> latest = notes.stream()
                .max((a, b) -> a.createdAt().compareTo(b.createdAt()));
        if (latest.isEmpty()) {
            missing.add("Enterprise Status");
            return "No Enterprise Status has been written, so no risks, blockers or wins are recorded.";
        }
        EnterpriseStatusNote note = latest.get();
        LocalDate writtenOn = LocalDate.ofInstant(note.createdAt(), zone);
        List<String> lines = new ArrayList<>();
        String from = "From the Enterprise Status of " + DAY.format(writtenOn) + " by " + note.author() + ".";
        DueState state = cadence.statusUpdateState(Optional.of(note.createdAt()), zone, assessment.overall(), today);
        if (state.overdue()) {
            from += " It is out of date: an update was due " + DAY.format(state.dueOn().orElseThrow()) + ".";
            missing.add("An up-to-date Enterprise Status");
        }
        lines.add(from);
        lines.add("- Risks and blockers: " + orNone(note.risks()));
        lines.add("- Progress and wins: " + orNone(note.executiveSummary()));
        lines.add("- Leadership awareness: " + orNone(note.awareness()));
        return String.join("\n", lines);
    }

    private static String orNone(String text) {
        String flat = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining(" "));
        return flat.isEmpty() ? "none written." : flat;
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }
}
