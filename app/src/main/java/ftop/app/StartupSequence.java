package ftop.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

/**
 * The order of a start: the Portfolio first, everything it does not need after its first frame.
 * Notes when each step of the start is reached (milliseconds since the app's start began, and the
 * CPU the FX thread had used by then when the step is reached on it), so that the log, and the
 * start-up benchmarks, say where a start spends its time.
 */
public final class StartupSequence {

    /** A step of the start: when it was reached; the FX thread's CPU by then, or -1 off the FX thread. */
    public record Step(String name, long millis, long fxCpuMillis) {
        @Override
        public String toString() {
            return fxCpuMillis < 0 ? String.format(Locale.ROOT, "%s %d ms", name, millis)
                    : String.format(Locale.ROOT, "%s %d ms (FX thread CPU %d ms)", name, millis, fxCpuMillis);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long started = System.nanoTime();
    private final long fxCpuAtStart;
    private final List<Step> steps = new ArrayList<>();
    /** Who waits for which step; guarded by {@link #steps}. */
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(String step, Runnable action) {
    }

    /** Begins on the FX thread, as the app's start does. */
    StartupSequence() {
        fxCpuAtStart = fxCpu();
    }

    /** Notes that the start reached {@code step}; from any thread. */
    void reached(String step) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        long cpu = Platform.isFxApplicationThread() ? (fxCpu() - fxCpuAtStart) / 1_000_000 : -1;
        List<Runnable> due = new ArrayList<>();
        synchronized (steps) {
            steps.add(new Step(step, millis, cpu));
            waiters.removeIf(w -> w.step().equals(step) && due.add(w.action()));
        }
        due.forEach(Platform::runLater);
    }

    /** Runs {@code action} on the FX thread once the start reaches {@code step} (soon, when it did already). */
    public void whenReached(String step, Runnable action) {
        synchronized (steps) {
            if (steps.stream().noneMatch(s -> s.name().equals(step))) {
                waiters.add(new Waiter(step, action));
                return;
            }
        }
        Platform.runLater(action);
    }

    /** The steps reached so far, in the order reached. */
    public List<Step> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    /** The steps as one line, for the log. */
    String summary() {
        return steps().stream().map(Step::toString).collect(Collectors.joining(", "));
    }

    private static long fxCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /**
     * Runs {@code action} once {@code scene} has been laid out and drawn again, on a later turn of
     * the FX thread: what the scene shows now reaches the screen before {@code action} runs.
     */
    static void afterNextFrame(Scene scene, Runnable action) {
        boolean[] fired = new boolean[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!fired[0]) {
                fired[0] = true;
                // neither the scene's listeners nor its nodes may change while its pulse runs
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    action.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /** Runs {@code action} once {@code flag} is true: now if it is. */
    static void whenTrue(ObservableValue<Boolean> flag, Runnable action) {
        when(flag, true, action);
    }

    /** Runs {@code action} once {@code flag} is false: now if it is. */
    static void whenFalse(ObservableValue<Boolean> flag, Runnable action) {
        when(flag, false, action);
    }

    private static void when(ObservableValue<Boolean> flag, boolean wanted, Runnable action) {
        if (flag.getValue() == wanted) {
            action.run();
            return;
        }
        flag.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (now == wanted) {
                    obs.removeListener(this);
                    action.run();
                }
            }
        });
    }

    /** Runs {@code action} after {@code pulses} more turns of the FX thread, so CSS and layout are done. */
    static void settle(int pulses, Runnable action) {
        if (pulses <= 0) {
            action.run();
        } else {
            Platform.runLater(() -> settle(pulses - 1, action));
        }
    }
}
