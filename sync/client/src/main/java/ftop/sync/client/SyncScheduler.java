package ftop.sync.client;

import java.time.Duration;

/**
 * Where a {@link SyncEngine} plans its work: each task once its delay has passed, one task at a
 * time, so the engine's state needs no locks. In the product it is a thread of its own ({@link
 * #onOwnThread}); tests plan on virtual time that they move forward themselves, so no test waits
 * for a back-off or a debounce to pass.
 */
public interface SyncScheduler extends AutoCloseable {

    /** A task planned with {@link #schedule}. */
    @FunctionalInterface
    interface Planned {
        /** Keeps the task from running, if it has not started yet. */
        void cancel();
    }

    /**
     * Plans {@code task} to run once {@code delay} has passed; a zero or negative delay runs it as
     * soon as the tasks already due have run. Tasks never run at the same time as one another.
     * After {@link #close()} nothing runs any more: the task is dropped.
     */
    Planned schedule(Duration delay, Runnable task);

    /**
     * Stops the scheduler: planned tasks never run. A task under way is given a few seconds to
     * finish on its own (every sync step is safe to cut short, but a database write that ends by
     * itself is kinder to the workspace), then interrupted. Returns when it has stopped or was
     * given up on.
     */
    @Override
    void close();

    /** A scheduler on a daemon thread of its own called {@code threadName}. */
    static SyncScheduler onOwnThread(String threadName) {
        return new ThreadSyncScheduler(threadName);
    }
}
