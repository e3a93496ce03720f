package ftop.sync.server;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Admission to the database: one turn per pooled connection. A request that finds every
 * connection taken waits its turn for up to {@code maxWait}; when the queue is full, or the wait
 * runs out, it gets a {@link DatabaseBusyException} (the server's 503 "busy", with Retry-After)
 * instead of piling more work on an overloaded database. The connection pool itself (HikariCP)
 * hands connections out in no strict order and has no bound on its waiters; this queue in front of
 * it provides both.
 *
 * <p>Two lanes, each first come, first served: {@link Lane#WRITE} (a push, an import, signing in:
 * requests a person waits on and that change something) goes ahead of {@link Lane#READ} (pulls,
 * long-polls, checksums), so that an edit does not wait behind the hundreds of pulls a second of
 * other desktops. So that reads are not starved by a stream of writes, a waiting read gets every
 * {@link #READ_TURN_EVERY}th turn. Reads may fill at most three quarters of the queue: a write
 * finds room while reads alone fill it.
 */
final class AdmissionQueue {

    /** Which lane a request waits in. */
    enum Lane {
        /** Reads: pulls, long-polls, checksums, history. */
        READ,
        /** Requests that write, and their reads (e.g. a push's authentication): served first. */
        WRITE
    }

    /** While reads wait, at least one turn in this many goes to a read. */
    static final int READ_TURN_EVERY = 4;

    private final int size;
    private final int maxWaiting;
    private final int maxWaitingReads;
    private final long waitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Ticket> reads = new ArrayDeque<>();
    private final ArrayDeque<Ticket> writes = new ArrayDeque<>();
    /** Turns free now (guarded by {@link #lock}). */
    private int free;
    /** Turns given to writes in a row while reads waited (guarded by {@link #lock}). */
    private int writesInARow;
    private volatile int waiting;
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

    /** One waiting request: its turn comes when {@link #granted} is set, under the lock. */
    private final class Ticket {
        final Condition turn = lock.newCondition();
        boolean granted;
    }

    AdmissionQueue(int size, int maxWaiting, Duration maxWait) {
        if (size < 1) {
            throw new IllegalArgumentException("The database needs at least one connection, not " + size);
        }
        this.size = size;
        this.free = size;
        this.maxWaiting = Math.max(0, maxWaiting);
        this.maxWaitingReads = this.maxWaiting - this.maxWaiting / 4;
        this.waitNanos = maxWait.toNanos();
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
        return waiting;
    }

    /** Waits for this request's turn in the read lane; {@link #leave()} must follow. */
    void enter() throws SQLException {
        enter(Lane.READ);
    }

    /**
     * Waits for this request's turn in {@code lane}; {@link #leave()} must follow.
     *
     * @throws DatabaseBusyException when the queue is full or the wait ran out
     * @throws SQLException          when interrupted while waiting
     */
    void enter(Lane lane) throws SQLException {
        ArrayDeque<Ticket> queue = lane == Lane.WRITE ? writes : reads;
        Ticket ticket;
        long started = System.nanoTime();
        lock.lock();
        try {
            if (free > 0 && writes.isEmpty() && reads.isEmpty()) {
                free--;
                observer.admitted(0);
                return;
            }
            int queued = reads.size() + writes.size();
            if (queued >= maxWaiting || (lane == Lane.READ && reads.size() >= maxWaitingReads)) {
                observer.refused();
                throw new DatabaseBusyException("No database connection free and " + queued
                        + " requests already waiting for one", 1);
            }
            ticket = new Ticket();
            queue.addLast(ticket);
            waiting = reads.size() + writes.size();
            long left = waitNanos;
            try {
                while (!ticket.granted && left > 0) {
                    left = ticket.turn.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                if (ticket.granted) {
                    handOn();
                } else {
                    queue.remove(ticket);
                    waiting = reads.size() + writes.size();
                }
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for a database connection", e);
            }
            if (!ticket.granted) {
                queue.remove(ticket);
                waiting = reads.size() + writes.size();
                observer.refused();
                long millis = TimeUnit.NANOSECONDS.toMillis(waitNanos);
                throw new DatabaseBusyException("No database connection free after " + millis + " ms",
                        (int) Math.max(1, Math.min(30, millis / 4000)));
            }
        } finally {
            lock.unlock();
        }
        observer.admitted(System.nanoTime() - started);
    }

    /** Ends a turn taken by {@link #enter}: the next waiting request, if any, takes it. */
    void leave() {
        lock.lock();
        try {
            handOn();
        } finally {
            lock.unlock();
        }
    }

    /** Gives a turn just freed to the next waiter (a write first, but a read every few turns), else keeps it. */
    private void handOn() {
        boolean readsTurn = !reads.isEmpty() && (writes.isEmpty() || writesInARow >= READ_TURN_EVERY - 1);
        Ticket next = readsTurn ? reads.pollFirst() : writes.pollFirst();
        if (next == null) {
            free++;
            writesInARow = 0;
            return;
        }
        writesInARow = readsTurn || reads.isEmpty() ? 0 : writesInARow + 1;
        waiting = reads.size() + writes.size();
        next.granted = true;
        next.turn.signal();
    }
}
