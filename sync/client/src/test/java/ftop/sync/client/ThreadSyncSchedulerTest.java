package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The product's scheduler: a thread of its own, closed gently. Latches, not sleeps, order the steps. */
class ThreadSyncSchedulerTest {

    /** An executor that says when it has been told to shut down. */
    private static final class WatchedExecutor extends ScheduledThreadPoolExecutor {
        final CountDownLatch shutDown = new CountDownLatch(1);

        WatchedExecutor() {
            super(1);
        }

        @Override
        public void shutdown() {
            super.shutdown();
            shutDown.countDown();
        }
    }

    @Test
    void tasksRunOneAtATimeInOrderAndAnErrorInOneDoesNotStopTheNext() throws Exception {
        SyncScheduler scheduler = SyncScheduler.onOwnThread("ftop-sync-test");
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try {
            scheduler.schedule(Duration.ZERO, () -> {
                ran.add("first on " + Thread.currentThread().getName());
                throw new OutOfMemoryError("pretend");
            });
            scheduler.schedule(Duration.ZERO, () -> ran.add("second"));
            scheduler.schedule(Duration.ofMillis(1), () -> {
                ran.add("third");
                done.countDown();
            });

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("first on ftop-sync-test", "second", "third");
        } finally {
            scheduler.close();
        }
    }

    @Test
    void closeLetsATaskUnderWayFinishAndDropsThePlannedOnes() throws Exception {
        WatchedExecutor executor = new WatchedExecutor();
        ThreadSyncScheduler scheduler = new ThreadSyncScheduler(executor, Duration.ofSeconds(10));
        CountDownLatch underWay = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean plannedRan = new AtomicBoolean();
        scheduler.schedule(Duration.ZERO, () -> {
            underWay.countDown();
            try {
                // Still running when close() begins; finishes once it has.
                executor.shutDown.await();
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        scheduler.schedule(Duration.ZERO, () -> plannedRan.set(true));
        scheduler.schedule(Duration.ofMinutes(5), () -> plannedRan.set(true));
        assertThat(underWay.await(10, TimeUnit.SECONDS)).isTrue();

        scheduler.close();

        assertThat(executor.isTerminated()).isTrue();
        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
        assertThat(plannedRan).isFalse();
        scheduler.schedule(Duration.ZERO, () -> plannedRan.set(true));
        assertThat(plannedRan).isFalse();
    }

    @Test
    void aTaskThatWillNotFinishIsInterruptedAfterTheGrace() throws Exception {
        WatchedExecutor executor = new WatchedExecutor();
        ThreadSyncScheduler scheduler = new ThreadSyncScheduler(executor, Duration.ofMillis(50));
        CountDownLatch underWay = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        scheduler.schedule(Duration.ZERO, () -> {
            underWay.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(underWay.await(10, TimeUnit.SECONDS)).isTrue();

        scheduler.close();

        assertThat(interrupted).isTrue();
        assertThat(executor.isTerminated()).isTrue();
    }
}
