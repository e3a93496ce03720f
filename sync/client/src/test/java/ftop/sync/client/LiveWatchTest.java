package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's wait for the server's changes, planned on virtual time: the wait itself blocks a
 * thread of its own until the test hands it an outcome, which comes back to the engine's planning.
 */
class LiveWatchTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final VirtualScheduler scheduler = new VirtualScheduler(T0);
    private final LiveTarget target = new LiveTarget(scheduler.clock());
    private SyncEngine engine;

    @AfterEach
    void stop() {
        target.outcomes.add(Optional.of(LiveOutcome.QUIET));
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void somethingNewOnTheServerIsPulledAtOnceAndTheWaitResumes() {
        start();
        assertThat(target.syncs).containsExactly(T0);

        answer(LiveOutcome.QUIET);
        answer(LiveOutcome.CHANGED);

        assertThat(target.syncs).containsExactly(T0, T0);
        await().atMost(PATIENCE).until(() -> target.waits.get() == 3);
        assertThat(scheduler.nextPlanned()).as("the interval sync is still planned").contains(INTERVAL);
    }

    @Test
    void aServerThatDoesNotWaitIsPolledAtTheIntervalAndAskedAgainAfterIt() {
        start();

        answer(LiveOutcome.UNSUPPORTED);
        assertThat(target.waits.get()).isEqualTo(1);

        scheduler.advance(INTERVAL.minusSeconds(1));
        assertThat(target.waits.get()).as("no new wait before the interval").isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(target.syncs).containsExactly(T0, T0.plus(INTERVAL));
        await().atMost(PATIENCE).until(() -> target.waits.get() == 2);
    }

    @Test
    void aFailedWaitIsTriedAgainAfterABackOff() {
        start();

        fail(new SyncException(SyncFailure.UNREACHABLE, "The proxy cut the request"));
        Duration first = scheduler.nextPlanned().orElseThrow();
        assertThat(first).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        scheduler.advance(first);
        await().atMost(PATIENCE).until(() -> target.waits.get() == 2);

        fail(new SyncException(SyncFailure.UNREACHABLE, "The proxy cut the request again"));
        assertThat(scheduler.nextPlanned().orElseThrow()).as("growing").isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(target.syncs).as("the failures of the wait are not the sync's").containsExactly(T0);
    }

    @Test
    void aTargetThatCannotWaitNeverStartsOne() {
        target.canWait = false;
        start();
        scheduler.advance(INTERVAL);

        assertThat(target.waits.get()).isZero();
        assertThat(target.syncs).containsExactly(T0, T0.plus(INTERVAL));
    }

    private void start() {
        engine = new SyncEngine(target, new SyncEngine.Options(INTERVAL, Duration.ofMillis(150), Duration.ofSeconds(2),
                Duration.ofMillis(100), Duration.ofSeconds(10)), new Random(3), scheduler, scheduler.clock());
        engine.start();
        scheduler.runDue();
    }

    /** Lets the open wait end with {@code outcome}, and runs what the engine plans from it. */
    private void answer(LiveOutcome outcome) {
        handOver(Optional.of(outcome));
    }

    private void fail(SyncException failure) {
        target.failure = failure;
        handOver(Optional.empty());
    }

    private void handOver(Optional<LiveOutcome> outcome) {
        int before = target.answered.get();
        await().atMost(PATIENCE).until(() -> target.waiting.get() == 1);
        target.outcomes.add(outcome);
        await().atMost(PATIENCE).until(() -> target.answered.get() == before + 1
                && scheduler.nextPlanned().filter(Duration.ZERO::equals).isPresent());
        scheduler.runDue();
    }

    /** A target whose waits block until the test hands them an outcome (empty: fail). */
    private static final class LiveTarget implements SyncTarget {
        final Clock clock;
        final List<Instant> syncs = new CopyOnWriteArrayList<>();
        final BlockingQueue<Optional<LiveOutcome>> outcomes = new LinkedBlockingQueue<>();
        final AtomicInteger waits = new AtomicInteger();
        final AtomicInteger waiting = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
        volatile SyncException failure;
        volatile boolean canWait = true;

        LiveTarget(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean canAwaitChanges() {
            return canWait;
        }

        @Override
        public LiveOutcome awaitChanges(Duration wait) throws SyncException {
            waits.incrementAndGet();
            waiting.incrementAndGet();
            try {
                Optional<LiveOutcome> outcome = outcomes.take();
                if (outcome.isEmpty()) {
                    throw failure;
                }
                return outcome.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncException(SyncFailure.UNREACHABLE, "interrupted");
            } finally {
                waiting.decrementAndGet();
                answered.incrementAndGet();
            }
        }

        @Override
        public void sync(DoubleConsumer progress) {
            syncs.add(clock.instant());
        }

        @Override
        public int pendingCount() {
            return 0;
        }

        @Override
        public int problemCount() {
            return 0;
        }

        @Override
        public Optional<Instant> lastSuccess() {
            return syncs.isEmpty() ? Optional.empty() : Optional.of(syncs.get(syncs.size() - 1));
        }

        @Override
        public boolean firstSync() {
            return syncs.isEmpty();
        }

        @Override
        public void onLocalEdit(Runnable onEdit) {
        }
    }
}
