package ftop.core.review;

import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerProgress;
import ftop.core.health.DueState;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.ReviewCadence;
import ftop.core.status.EnterpriseStatusNote;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The customers to look at before a review meeting: those whose health review is due or overdue by the
 * cadence (Red and Yellow every two weeks, Green and Blue quarterly, as the {@link HealthRules} say) and
 * those whose Enterprise Status is stale. Each item says why in words; the list is sorted by urgency.
 *
 * <p>Urgency is the review's due date, earliest first: a customer with no review date at all comes
 * first (nobody knows when it was last looked at), then the most overdue, then today's, then the
 * nearest upcoming one, so "Due today" never follows "Due in 6 days". Customers due the same day go
 * by colour (Red, then not yet measured, then Yellow, Green, Blue); then by how long ago the
 * Enterprise Status was last updated (never first); then by name, so the order is stable.
 */
public final class ReviewQueue {

    /** How far ahead a review counts as due when no look-ahead is given: the week before the meeting. */
    public static final int DEFAULT_LOOKAHEAD_DAYS = 7;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** The queue's order; see the class description. */
    public static final Comparator<ReviewItem> URGENCY = Comparator
            .comparingLong(ReviewQueue::overdueDays).reversed()
            .thenComparingLong(item -> item.review().daysRemaining().orElse(0))
            .thenComparingInt(item -> severity(item.overall()))
            .thenComparing(Comparator.comparingLong(ReviewQueue::statusAgeDays).reversed())
            .thenComparing(item -> item.customer().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(ReviewItem::tpid);

    private final HealthRules rules;
    private final ReviewCadence cadence;
    private final ZoneId zone;
    private final int lookaheadDays;

    /**
     * @param rules         the health rules: colours and review cadence
     * @param zone          the zone in which a note's time becomes a calendar day
     * @param lookaheadDays a review due within this many days from today is in the queue; 0 means only
     *                      reviews due today or overdue
     */
    public ReviewQueue(HealthRules rules, ZoneId zone, int lookaheadDays) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.cadence = new ReviewCadence(rules);
        this.zone = Objects.requireNonNull(zone, "zone");
        if (lookaheadDays < 0) {
            throw new IllegalArgumentException("The look-ahead is a number of days from today, 0 or more, not "
                    + lookaheadDays);
        }
        this.lookaheadDays = lookaheadDays;
    }

    /** A queue with the {@link #DEFAULT_LOOKAHEAD_DAYS default look-ahead}. */
    public ReviewQueue(HealthRules rules, ZoneId zone) {
        this(rules, zone, DEFAULT_LOOKAHEAD_DAYS);
    }

    /** The customers of {@code source} that need attention on {@code today}, most urgent first. */
    public List<ReviewItem> build(ReviewSource source, LocalDate today) {
        return build(source, today, customer -> true);
    }

    /**
     * As {@link #build(ReviewSource, LocalDate)}, for the customers {@code scope} accepts only: a region,
     * one person's portfolio, the customers nominated for a meeting.
     */
    public List<ReviewItem> build(ReviewSource source, LocalDate today, Predicate<Customer> scope) {
        List<ReviewItem> items = new ArrayList<>();
        for (Customer customer : source.customers()) {
            if (!scope.test(customer)) {
                continue;
            }
            ReviewItem item = assess(customer, source, today);
            if (needsAttention(item)) {
                items.add(item);
            }
        }
        items.sort(URGENCY);
        return List.copyOf(items);
    }

    /**
     * Where one customer stands on {@code today}, whether or not it belongs in the queue; the reasons
     * are empty when nothing is due.
     */
    public ReviewItem assess(Customer customer, ReviewSource source, LocalDate today) {
        HealthAssessment assessment = HealthAssessment.of(source.usage(customer.tpid()), rules);
        Optional<HealthColour> colour = assessment.overall();
        CustomerProgress progress = source.health(customer.tpid()).map(CustomerHealth::progress)
                .orElseGet(CustomerProgress::empty);
        DueState review = cadence.reviewState(progress, colour, today);

        Optional<Instant> latestNoteAt = source.notes(customer.tpid()).stream()
                .map(EnterpriseStatusNote::createdAt).max(Comparator.naturalOrder());
        DueState status = cadence.statusUpdateState(latestNoteAt, zone, colour, today);
        Optional<LocalDate> lastStatusOn = latestNoteAt.map(at -> LocalDate.ofInstant(at, zone));

        List<String> reasons = new ArrayList<>();
        reviewReason(review, today).ifPresent(reasons::add);
        if (status.overdue()) {
            reasons.add(statusReason(status, lastStatusOn, today));
        }
        return new ReviewItem(customer, assessment, review, status, lastStatusOn, reasons);
    }

    private boolean needsAttention(ReviewItem item) {
        return !item.reasons().isEmpty();
    }

    private Optional<String> reviewReason(DueState review, LocalDate today) {
        if (review.dueOn().isEmpty()) {
            return Optional.of("No review has been recorded and no next review date is set.");
        }
        LocalDate due = review.dueOn().get();
        if (review.overdue()) {
            return Optional.of("Review overdue by " + days(review.daysOverdue().getAsLong()) + " (due "
                    + DAY.format(due) + ").");
        }
        long remaining = review.daysRemaining().getAsLong();
        if (remaining == 0) {
            return Optional.of("Review due today.");
        }
        if (remaining <= lookaheadDays) {
            return Optional.of("Review due in " + days(remaining) + " (" + DAY.format(due) + ").");
        }
        return Optional.empty();
    }

    private static String statusReason(DueState status, Optional<LocalDate> lastStatusOn, LocalDate today) {
        if (lastStatusOn.isEmpty()) {
            return "No Enterprise Status has been written.";
        }
        long age = ChronoUnit.DAYS.between(lastStatusOn.get(), today);
        return "Enterprise Status is stale: last updated " + DAY.format(lastStatusOn.get()) + " (" + days(age)
                + " ago); an update was due " + DAY.format(status.dueOn().orElseThrow()) + ".";
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private static long overdueDays(ReviewItem item) {
        if (item.review().dueOn().isEmpty()) {
            return Long.MAX_VALUE;
        }
        return item.review().daysOverdue().orElse(0);
    }

    /** Red first; a customer that cannot be measured is reviewed as often as Red, so it comes next. */
    private static int severity(Optional<HealthColour> colour) {
        if (colour.isEmpty()) {
            return 1;
        }
        return switch (colour.get()) {
            case RED -> 0;
            case YELLOW -> 2;
            case GREEN -> 3;
            case BLUE -> 4;
        };
    }

    private static long statusAgeDays(ReviewItem item) {
        return item.lastStatusOn().map(on -> ChronoUnit.DAYS.between(on, item.status().today()))
                .orElse(Long.MAX_VALUE);
    }
}
