package ftop.sync.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Exponential back-off with full jitter for retries while the server is unreachable or failing:
 * the n-th retry waits a random time between half and all of {@code min(max, base * 2^n)}. The
 * jitter keeps a few hundred clients that lost the server together from all coming back in the
 * same second. A server's {@code Retry-After} is honoured within the same bounds ({@link
 * #nextDelay(Duration)}).
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final Random random;
    private int failures;

    /**
     * @param base   the ceiling of the first wait
     * @param max    the ceiling that waits never exceed
     * @param random source of the jitter (a seeded one makes tests repeatable)
     */
    public Backoff(Duration base, Duration max, Random random) {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be positive: " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("max " + max + " is shorter than base " + base);
        }
        this.base = base;
        this.max = max;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Records one more failure and returns how long to wait before the next attempt. */
    public synchronized Duration nextDelay() {
        long ceiling = ceilingMillis(failures);
        failures = Math.min(failures + 1, 62);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half + 1)));
    }

    /**
     * Records one more failure and returns how long to wait when the server said when to come back
     * ({@code Retry-After}): the back-off, but not sooner than {@code notBefore}; what the server
     * asked is spread by up to a quarter more, so that the clients it told the same do not all come
     * back in the same second. Never longer than the max: a server asking for an hour gets the max.
     */
    public synchronized Duration nextDelay(Duration notBefore) {
        Duration backedOff = nextDelay();
        long asked = Math.min(notBefore.toMillis(), max.toMillis());
        if (asked <= 0) {
            return backedOff;
        }
        long spread = asked + (long) (random.nextDouble() * (asked / 4 + 1));
        return Duration.ofMillis(Math.min(max.toMillis(), Math.max(backedOff.toMillis(), spread)));
    }

    /** Forgets earlier failures after a success. */
    public synchronized void reset() {
        failures = 0;
    }

    /** Failures since the last success. */
    public synchronized int failures() {
        return failures;
    }

    private long ceilingMillis(int attempt) {
        long baseMillis = base.toMillis();
        long maxMillis = max.toMillis();
        // Shift with an overflow guard: past the max the exact power no longer matters.
        if (attempt >= 62 || baseMillis > (maxMillis >> Math.min(attempt, 62))) {
            return maxMillis;
        }
        return Math.min(maxMillis, baseMillis << attempt);
    }
}
