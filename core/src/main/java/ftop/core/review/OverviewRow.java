package ftop.core.review;

import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a meeting pack's overview table.
 *
 * @param tpid          the customer
 * @param customerName  the customer's name
 * @param overall       the overall colour; empty when not measured
 * @param group1        the colour of group 1; empty without usage data
 * @param group2        the colour of group 2; empty without usage data
 * @param group3        the colour of group 3; empty without usage data
 * @param status        the Customer Status; empty when not set
 * @param nextReview    when the next review is due; empty when no review date is known
 * @param reviewOverdue true when the next review was due before the meeting, or no date is known
 */
public record OverviewRow(
        long tpid,
        String customerName,
        Optional<HealthColour> overall,
        Optional<HealthColour> group1,
        Optional<HealthColour> group2,
        Optional<HealthColour> group3,
        Optional<CustomerStatus> status,
        Optional<LocalDate> nextReview,
        boolean reviewOverdue) {

    /** Every value is required; absent ones are empty optionals. */
    public OverviewRow {
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(group1, "group1");
        Objects.requireNonNull(group2, "group2");
        Objects.requireNonNull(group3, "group3");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextReview, "nextReview");
    }

    /** The row of {@code brief} in a meeting held on {@code meetingDate}. */
    public static OverviewRow of(CustomerBrief brief, LocalDate meetingDate) {
        return new OverviewRow(brief.tpid(), brief.customerName(), brief.overall(),
                brief.group(WorkloadGroup.GROUP_1), brief.group(WorkloadGroup.GROUP_2), brief.group(WorkloadGroup.GROUP_3),
                brief.status(), brief.nextReview(), brief.reviewOverdueOn(meetingDate));
    }

    /** The colour of {@code group}. */
    public Optional<HealthColour> group(WorkloadGroup group) {
        return switch (group) {
            case GROUP_1 -> group1;
            case GROUP_2 -> group2;
            case GROUP_3 -> group3;
        };
    }
}
