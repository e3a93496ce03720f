package ftop.core.health;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.change.EntityKind;
import ftop.core.change.FieldChange;
import ftop.core.usage.WorkloadUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a customer's usage-based health went month by month: for each month, the usage figures as
 * they stood at its end, judged by {@link HealthAssessment} (so the trend colours months exactly as
 * the Workload health card colours today). The last point is the current month, from the current
 * usage rows; the months before it are rebuilt from the field history of the customer's
 * {@code usage} rows. Months before the history starts, or in which the customer had no usage
 * data, have no point.
 *
 * @param points one per month with data, oldest first
 */
public record UsageTrend(List<Point> points) {

    /** Months a trend covers unless told otherwise: this month and the eleven before it. */
    public static final int DEFAULT_MONTHS = 12;

    public UsageTrend {
        points = List.copyOf(points);
    }

    /**
     * One month of the trend.
     *
     * @param month      the month
     * @param assessment the health of the usage as it stood at the month's end (for the current
     *                   month: now)
     */
    public record Point(YearMonth month, HealthAssessment assessment) {

        public Point {
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(assessment, "assessment");
        }

        /** Combined usage of every workload with data, as {@link HealthAssessment#overallPercent()}. */
        public OptionalInt overallPercent() {
            return assessment.overallPercent();
        }

        /** The overall colour, as {@link HealthAssessment#overall()}. */
        public Optional<HealthColour> overall() {
            return assessment.overall();
        }
    }

    /**
     * Rebuilds the trend of one customer.
     *
     * @param history   the customer's field history, in any order; entries of rows other than
     *                  usage are ignored
     * @param current   the customer's usage rows now; they make the point of {@code thisMonth}
     * @param rules     the rules to judge by
     * @param thisMonth the current month, the trend's last
     * @param zone      the zone whose calendar decides in which month a change falls
     * @param months    how many months the trend covers, this one included (at least 1)
     */
    public static UsageTrend of(List<FieldChange> history, List<WorkloadUsage> current, HealthRules rules,
            YearMonth thisMonth, ZoneId zone, int months) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(thisMonth, "thisMonth");
        Objects.requireNonNull(zone, "zone");
        if (months < 1) {
            throw new IllegalArgumentException("A trend covers at least one month, not " + months);
        }
        String usageKind = EntityKind.USAGE.wireName();
        List<FieldChange> changes = new ArrayList<>();
        for (FieldChange change : history) {
            if (change.kind().equals(usageKind)) {
                changes.add(change);
            }
        }
        // The time decides the month; the revision keeps changes made at the same instant in order.
        changes.sort(Comparator.comparing(FieldChange::at).thenComparingLong(FieldChange::revision));

        YearMonth first = thisMonth.minusMonths(months - 1L);
        List<Point> points = new ArrayList<>();
        Map<String, Figures> rows = new HashMap<>();
        int next = 0;
        if (!changes.isEmpty()) {
            YearMonth historyStarts = YearMonth.from(changes.get(0).at().atZone(zone));
            YearMonth month = historyStarts.isAfter(first) ? historyStarts : first;
            for (; month.isBefore(thisMonth); month = month.plusMonths(1)) {
                YearMonth end = month;
                while (next < changes.size() && !YearMonth.from(changes.get(next).at().atZone(zone)).isAfter(end)) {
                    apply(rows, changes.get(next++));
                }
                List<WorkloadUsage> usage = usage(rows);
                if (!usage.isEmpty()) {
                    points.add(new Point(month, HealthAssessment.of(usage, rules)));
                }
            }
        }
        List<WorkloadUsage> now = current;
        if (now.isEmpty()) {
            // No current rows (yet): the history up to now is the best there is.
            while (next < changes.size()) {
                apply(rows, changes.get(next++));
            }
            now = usage(rows);
        }
        if (!now.isEmpty()) {
            points.add(new Point(thisMonth, HealthAssessment.of(now, rules)));
        }
        return new UsageTrend(points);
    }

    /**
     * The usage rows as the usage entries of {@code history} rebuild them just before {@code until}:
     * every entry made earlier is applied, in time and revision order. Empty when the history holds no
     * usage entry from before then.
     */
    public static List<WorkloadUsage> usageBefore(List<FieldChange> history, Instant until) {
        Objects.requireNonNull(until, "until");
        String usageKind = EntityKind.USAGE.wireName();
        List<FieldChange> changes = new ArrayList<>();
        for (FieldChange change : history) {
            if (change.kind().equals(usageKind) && change.at().isBefore(until)) {
                changes.add(change);
            }
        }
        changes.sort(Comparator.comparing(FieldChange::at).thenComparingLong(FieldChange::revision));
        Map<String, Figures> rows = new HashMap<>();
        for (FieldChange change : changes) {
            apply(rows, change);
        }
        return usage(rows);
    }

    /** True when there is more than the current month to show. */
    public boolean hasHistory() {
        return points.size() > 1;
    }

    /** A usage row's figures as the history has built them so far. */
    private static final class Figures {
        Workload workload;
        Long tpid;
        Long active;
        Long entitled;
        LocalDate asOf;

        Optional<WorkloadUsage> toUsage(LocalDate fallbackDate) {
            if (workload == null || tpid == null || active == null || entitled == null) {
                return Optional.empty();
            }
            return Optional.of(new WorkloadUsage(tpid, workload, active, entitled,
                    asOf == null ? fallbackDate : asOf));
        }
    }

    private static void apply(Map<String, Figures> rows, FieldChange change) {
        if (change.field().isEmpty()) {
            if (change.deletesRow()) {
                rows.remove(change.entityId());
            }
            return;
        }
        Figures figures = rows.computeIfAbsent(change.entityId(), id -> {
            Figures f = new Figures();
            f.workload = workloadOf(id);
            f.tpid = tpidOf(id);
            return f;
        });
        JsonNode to = change.to();
        switch (change.field()) {
            case "active" -> figures.active = to.canConvertToLong() ? to.asLong() : null;
            case "entitled" -> figures.entitled = to.canConvertToLong() ? to.asLong() : null;
            case "asOf" -> figures.asOf = date(to);
            case "workload" -> {
                Workload named = workload(to.asText());
                if (named != null) {
                    figures.workload = named;
                }
            }
            default -> {
                // Fields a later version may add do not move the figures.
            }
        }
    }

    private static List<WorkloadUsage> usage(Map<String, Figures> rows) {
        List<WorkloadUsage> out = new ArrayList<>(rows.size());
        for (Figures figures : rows.values()) {
            figures.toUsage(LocalDate.EPOCH).ifPresent(out::add);
        }
        return out;
    }

    /** Usage row ids are {@code tpid:WORKLOAD}. */
    private static Workload workloadOf(String entityId) {
        int colon = entityId.lastIndexOf(':');
        return colon < 0 ? null : workload(entityId.substring(colon + 1));
    }

    private static Long tpidOf(String entityId) {
        int colon = entityId.indexOf(':');
        try {
            return colon < 0 ? null : Long.valueOf(entityId.substring(0, colon));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Workload workload(String name) {
        for (Workload w : Workload.values()) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        return null;
    }

    private static LocalDate date(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
