package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysGrowExponentiallyWithinHalfToFullOfTheCeiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(7));
        long[] ceilings = {1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000};
        for (long ceiling : ceilings) {
            long delay = backoff.nextDelay().toMillis();
            assertThat(delay).isBetween(ceiling / 2, ceiling);
        }
        assertThat(backoff.failures()).isEqualTo(ceilings.length);
    }

    @Test
    void manyFailuresNeverOverflowPastTheMax() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(10), new Random(1));
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.nextDelay()).isLessThanOrEqualTo(Duration.ofMinutes(10)).isPositive();
        }
    }

    @Test
    void resetStartsAgainFromTheBase() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(3));
        for (int i = 0; i < 6; i++) {
            backoff.nextDelay();
        }
        backoff.reset();
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.nextDelay().toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void jitterSpreadsClientsThatFailedTogether() {
        // Seeds are decorrelated like the self-seeded Randoms of real clients; java.util.Random with
        // consecutive seeds gives nearly equal first values.
        Set<Long> firstDelays = new HashSet<>();
        for (int client = 0; client < 20; client++) {
            Backoff backoff = new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(5),
                    new Random(new SplittableRandom(client).nextLong()));
            firstDelays.add(backoff.nextDelay().toMillis());
        }
        assertThat(firstDelays).hasSizeGreaterThan(15);
    }

    @Test
    void aRetryAfterIsWaitedAtLeastSpreadByAQuarterAndCappedAtTheMax() {
        for (int seed = 0; seed < 50; seed++) {
            Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(seed));
            assertThat(backoff.nextDelay(Duration.ofSeconds(120)).toMillis()).isBetween(120_000L, 150_000L);
            // Asked less than the back-off: the back-off (ceiling 4 s, the second failure) still holds.
            assertThat(backoff.nextDelay(Duration.ofMillis(10)).toMillis()).isBetween(2_000L, 4_000L);
            // Asked for an hour: the longest wait there is.
            assertThat(backoff.nextDelay(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(5));
            assertThat(backoff.failures()).isEqualTo(3);
        }
    }

    @Test
    void refusesNonsenseBounds() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
    }
}
