package ftop.core.validation;

import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import ftop.core.usage.WorkloadUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules for usage figures and forecasts: the customer exists; active, entitled and projected
 * figures are not negative; the measurement date is in range and not in the future; a forecast's
 * quarter lies within the date range and at most {@link Limits#FORECAST_QUARTERS_AHEAD} quarters
 * after the current one. More active than entitled is allowed: the feed reports it when a
 * customer over-deploys, and the health rules count it as full usage.
 */
final class UsageValidator {

    private UsageValidator() {
    }

    static List<Problem> validate(WorkloadUsage usage, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        FieldChecks.customerExists(problems, "tpid", usage.tpid(), context);
        if (usage.active() < 0) {
            problems.add(new Problem("active", usage.workload().label() + " active usage cannot be negative ("
                    + usage.active() + ")."));
        }
        if (usage.entitled() < 0) {
            problems.add(new Problem("entitled", usage.workload().label() + " entitled usage cannot be negative ("
                    + usage.entitled() + ")."));
        }
        if (FieldChecks.dateInRange(problems, "asOf", "Usage date", usage.asOf())) {
            FieldChecks.notInFuture(problems, "asOf", "Usage date", usage.asOf(), context.today());
        }
        return problems;
    }

    static List<Problem> validate(Forecast forecast, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        FieldChecks.customerExists(problems, "tpid", forecast.tpid(), context);
        if (forecast.projectedActive() < 0) {
            problems.add(new Problem("projectedActive", "Projected " + forecast.workload().label()
                    + " usage cannot be negative (" + forecast.projectedActive() + ")."));
        }
        Quarter earliest = Quarter.of(Limits.EARLIEST_DATE);
        Quarter latest = Quarter.of(context.today());
        for (int i = 0; i < Limits.FORECAST_QUARTERS_AHEAD; i++) {
            latest = latest.next();
        }
        if (Quarter.of(Limits.LATEST_DATE).compareTo(latest) < 0) {
            latest = Quarter.of(Limits.LATEST_DATE);
        }
        if (forecast.quarter().compareTo(earliest) < 0 || forecast.quarter().compareTo(latest) > 0) {
            problems.add(new Problem("quarter", "Quarter " + forecast.quarter() + " is out of range; forecast for "
                    + earliest + " to " + latest + "."));
        }
        return problems;
    }
}
