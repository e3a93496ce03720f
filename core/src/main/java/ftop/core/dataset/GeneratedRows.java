package ftop.core.dataset;

import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.ReviewCadence;
import ftop.core.health.Thresholds;
import ftop.core.health.Workload;
import ftop.core.health.WorkloadGroup;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import ftop.core.usage.WorkloadUsage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The shapes the demo and the scale sets share: usage that lands on a chosen health colour under
 * the rules, review dates that land on a chosen review state, forecasts, and random-looking but
 * reproducible ids. Everything takes its randomness from the caller, so a seed decides all.
 */
final class GeneratedRows {

    /** Where a customer's review stands relative to today. */
    enum ReviewState {
        /** The Next Review Date has passed. */
        OVERDUE,
        /** The review is due within a week. */
        DUE_SOON,
        /** The review is a week or more away. */
        ON_TRACK
    }

    /** Seats of a workload per licensed user: devices for Windows 10 and ProPlus, users otherwise. */
    private static final Map<Workload, Double> ENTITLEMENT = new EnumMap<>(Map.of(
            Workload.EXCHANGE, 1.0,
            Workload.ODSP, 1.0,
            Workload.WINDOWS_10, 0.8,
            Workload.OFFICE_PROPLUS, 0.9,
            Workload.AADP, 0.7,
            Workload.INTUNE, 0.6));

    private final HealthRules rules;
    private final ReviewCadence cadence;
    private final LocalDate today;

    GeneratedRows(HealthRules rules, LocalDate today) {
        this.rules = rules;
        this.cadence = new ReviewCadence(rules);
        this.today = today;
    }

    LocalDate today() {
        return today;
    }

    /** A version 4 UUID drawn from {@code random}, so that ids repeat for the same seed. */
    static UUID uuid(SplittableRandom random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Picks one of {@code values}. */
    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Picks one of {@code values}. */
    @SafeVarargs
    static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * Splits {@code total} into {@code buckets} counts of at least {@code min} each, summing exactly to
     * {@code total}, skewed so that some customers have many more rows than others, as real ones do.
     */
    static int[] distribute(int total, int buckets, int min, SplittableRandom random) {
        int[] counts = new int[buckets];
        int remaining = total - buckets * min;
        if (remaining < 0) {
            throw new IllegalArgumentException(total + " rows cannot give " + buckets + " customers " + min + " each");
        }
        double[] weights = new double[buckets];
        double sum = 0;
        for (int i = 0; i < buckets; i++) {
            double r = random.nextDouble();
            weights[i] = 0.3 + 2 * r * r;
            sum += weights[i];
        }
        int given = 0;
        for (int i = 0; i < buckets; i++) {
            int extra = (int) Math.floor(remaining * weights[i] / sum);
            counts[i] = min + extra;
            given += extra;
        }
        for (int left = remaining - given; left > 0; left--) {
            counts[random.nextInt(buckets)]++;
        }
        return counts;
    }

    /** The date the usage feed last measured: the most recent Sunday, today included. */
    LocalDate usageDate() {
        return today.minusDays(today.getDayOfWeek().getValue() % DayOfWeek.SUNDAY.getValue());
    }

    /**
     * Usage of every workload for a customer with {@code licensedUsers} users whose overall colour
     * is {@code overall}: two groups are held exactly at that colour and the third is
     * {@code thirdGroup}, which cannot change the overall colour because the rules need two groups to
     * reach a colour.
     */
    List<WorkloadUsage> usage(long tpid, long licensedUsers, HealthColour overall, HealthColour thirdGroup,
            WorkloadGroup odd, SplittableRandom random) {
        List<WorkloadUsage> rows = new ArrayList<>(Workload.values().length);
        LocalDate asOf = usageDate();
        for (Workload workload : Workload.values()) {
            HealthColour colour = workload.group() == odd ? thirdGroup : overall;
            long entitled = Math.max(50, Math.round(licensedUsers * ENTITLEMENT.get(workload)));
            rows.add(new WorkloadUsage(tpid, workload, activeFor(workload, colour, entitled, random), entitled, asOf));
        }
        return rows;
    }

    /** Active seats out of {@code entitled} that the rules colour {@code colour}, somewhere inside its band. */
    private long activeFor(Workload workload, HealthColour colour, long entitled, SplittableRandom random) {
        Thresholds t = rules.thresholds(workload);
        double low = colour == HealthColour.RED ? 0.02 : t.from(colour);
        double high = switch (colour) {
            case RED -> t.yellow();
            case YELLOW -> t.green();
            case GREEN -> t.blue();
            case BLUE -> 1.0;
        };
        double ratio = low + (high - low) * (0.1 + 0.8 * random.nextDouble());
        long active = Math.round(ratio * entitled);
        // Rounding can step over a band's edge on small entitlements: walk back inside it.
        while (active < entitled && t.colourOf((double) active / entitled).compareTo(colour) < 0) {
            active++;
        }
        while (active > 0 && t.colourOf((double) active / entitled).compareTo(colour) > 0) {
            active--;
        }
        return active;
    }

    /**
     * Projected active usage for the current quarter and the three after it: each quarter a step
     * from today's usage towards full use of what is entitled.
     */
    List<Forecast> forecasts(List<WorkloadUsage> usage, SplittableRandom random) {
        List<Forecast> rows = new ArrayList<>(usage.size() * 4);
        Quarter first = Quarter.of(today);
        for (WorkloadUsage row : usage) {
            double step = 0.05 + 0.2 * random.nextDouble();
            double projected = row.active();
            Quarter quarter = first;
            for (int i = 0; i < 4; i++) {
                projected += (row.entitled() - projected) * step;
                rows.add(new Forecast(row.tpid(), row.workload(), quarter, Math.round(projected)));
                quarter = quarter.next();
            }
        }
        return rows;
    }

    /** The time between reviews of a customer of {@code colour}. */
    Period interval(HealthColour colour) {
        return cadence.interval(Optional.of(colour));
    }

    /** The Previous and Next Review Dates of a customer. */
    record ReviewDates(LocalDate previous, LocalDate next) {
    }

    /**
     * Previous and Next Review Dates that put a customer of {@code colour} in {@code state} today.
     * The previous review always lies in the past and the next one follows it by the cadence.
     * Draws the same amount of randomness whatever the day, so ids made after it do not depend on it.
     */
    ReviewDates reviewDates(HealthColour colour, ReviewState state, SplittableRandom random) {
        Period interval = interval(colour);
        long days = ChronoUnit.DAYS.between(today, today.plus(interval));
        LocalDate next = switch (state) {
            case OVERDUE -> today.minusDays(1 + random.nextInt(21));
            case DUE_SOON -> today.plusDays(random.nextInt(7));
            case ON_TRACK -> today.plusDays(7 + random.nextInt((int) Math.max(1, days - 7)));
        };
        LocalDate previous = next.minus(interval);
        if (previous.isAfter(today)) {
            previous = today;
        }
        return new ReviewDates(previous, next);
    }
}
