package ftop.core.health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a recurring activity (a health review, an Enterprise Status update) stands on a given day.
 *
 * @param dueOn the date it is due; empty when it has never been done and no date is set, which
 *              counts as overdue
 * @param today the day it is judged on
 */
public record DueState(Optional<LocalDate> dueOn, LocalDate today) {

    public DueState {
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(today, "today");
    }

    /** True once the due date has passed, or when there is no due date at all. */
    public boolean overdue() {
        return dueOn.map(today::isAfter).orElse(true);
    }

    /** Days since the due date: 0 when not overdue; empty when there is no due date. */
    public OptionalLong daysOverdue() {
        return dueOn.map(due -> OptionalLong.of(Math.max(0, ChronoUnit.DAYS.between(due, today))))
                .orElse(OptionalLong.empty());
    }

    /** Days left until the due date: 0 on the due date and after it; empty when there is no due date. */
    public OptionalLong daysRemaining() {
        return dueOn.map(due -> OptionalLong.of(Math.max(0, ChronoUnit.DAYS.between(today, due))))
                .orElse(OptionalLong.empty());
    }
}
