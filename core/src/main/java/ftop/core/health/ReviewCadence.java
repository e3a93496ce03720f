package ftop.core.health;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * When a customer's health is due for review and its Enterprise Status for an update: Red and
 * Yellow customers every two weeks, Green and Blue quarterly, as the {@link HealthRules} say.
 * Every method is a pure function of its arguments; "today" is always passed in.
 *
 * <p>A customer whose colour is not known (no usage data) is reviewed at the shortest cadence of
 * the rules: with nothing measured, it gets the attention a Red customer gets.
 */
public final class ReviewCadence {

    private final HealthRules rules;
    private final Period shortest;

    public ReviewCadence(HealthRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        Period min = null;
        LocalDate reference = LocalDate.of(2000, 1, 1);
        for (HealthColour colour : HealthColour.values()) {
            Period p = rules.cadence(colour);
            if (min == null || reference.plus(p).isBefore(reference.plus(min))) {
                min = p;
            }
        }
        this.shortest = min;
    }

    /** The time between reviews of a customer of {@code colour}; the shortest one when unknown. */
    public Period interval(Optional<HealthColour> colour) {
        return colour.map(rules::cadence).orElse(shortest);
    }

    /** The date the review after one held on {@code lastReview} is due, for a customer of {@code colour}. */
    public LocalDate nextDueDate(LocalDate lastReview, HealthColour colour) {
        return nextDueDate(lastReview, Optional.of(colour));
    }

    /** As {@link #nextDueDate(LocalDate, HealthColour)}, for a colour that may be unknown. */
    public LocalDate nextDueDate(LocalDate lastReview, Optional<HealthColour> colour) {
        return lastReview.plus(interval(colour));
    }

    /**
     * The date the customer's next review is due: the Next Review Date when set, otherwise the
     * Previous Review Date plus the cadence of {@code colour}; empty when neither date is set.
     */
    public Optional<LocalDate> reviewDueOn(CustomerProgress progress, Optional<HealthColour> colour) {
        if (progress.nextReviewDate().isPresent()) {
            return progress.nextReviewDate();
        }
        return progress.previousReviewDate().map(previous -> nextDueDate(previous, colour));
    }

    /**
     * Where the customer's review stands on {@code today}. The review is overdue once its due date
     * has passed (on the due date itself it is due, not overdue); a customer with neither a next
     * nor a previous review date is overdue.
     */
    public DueState reviewState(CustomerProgress progress, Optional<HealthColour> colour, LocalDate today) {
        return new DueState(reviewDueOn(progress, colour), today);
    }

    /** True when the customer's review is overdue on {@code today}; see {@link #reviewState}. */
    public boolean isReviewOverdue(CustomerProgress progress, Optional<HealthColour> colour, LocalDate today) {
        return reviewState(progress, colour, today).overdue();
    }

    /**
     * The date the next Enterprise Status update is due: the day the latest note was written (in
     * {@code zone}) plus the cadence of {@code colour}. Empty when there is no note yet, which
     * means an update is due now.
     */
    public Optional<LocalDate> statusUpdateDueOn(Optional<Instant> latestNoteAt, ZoneId zone,
            Optional<HealthColour> colour) {
        return latestNoteAt.map(at -> nextDueDate(LocalDate.ofInstant(at, zone), colour));
    }

    /**
     * Where the customer's Enterprise Status stands on {@code today}: overdue once the due date has
     * passed, or when there is no note at all.
     */
    public DueState statusUpdateState(Optional<Instant> latestNoteAt, ZoneId zone, Optional<HealthColour> colour,
            LocalDate today) {
        return new DueState(statusUpdateDueOn(latestNoteAt, zone, colour), today);
    }
}
