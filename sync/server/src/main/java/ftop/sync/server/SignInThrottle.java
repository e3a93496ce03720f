package ftop.sync.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing, per account and per client address. A few wrong passwords are
 * free (people mistype); after that each further one makes the next attempt wait longer
 * (doubling, up to {@link Policy#maxDelay}), and many in a row lock the key for
 * {@link Policy#lock}. An attempt that comes too early is refused before the password is even
 * hashed, so a guesser learns nothing and costs the server nothing.
 *
 * <p>No lock is permanent: it ends after {@link Policy#lock}, and wrong passwords are forgotten
 * after {@link Policy#forgetAfter} without one. So that an attacker cannot keep a real user locked
 * out by guessing their password, an address from which the account signed in successfully stays
 * exempt from that account's throttle (only its own address throttle applies to it). State is
 * kept in memory: a restart forgets it, which only ever favours the real user.
 */
final class SignInThrottle {

    /**
     * How hard to throttle.
     *
     * @param freeFailures  wrong passwords in a row that cost nothing
     * @param firstDelay    the wait after the first failure beyond the free ones; doubles with each further one
     * @param maxDelay      the longest such wait
     * @param lockAfter     wrong passwords in a row that lock the key
     * @param lock          how long a lock lasts
     * @param forgetAfter   a key without a failure for this long starts afresh
     */
    record Rule(int freeFailures, Duration firstDelay, Duration maxDelay, int lockAfter, Duration lock,
                Duration forgetAfter) {
        Rule {
            if (freeFailures < 0 || lockAfter <= freeFailures) {
                throw new IllegalArgumentException("lockAfter must exceed freeFailures");
            }
            Objects.requireNonNull(firstDelay, "firstDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(lock, "lock");
            Objects.requireNonNull(forgetAfter, "forgetAfter");
        }

        /** The wait before the next attempt after {@code failures} wrong passwords in a row. */
        Duration delayAfter(int failures) {
            if (failures >= lockAfter) {
                return lock;
            }
            if (failures <= freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - freeFailures - 1, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /**
     * The throttle of a server: one rule per account, one per client address (looser, since an
     * office may share one address).
     */
    record Policy(boolean enabled, Rule account, Rule address) {
        /** Five free tries per account, then 1 s, 2 s, ... 60 s; the 20th wrong password locks it for 15 minutes. */
        static final Policy DEFAULT = new Policy(true,
                new Rule(5, Duration.ofSeconds(1), Duration.ofMinutes(1), 20, Duration.ofMinutes(15), Duration.ofHours(1)),
                new Rule(20, Duration.ofSeconds(1), Duration.ofMinutes(1), 100, Duration.ofMinutes(15), Duration.ofHours(1)));
        /** No throttle at all (benchmarks compare against it). */
        static final Policy OFF = new Policy(false, DEFAULT.account(), DEFAULT.address());
    }

    /** Too early: the attempt is refused without checking the password. */
    record Refusal(Duration retryAfter, boolean locked) {
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private record Failures(int count, Instant last, Instant notBefore) {
    }

    private static final Logger LOG = LoggerFactory.getLogger("ftop.sync.server.SignIn");

    /** Attempts for one account checked at once (from addresses it never signed in from). */
    static final int MAX_PARALLEL = 2;
    /** Beyond this many keys, stale ones are swept before a new one is added. */
    private static final int SWEEP_ABOVE = 100_000;
    /** How long an address stays known to an account after its last successful sign-in. */
    private static final Duration KNOWN_FOR = Duration.ofDays(30);

    private final Policy policy;
    private final Clock clock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    /** Attempts per account being checked right now. */
    private final Map<String, Integer> checking = new ConcurrentHashMap<>();
    /** "account|address" pairs that signed in successfully: exempt from that account's throttle. */
    private final Map<String, Instant> knownAddresses = new ConcurrentHashMap<>();

    SignInThrottle(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Starts an attempt of {@code userName} from {@code address}: refused when it comes too early
     * after wrong passwords, or when {@link #MAX_PARALLEL} attempts for the account are already
     * being checked (a crowd of parallel guesses must not all slip through before the first is
     * counted). When it is let through, the caller reports {@link #failed} or {@link #succeeded}
     * and, in any case, {@link #end}.
     */
    Optional<Refusal> begin(String userName, String address) {
        if (!policy.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Refusal> refused = refusal(addresses.get(address), policy.address(), now);
        boolean known = isKnown(userName, address);
        if (refused.isEmpty() && !known) {
            refused = refusal(accounts.get(account(userName)), policy.account(), now);
        }
        if (refused.isPresent()) {
            return refused;
        }
        int parallel = checking.merge(account(userName), 1, Integer::sum);
        if (parallel > MAX_PARALLEL && !known) {
            end(userName, address);
            return Optional.of(new Refusal(Duration.ofSeconds(1), false));
        }
        return Optional.empty();
    }

    /** Records a wrong password (or unknown user) of an attempt {@link #begin} let through. */
    void failed(String userName, String address) {
        if (!policy.enabled()) {
            return;
        }
        Instant now = clock.instant();
        count(addresses, address, policy.address(), now);
        if (!isKnown(userName, address)) {
            count(accounts, account(userName), policy.account(), now);
        }
    }

    /** Records a right password: the account starts afresh and the address becomes known to it. */
    void succeeded(String userName, String address) {
        if (!policy.enabled()) {
            return;
        }
        accounts.remove(account(userName));
        if (knownAddresses.size() > SWEEP_ABOVE) {
            Instant stale = clock.instant().minus(KNOWN_FOR);
            knownAddresses.values().removeIf(at -> at.isBefore(stale));
        }
        knownAddresses.put(account(userName) + "|" + address, clock.instant());
    }

    /** Ends an attempt {@link #begin} let through, whatever came of it. */
    void end(String userName, String address) {
        if (policy.enabled()) {
            checking.computeIfPresent(account(userName), (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    private boolean isKnown(String userName, String address) {
        return knownAddresses.containsKey(account(userName) + "|" + address);
    }

    private static String account(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }

    private static Optional<Refusal> refusal(Failures failures, Rule rule, Instant now) {
        if (failures == null || !now.isBefore(failures.notBefore())) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(Duration.between(now, failures.notBefore()), failures.count() >= rule.lockAfter()));
    }

    private static void count(Map<String, Failures> map, String key, Rule rule, Instant now) {
        if (map.size() > SWEEP_ABOVE) {
            map.values().removeIf(f -> f.last().plus(rule.forgetAfter()).isBefore(now) && !now.isBefore(f.notBefore()));
        }
        map.compute(key, (k, old) -> {
            int count = old == null || old.last().plus(rule.forgetAfter()).isBefore(now) ? 1 : old.count() + 1;
            if (count == rule.lockAfter()) {
                LOG.warn("Sign-in locked for {} for {} min after {} wrong passwords in a row", SessionApi.loggable(key),
                        rule.lock().toMinutes(), count);
            }
            return new Failures(count, now, now.plus(rule.delayAfter(count)));
        });
    }
}
