package ftop.sync.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The product's {@link SyncScheduler}: a {@link ScheduledThreadPoolExecutor} with one daemon thread. */
final class ThreadSyncScheduler implements SyncScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadSyncScheduler.class);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private final ScheduledThreadPoolExecutor executor;
    private final Duration grace;
    private volatile boolean closed;

    ThreadSyncScheduler(String threadName) {
        this(newExecutor(threadName), DEFAULT_GRACE);
    }

    /**
     * @param executor runs the tasks; one thread
     * @param grace    how long {@link #close()} lets a task under way finish before interrupting it,
     *                 and then waits again for it to stop
     */
    ThreadSyncScheduler(ScheduledThreadPoolExecutor executor, Duration grace) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.grace = Objects.requireNonNull(grace, "grace");
        // Planned syncs die with the scheduler; they must not hold up close().
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    private static ScheduledThreadPoolExecutor newExecutor(String threadName) {
        return new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Planned schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (closed) {
            return () -> { };
        }
        long millis = delay.isNegative() ? 0 : delay.toMillis();
        try {
            ScheduledFuture<?> future = executor.schedule(() -> runGuarded(task), millis, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            // Closed between the check and the call: nothing runs any more.
            return () -> { };
        }
    }

    private void runGuarded(Runnable task) {
        if (closed) {
            // Due before close() but not yet started: dropped like any planned task.
            return;
        }
        try {
            task.run();
        } catch (Throwable t) {
            // The executor would keep it in a future nobody reads; say so instead.
            LOG.error("A sync task failed", t);
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("The sync thread did not stop within {} s", grace.multipliedBy(2).toSeconds());
                }
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
