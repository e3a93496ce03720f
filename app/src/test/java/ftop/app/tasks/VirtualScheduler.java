package ftop.app.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Scheduler} on virtual time, with a clock that moves with it: nothing runs until the test
 * {@linkplain #advance advances} the time, then what fell due runs at once, in order, on the
 * calling thread (call it on the FX thread when the actions touch views).
 */
public final class VirtualScheduler implements Scheduler {

    private record Task(Instant at, long order, Runnable action, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private Instant now;
    private long order;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            synchronized (VirtualScheduler.this) {
                return now;
            }
        }
    };

    public VirtualScheduler(Instant start) {
        this.now = start;
    }

    /** A clock that reads the virtual time. */
    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized Scheduled after(Duration delay, Runnable action) {
        boolean[] cancelled = new boolean[1];
        tasks.add(new Task(now.plus(delay), order++, action, cancelled));
        return () -> {
            synchronized (VirtualScheduler.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves the time on by {@code step}, running what falls due on the way, in order. */
    public void advance(Duration step) {
        Instant until;
        synchronized (this) {
            until = now.plus(step);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled()[0] && !t.at().isAfter(until))
                        .min(Comparator.comparing(Task::at).thenComparing(Task::order)).orElse(null);
                if (next == null) {
                    tasks.removeIf(t -> t.cancelled()[0] || !t.at().isAfter(until));
                    now = until;
                    return;
                }
                tasks.remove(next);
                if (next.at().isAfter(now)) {
                    now = next.at();
                }
            }
            next.action().run();
        }
    }

    /** How many scheduled actions are still waiting (not cancelled, not run). */
    public synchronized int waiting() {
        return (int) tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
