package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's planning on virtual time: every sync runs when the test moves the time to it, so
 * the waits are asserted exactly and nothing sleeps.
 */
class SyncEngineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final VirtualScheduler scheduler = new VirtualScheduler(T0);
    private final ScriptedTarget target = new ScriptedTarget(scheduler.clock());
    private final List<SyncStatus> statuses = new CopyOnWriteArrayList<>();
    private SyncEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void syncsAtStartAndReportsOnline() {
        target.pending.set(2);
        target.problems.set(1);
        start(options(Duration.ofHours(1)));

        assertThat(target.calls).containsExactly(T0);
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(engine.status().lastSuccess()).contains(T0);
        assertThat(engine.status().pendingCount()).isEqualTo(2);
        assertThat(engine.status().problemCount()).isEqualTo(1);
        assertThat(statuses).extracting(SyncStatus::state).containsSubsequence(SyncState.SYNCING, SyncState.ONLINE);
        assertThat(scheduler.nextPlanned()).contains(Duration.ofHours(1));
    }

    @Test
    void theWorkAfterASyncRunsOnlyAfterASuccessOnceItIsReported() {
        target.failures.add(new SyncException(SyncFailure.UNREACHABLE, "down"));
        start(options(Duration.ofMinutes(5)));
        assertThat(target.afterSyncs).isEmpty();

        scheduler.advance(scheduler.nextPlanned().orElseThrow());

        assertThat(target.calls).hasSize(2);
        assertThat(target.afterSyncs).containsExactly(SyncState.ONLINE);
    }

    @Test
    void syncsAgainEveryInterval() {
        start(options(Duration.ofMinutes(5)));

        scheduler.advance(Duration.ofMinutes(5));
        scheduler.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(target.calls).containsExactly(T0, T0.plus(Duration.ofMinutes(5)));
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(target.calls).containsExactly(T0, T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(10)));
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
    }

    @Test
    void aBurstOfEditsIsPushedOnceAfterTheQuietTime() {
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(300), Duration.ofSeconds(5),
                Duration.ofMillis(50), Duration.ofSeconds(1)));

        Instant lastEdit = null;
        for (int i = 0; i < 5; i++) {
            target.pending.incrementAndGet();
            lastEdit = edit();
            scheduler.advance(Duration.ofMillis(50));
        }
        assertThat(target.calls).hasSize(1);
        assertThat(engine.status().pendingCount()).as("counted at each edit").isEqualTo(5);
        scheduler.advance(Duration.ofSeconds(30));

        assertThat(target.calls).containsExactly(T0, lastEdit.plusMillis(300));
    }

    @Test
    void endlessEditsCannotHoldThePushBackBeyondTheMaximum() {
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(200), Duration.ofMillis(500),
                Duration.ofMillis(50), Duration.ofSeconds(1)));

        Instant firstEdit = edit();
        for (int i = 0; i < 20; i++) {
            scheduler.advance(Duration.ofMillis(100));
            edit();
        }

        assertThat(target.calls.get(1)).isEqualTo(firstEdit.plusMillis(500));
    }

    @Test
    void unreachableServerIsRetriedWithGrowingWaitsAndOnlineAgainAfterwards() {
        for (int i = 0; i < 4; i++) {
            target.failures.add(new SyncException(SyncFailure.UNREACHABLE, "down"));
        }
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMillis(40), Duration.ofSeconds(2)));
        assertThat(engine.status().state()).isEqualTo(SyncState.OFFLINE);
        assertThat(engine.status().failure()).contains(SyncFailure.UNREACHABLE);

        List<Duration> waits = new ArrayList<>();
        while (engine.status().state() != SyncState.ONLINE) {
            waits.add(scheduler.runNext());
        }

        // Ceilings 40, 80, 160, 320 ms: each wait is between half its ceiling and the ceiling.
        assertThat(waits).hasSize(4);
        for (int i = 0; i < 4; i++) {
            long ceiling = 40L << i;
            assertThat(waits.get(i).toMillis()).as("wait " + i).isBetween(ceiling / 2, ceiling);
        }
        assertThat(target.calls).hasSize(5);
        assertThat(engine.status().failure()).isEmpty();
        assertThat(scheduler.nextPlanned()).as("back to the interval").contains(Duration.ofHours(1));
    }

    @Test
    void loginNeededWaitsForTheUserInsteadOfRetrying() {
        target.failures.add(new SyncException(SyncFailure.LOGIN_NEEDED, "Your session has expired"));
        start(new SyncEngine.Options(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(20), Duration.ofMillis(50)));
        assertThat(engine.status().state()).isEqualTo(SyncState.FAILING);
        assertThat(engine.status().message()).contains("Your session has expired");
        assertThat(scheduler.nextPlanned()).as("nothing planned until the user signs in").isEmpty();

        edit();
        scheduler.advance(Duration.ofHours(1));
        assertThat(target.calls).hasSize(1);
        assertThat(engine.status().state()).isEqualTo(SyncState.FAILING);

        engine.syncNow();
        scheduler.runDue();
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(target.calls).hasSize(2);
    }

    @Test
    void aResyncIsStartedAtOnceAndSaysSoUntilItCompletes() {
        String words = "The server's data was reset; the workspace is being synced again. Your 2 unsynced edits are kept.";
        target.pending.set(2);
        target.failures.add(new SyncException(SyncFailure.RESYNCING, 409, SyncException.RESYNC, words, null));
        // A back-off of an hour would hold the fresh sync back for as long, were it used.
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofHours(1)));

        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(target.calls).containsExactly(T0, T0);
        assertThat(statuses).anySatisfy(s -> {
            assertThat(s.state()).isEqualTo(SyncState.SYNCING);
            assertThat(s.message()).contains(words);
            assertThat(s.pendingCount()).isEqualTo(2);
        });
        assertThat(engine.status().message()).isEmpty();
    }

    @Test
    void syncNowCutsTheBackOffShort() {
        target.failures.add(new SyncException(SyncFailure.SERVER_ERROR, "HTTP 500"));
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMinutes(10), Duration.ofMinutes(10)));
        assertThat(engine.status().state()).isEqualTo(SyncState.FAILING);
        assertThat(scheduler.nextPlanned()).hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofMinutes(4)));

        engine.syncNow();
        scheduler.runDue();

        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(target.calls).containsExactly(T0, T0);
    }

    @Test
    void aBusyServersRetryAfterIsWaitedWithinTheBackOffsCeiling() {
        target.failures.add(busy(Duration.ofSeconds(30)));
        target.failures.add(busy(Duration.ofHours(1)));
        target.failures.add(busy(Duration.ofMillis(1)));
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofSeconds(2), Duration.ofMinutes(5)));
        assertThat(engine.status().message()).hasValueSatisfying(m -> assertThat(m).contains("tried again in"));

        // Asked 30 s where the back-off says 1 to 2 s: 30 s at least, spread by up to a quarter.
        Duration first = scheduler.runNext();
        assertThat(first.toMillis()).isBetween(30_000L, 37_500L);
        // Asked an hour: capped at the back-off's ceiling of 5 minutes.
        assertThat(scheduler.runNext()).isEqualTo(Duration.ofMinutes(5));
        // Asked a millisecond where the third back-off is 4 to 8 s: the back-off holds.
        assertThat(scheduler.runNext().toMillis()).isBetween(4_000L, 8_000L);
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(target.calls).hasSize(4);
    }

    @Test
    void firstSyncPublishesProgress() {
        target.first = true;
        start(options(Duration.ofHours(1)));

        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(statuses).extracting(SyncStatus::firstSyncProgress)
                .contains(Optional.of(0.0), Optional.of(0.5), Optional.of(1.0));
        assertThat(engine.status().firstSyncProgress()).isEmpty();
    }

    @Test
    void failingListenersDoNotStopTheEngine() {
        engine = new SyncEngine(target, options(Duration.ofMinutes(1)), new Random(1), scheduler, scheduler.clock());
        engine.addListener(s -> {
            throw new IllegalStateException("listener bug");
        });
        engine.addListener(s -> {
            throw new StackOverflowError();
        });
        engine.start();
        scheduler.advance(Duration.ofMinutes(2));

        assertThat(target.calls).hasSize(3);
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
    }

    @Test
    void aBugInTheTargetIsReportedAndRetried() {
        target.crashes.add(new IllegalStateException("store exploded"));
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(30), Duration.ofMillis(60)));

        assertThat(engine.status().state()).isEqualTo(SyncState.FAILING);
        assertThat(engine.status().message()).contains("Sync failed: store exploded. Your changes are kept and sync will try again.");
        assertThat(scheduler.nextPlanned()).hasValueSatisfying(wait -> assertThat(wait.toMillis()).isBetween(15L, 30L));

        scheduler.runNext();
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
    }

    @Test
    void anErrorInsideASyncIsReportedAndTheEngineGoesOn() {
        target.pending.set(3);
        target.crashes.add(new OutOfMemoryError("Java heap space"));
        target.crashes.add(new StackOverflowError());
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofSeconds(2), Duration.ofMinutes(5)));

        assertThat(engine.status().state()).isEqualTo(SyncState.FAILING);
        assertThat(engine.status().message()).hasValueSatisfying(m -> assertThat(m).contains("this app ran out of memory while syncing. Your changes are kept"));
        assertThat(engine.status().pendingCount()).isEqualTo(3);
        assertThat(scheduler.nextPlanned()).hasValueSatisfying(wait -> assertThat(wait.toMillis()).isBetween(1000L, 2000L));

        scheduler.runNext();
        assertThat(engine.status().state()).isEqualTo(SyncState.FAILING);
        assertThat(engine.status().message()).hasValueSatisfying(m -> assertThat(m).startsWith("Sync failed: StackOverflowError."));
        assertThat(scheduler.nextPlanned()).hasValueSatisfying(wait -> assertThat(wait.toMillis()).isBetween(2000L, 4000L));

        scheduler.runNext();
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(target.calls).hasSize(3);
    }

    @Test
    void anErrorFromTheWorkspaceWhileReportingAFailureIsSurvivedToo() {
        target.crashes.add(new OutOfMemoryError("Java heap space"));
        target.countCrash = new StackOverflowError();
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofSeconds(2), Duration.ofMinutes(5)));

        assertThat(engine.status().state()).isEqualTo(SyncState.FAILING);
        assertThat(scheduler.nextPlanned()).isPresent();
        target.countCrash = null;
        scheduler.runNext();
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
    }

    @Test
    void afterCloseNothingRunsAnyMore() {
        start(options(Duration.ofMinutes(1)));

        engine.close();
        engine.start();
        engine.syncNow();
        edit();
        scheduler.advance(Duration.ofHours(1));

        assertThat(scheduler.closed()).isTrue();
        assertThat(target.calls).containsExactly(T0);
    }

    private static SyncEngine.Options options(Duration interval) {
        return new SyncEngine.Options(interval, Duration.ofMillis(100), Duration.ofMillis(500),
                Duration.ofMillis(50), Duration.ofSeconds(1));
    }

    private static SyncException busy(Duration retryAfter) {
        return new SyncException(SyncFailure.SERVER_ERROR, 503, "busy",
                "The server could not fetch changes (HTTP 503): busy. It asks to be tried again in " + retryAfter, retryAfter,
                null);
    }

    /** Starts an engine on the virtual time and runs what is due at once: the first sync. */
    private void start(SyncEngine.Options options) {
        engine = new SyncEngine(target, options, new Random(42), scheduler, scheduler.clock());
        target.engine = engine;
        engine.addListener(statuses::add);
        engine.start();
        scheduler.runDue();
    }

    /** A local edit now, as the store would tell of it; returns when it was made. */
    private Instant edit() {
        target.edit();
        scheduler.runDue();
        return scheduler.now();
    }

    /** A target whose syncs fail as scripted and record when they ran. */
    private static final class ScriptedTarget implements SyncTarget {
        final Clock clock;
        final List<Instant> calls = new CopyOnWriteArrayList<>();
        final Queue<SyncException> failures = new ConcurrentLinkedQueue<>();
        final Queue<Throwable> crashes = new ConcurrentLinkedQueue<>();
        final AtomicInteger pending = new AtomicInteger();
        final AtomicInteger problems = new AtomicInteger();
        final List<Runnable> editListeners = new CopyOnWriteArrayList<>();
        /** The engine's status each time it ran the work that follows a successful sync. */
        final List<SyncState> afterSyncs = new CopyOnWriteArrayList<>();
        volatile SyncEngine engine;
        volatile Instant lastSuccess;
        volatile boolean first;
        volatile Error countCrash;

        ScriptedTarget(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void sync(DoubleConsumer progress) throws SyncException {
            calls.add(clock.instant());
            Throwable crash = crashes.poll();
            if (crash instanceof RuntimeException e) {
                throw e;
            }
            if (crash instanceof Error e) {
                throw e;
            }
            SyncException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            if (first) {
                progress.accept(0.5);
                progress.accept(1.0);
                first = false;
            }
            lastSuccess = clock.instant();
        }

        @Override
        public int pendingCount() {
            Error crash = countCrash;
            if (crash != null) {
                throw crash;
            }
            return pending.get();
        }

        @Override
        public int problemCount() {
            return problems.get();
        }

        @Override
        public Optional<Instant> lastSuccess() {
            return Optional.ofNullable(lastSuccess);
        }

        @Override
        public boolean firstSync() {
            return first;
        }

        @Override
        public void afterSync() {
            SyncEngine reporting = engine;
            if (reporting != null) {
                afterSyncs.add(reporting.status().state());
            }
        }

        @Override
        public void onLocalEdit(Runnable onEdit) {
            editListeners.add(onEdit);
        }

        void edit() {
            editListeners.forEach(Runnable::run);
        }
    }
}
