package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncEngineTest {

    private final ScriptedTarget target = new ScriptedTarget();
    private final List<SyncStatus> statuses = new CopyOnWriteArrayList<>();
    private SyncEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void syncsAtStartAndReportsOnline() throws Exception {
        target.pending.set(2);
        target.problems.set(1);
        start(options(Duration.ofHours(1)));

        await(() -> engine.status().state() == SyncState.ONLINE);
        assertThat(target.calls).hasSize(1);
        assertThat(engine.status().lastSuccess()).isPresent();
        assertThat(engine.status().pendingCount()).isEqualTo(2);
        assertThat(engine.status().problemCount()).isEqualTo(1);
        assertThat(statuses).extracting(SyncStatus::state).contains(SyncState.SYNCING, SyncState.ONLINE);
    }

    @Test
    void syncsAgainEveryInterval() throws Exception {
        start(options(Duration.ofMillis(100)));

        await(() -> target.calls.size() >= 4);
        assertThat(engine.status().state()).isIn(SyncState.ONLINE, SyncState.SYNCING);
    }

    @Test
    void aBurstOfEditsIsPushedOnceAfterTheQuietTime() throws Exception {
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(300), Duration.ofSeconds(5),
                Duration.ofMillis(50), Duration.ofSeconds(1)));
        await(() -> target.calls.size() == 1 && engine.status().state() == SyncState.ONLINE);

        Instant lastEdit = null;
        for (int i = 0; i < 5; i++) {
            target.pending.incrementAndGet();
            target.edit();
            lastEdit = Instant.now();
            Thread.sleep(50);
        }
        await(() -> target.calls.size() == 2);
        Thread.sleep(600);

        assertThat(target.calls).hasSize(2);
        assertThat(Duration.between(lastEdit, target.calls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void endlessEditsCannotHoldThePushBackBeyondTheMaximum() throws Exception {
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(200), Duration.ofMillis(500),
                Duration.ofMillis(50), Duration.ofSeconds(1)));
        await(() -> target.calls.size() == 1 && engine.status().state() == SyncState.ONLINE);

        Instant firstEdit = Instant.now();
        for (int i = 0; i < 20 && target.calls.size() < 2; i++) {
            target.edit();
            Thread.sleep(100);
        }

        assertThat(target.calls).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Duration.between(firstEdit, target.calls.get(1))).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void unreachableServerIsRetriedWithGrowingWaitsAndOnlineAgainAfterwards() throws Exception {
        for (int i = 0; i < 4; i++) {
            target.failures.add(new SyncException(SyncFailure.UNREACHABLE, "down"));
        }
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMillis(40), Duration.ofSeconds(2)));

        await(() -> target.calls.size() == 5 && engine.status().state() == SyncState.ONLINE);
        assertThat(statuses).anySatisfy(s -> {
            assertThat(s.state()).isEqualTo(SyncState.OFFLINE);
            assertThat(s.failure()).contains(SyncFailure.UNREACHABLE);
        });
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < target.calls.size(); i++) {
            gaps.add(Duration.between(target.calls.get(i - 1), target.calls.get(i)));
        }
        // Ceilings 40, 80, 160, 320 ms: each wait is at least half its ceiling.
        assertThat(gaps.get(3)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(gaps.get(3)).isGreaterThan(gaps.get(0));
        assertThat(engine.status().failure()).isEmpty();
    }

    @Test
    void loginNeededWaitsForTheUserInsteadOfRetrying() throws Exception {
        target.failures.add(new SyncException(SyncFailure.LOGIN_NEEDED, "Your session has expired"));
        start(new SyncEngine.Options(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(20), Duration.ofMillis(50)));

        await(() -> engine.status().failure().isPresent());
        target.edit();
        Thread.sleep(500);
        assertThat(target.calls).hasSize(1);
        assertThat(engine.status().state()).isEqualTo(SyncState.FAILING);
        assertThat(engine.status().message()).contains("Your session has expired");

        engine.syncNow();
        await(() -> engine.status().state() == SyncState.ONLINE);
        assertThat(target.calls).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aResyncIsStartedAtOnceAndSaysSoUntilItCompletes() throws Exception {
        String words = "The server's data was reset; the workspace is being synced again. Your 2 unsynced edits are kept.";
        target.pending.set(2);
        target.failures.add(new SyncException(SyncFailure.RESYNCING, 409, SyncException.RESYNC, words, null));
        // A back-off of an hour would hold the fresh sync back for as long, were it used.
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofHours(1)));

        await(() -> engine.status().state() == SyncState.ONLINE);

        assertThat(target.calls).hasSize(2);
        assertThat(statuses).anySatisfy(s -> {
            assertThat(s.state()).isEqualTo(SyncState.SYNCING);
            assertThat(s.message()).contains(words);
            assertThat(s.pendingCount()).isEqualTo(2);
        });
        assertThat(engine.status().message()).isEmpty();
    }

    @Test
    void syncNowCutsTheBackOffShort() throws Exception {
        target.failures.add(new SyncException(SyncFailure.SERVER_ERROR, "HTTP 503"));
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMinutes(10), Duration.ofMinutes(10)));
        await(() -> engine.status().state() == SyncState.FAILING);

        engine.syncNow();

        await(() -> engine.status().state() == SyncState.ONLINE);
        assertThat(target.calls).hasSize(2);
    }

    @Test
    void firstSyncPublishesProgress() throws Exception {
        target.first = true;
        start(options(Duration.ofHours(1)));

        await(() -> engine.status().state() == SyncState.ONLINE);
        assertThat(statuses).extracting(SyncStatus::firstSyncProgress)
                .contains(Optional.of(0.0), Optional.of(0.5), Optional.of(1.0));
        assertThat(engine.status().firstSyncProgress()).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotStopTheEngine() throws Exception {
        engine = new SyncEngine(target, options(Duration.ofMillis(100)), new Random(1));
        engine.addListener(s -> {
            throw new IllegalStateException("listener bug");
        });
        engine.start();

        await(() -> target.calls.size() >= 2);
    }

    @Test
    void aBugInTheTargetIsReportedAndRetried() throws Exception {
        target.bug = new IllegalStateException("store exploded");
        start(new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(30), Duration.ofMillis(60)));

        await(() -> target.calls.size() >= 2 && engine.status().state() == SyncState.ONLINE);
        assertThat(statuses).anySatisfy(s -> assertThat(s.message()).hasValueSatisfying(
                m -> assertThat(m).contains("store exploded")));
    }

    @Test
    void closeLetsASyncUnderWayFinishAndStopsTheSchedule() throws Exception {
        target.slow = Duration.ofMillis(700);
        start(options(Duration.ofMillis(50)));
        await(() -> target.calls.size() == 1);

        engine.close();

        assertThat(target.finished).hasValue(1);
        assertThat(target.interrupted).isFalse();
        Thread.sleep(300);
        assertThat(target.calls).hasSize(1);
        engine.start();
        engine.syncNow();
        Thread.sleep(200);
        assertThat(target.calls).hasSize(1);
    }

    private static SyncEngine.Options options(Duration interval) {
        return new SyncEngine.Options(interval, Duration.ofMillis(100), Duration.ofMillis(500),
                Duration.ofMillis(50), Duration.ofSeconds(1));
    }

    private void start(SyncEngine.Options options) {
        engine = new SyncEngine(target, options, new Random(42));
        engine.addListener(statuses::add);
        engine.start();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    /** A target whose syncs fail as scripted and record when they ran. */
    private static final class ScriptedTarget implements SyncTarget {
        final List<Instant> calls = new CopyOnWriteArrayList<>();
        final BlockingQueue<SyncException> failures = new LinkedBlockingQueue<>();
        final AtomicInteger pending = new AtomicInteger();
        final AtomicInteger problems = new AtomicInteger();
        final List<Runnable> editListeners = new CopyOnWriteArrayList<>();
        volatile Instant lastSuccess;
        volatile boolean first;
        volatile RuntimeException bug;
        volatile Duration slow = Duration.ZERO;
        final AtomicInteger finished = new AtomicInteger();
        volatile boolean interrupted;

        @Override
        public void sync(DoubleConsumer progress) throws SyncException {
            calls.add(Instant.now());
            if (!slow.isZero()) {
                try {
                    Thread.sleep(slow.toMillis());
                } catch (InterruptedException e) {
                    interrupted = true;
                    Thread.currentThread().interrupt();
                    throw new SyncException(SyncFailure.UNREACHABLE, "interrupted");
                }
            }
            RuntimeException crash = bug;
            if (crash != null) {
                bug = null;
                throw crash;
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
            lastSuccess = Instant.now();
            finished.incrementAndGet();
        }

        @Override
        public int pendingCount() {
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
        public void onLocalEdit(Runnable onEdit) {
            editListeners.add(onEdit);
        }

        void edit() {
            editListeners.forEach(Runnable::run);
        }
    }
}
