package ftop.core.health;

import ftop.core.customer.Region;
import ftop.core.customer.Vertical;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The Customer Progress section of the health form, updated by the health FM/FTA as part of
 * the recurring activities.
 *
 * @param status              In Progress, Blocked Business, Blocked Technical or No Intent
 * @param expectedProgressDue when the customer is expected to reach its next progress milestone
 * @param expectedHealth      the overall colour the customer is expected to reach by then
 * @param nextReviewDate      the date of the next status review
 * @param previousReviewDate  the date of the prior review
 * @param cxpWatchlist        the current watchlist status
 * @param region              the region assigned for health activities
 * @param vertical            the best vertical for the customer all-up
 */
public record CustomerProgress(
        Optional<CustomerStatus> status,
        Optional<LocalDate> expectedProgressDue,
        Optional<HealthColour> expectedHealth,
        Optional<LocalDate> nextReviewDate,
        Optional<LocalDate> previousReviewDate,
        Optional<CxpWatchlist> cxpWatchlist,
        Optional<Region> region,
        Optional<Vertical> vertical) {

    public CustomerProgress {
        status = orEmpty(status);
        expectedProgressDue = orEmpty(expectedProgressDue);
        expectedHealth = orEmpty(expectedHealth);
        nextReviewDate = orEmpty(nextReviewDate);
        previousReviewDate = orEmpty(previousReviewDate);
        cxpWatchlist = orEmpty(cxpWatchlist);
        region = orEmpty(region);
        vertical = orEmpty(vertical);
    }

    /** A section with nothing filled in yet. */
    public static CustomerProgress empty() {
        return new CustomerProgress(null, null, null, null, null, null, null, null);
    }

    static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
