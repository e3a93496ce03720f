package ftop.sync.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A {@link SyncScheduler} on virtual time for tests: nothing runs until the test says so, on the
 * test's own thread, and time moves only when the test moves it. A back-off of five minutes takes
 * no time at all, and "exactly 300 ms after the last edit" can be asserted to the millisecond.
 * Tasks may be planned from any thread (a store listener on an editing thread).
 */
final class VirtualScheduler implements SyncScheduler {

    /** More tasks than this in one {@link #advance} means a task keeps planning itself at once. */
    private static final int RUNAWAY = 10_000;

    private static final class Task implements Planned {
        final Instant due;
        final long order;
        final Runnable work;
        volatile boolean cancelled;

        Task(Instant due, long order, Runnable work) {
            this.due = due;
            this.order = order;
            this.work = work;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order));
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };
    private Instant now;
    private long order;
    private boolean closed;

    VirtualScheduler(Instant start) {
        this.now = start;
    }

    /** The clock of this virtual time, for the engine and the target alike. */
    Clock clock() {
        return clock;
    }

    synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Planned schedule(Duration delay, Runnable task) {
        if (closed) {
            return () -> { };
        }
        Task planned = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), order++, task);
        queue.add(planned);
        return planned;
    }

    /** Runs what is due now, including what those tasks plan for now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /**
     * Moves time forward by {@code by}, running every task as it falls due, in order; while a task
     * runs, the time stands at its due time.
     */
    void advance(Duration by) {
        Instant until = now().plus(by);
        for (int ran = 0; ; ran++) {
            if (ran > RUNAWAY) {
                throw new AssertionError("More than " + RUNAWAY + " tasks in one step: a task keeps planning itself");
            }
            Task task;
            synchronized (this) {
                task = queue.peek();
                if (task == null || task.due.isAfter(until)) {
                    now = until;
                    return;
                }
                queue.poll();
                if (task.due.isAfter(now)) {
                    now = task.due;
                }
            }
            if (!task.cancelled) {
                task.work.run();
            }
        }
    }

    /** How long from now until the next planned task; empty when nothing is planned. */
    synchronized Optional<Duration> nextPlanned() {
        queue.removeIf(t -> t.cancelled);
        Task next = queue.peek();
        return next == null ? Optional.empty() : Optional.of(Duration.between(now, next.due));
    }

    /** Moves time to the next planned task and runs it (and what else is due then); returns the wait. */
    Duration runNext() {
        Duration wait = nextPlanned().orElseThrow(() -> new AssertionError("Nothing is planned"));
        advance(wait);
        return wait;
    }

    /** True once closed: nothing runs any more. */
    synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
    }
}
