package ftop.sync.server;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission to the database: one permit per pooled connection, handed out first come, first
 * served. A request that finds every permit taken waits its turn for up to {@code maxWait}; when
 * {@code maxWaiting} requests already wait, or the wait runs out, it gets a
 * {@link DatabaseBusyException} (the server's 503 "busy") instead of piling more work on an
 * overloaded database. The connection pool itself (HikariCP) hands connections out in no strict
 * order and has no bound on its waiters; this queue in front of it provides both.
 */
final class AdmissionQueue {

    private final Semaphore permits;
    private final int size;
    private final int maxWaiting;
    private final long waitMillis;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Observer observer = Observer.NONE;

    /** Hears how long each request waited for its turn, and each one refused (for the metrics). */
    interface Observer {
        Observer NONE = new Observer() {
            @Override
            public void admitted(long waitedNanos) {
            }

            @Override
            public void refused() {
            }
        };

        void admitted(long waitedNanos);

        void refused();
    }

    AdmissionQueue(int size, int maxWaiting, Duration maxWait) {
        if (size < 1) {
            throw new IllegalArgumentException("The database needs at least one connection, not " + size);
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.maxWaiting = Math.max(0, maxWaiting);
        this.waitMillis = maxWait.toMillis();
    }

    void observe(Observer observer) {
        this.observer = observer;
    }

    /** How many requests may use the database at once. */
    int size() {
        return size;
    }

    /** How many requests may wait for their turn at once. */
    int maxWaiting() {
        return maxWaiting;
    }

    /** How many requests are waiting for their turn now. */
    int waiting() {
        return waiting.get();
    }

    /**
     * Waits for this request's turn; {@link #leave()} must follow.
     *
     * @throws DatabaseBusyException when the queue is full or the wait ran out
     * @throws SQLException          when interrupted while waiting
     */
    void enter() throws SQLException {
        try {
            // tryAcquire with a timeout, even of 0, keeps the queue's order; without one it would barge.
            if (permits.tryAcquire(0, TimeUnit.MILLISECONDS)) {
                observer.admitted(0);
                return;
            }
            long started = System.nanoTime();
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                observer.refused();
                throw new DatabaseBusyException("No database connection free and " + maxWaiting
                        + " requests already waiting for one", 1);
            }
            try {
                if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    observer.refused();
                    throw new DatabaseBusyException("No database connection free after " + waitMillis + " ms",
                            (int) Math.max(1, Math.min(30, waitMillis / 4000)));
                }
                observer.admitted(System.nanoTime() - started);
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a database connection", e);
        }
    }

    /** Ends a turn taken by {@link #enter()}. */
    void leave() {
        permits.release();
    }
}
