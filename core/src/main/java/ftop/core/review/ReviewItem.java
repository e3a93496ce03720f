package ftop.core.review;

import ftop.core.customer.Customer;
import ftop.core.health.DueState;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer in the {@link ReviewQueue}: why it is there, in words, and what the order is based on.
 *
 * @param customer     the customer
 * @param assessment   its usage-based health today
 * @param review       where its health review stands
 * @param status       where its Enterprise Status update stands
 * @param lastStatusOn the day the latest Enterprise Status note was written; empty when there is none
 * @param reasons      why the customer needs attention, one sentence each, most pressing first
 */
public record ReviewItem(
        Customer customer,
        HealthAssessment assessment,
        DueState review,
        DueState status,
        Optional<LocalDate> lastStatusOn,
        List<String> reasons) {

    /** Every value is required; the reasons are copied. */
    public ReviewItem {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastStatusOn, "lastStatusOn");
        reasons = List.copyOf(reasons);
    }

    /** The customer's TPID. */
    public long tpid() {
        return customer.tpid();
    }

    /** The overall colour, empty when it cannot be judged from usage. */
    public Optional<HealthColour> overall() {
        return assessment.overall();
    }

    /** True when the review date has passed or no review date is known. */
    public boolean reviewOverdue() {
        return review.overdue();
    }

    /** True when the Enterprise Status update is overdue, or no status has ever been written. */
    public boolean statusStale() {
        return status.overdue();
    }

    /** The reasons as one line, e.g. for a table cell. */
    public String reason() {
        return String.join(" ", reasons);
    }
}
