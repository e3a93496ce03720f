package ftop.app.tasks;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;

/** {@link Scheduler#fx()}: one daemon timer thread for the whole app, made when first needed. */
final class FxScheduler implements Scheduler {

    static final FxScheduler INSTANCE = new FxScheduler();

    private volatile ScheduledExecutorService timer;

    private FxScheduler() {
    }

    @Override
    public Scheduled after(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> due = timer().schedule(() -> Platform.runLater(() -> {
            // cancelled after the timer fired but before the FX thread got to it
            if (!cancelled.get()) {
                action.run();
            }
        }), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        return () -> {
            cancelled.set(true);
            due.cancel(false);
        };
    }

    private ScheduledExecutorService timer() {
        ScheduledExecutorService made = timer;
        if (made == null) {
            synchronized (this) {
                made = timer;
                if (made == null) {
                    made = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "ftop-timer");
                        t.setDaemon(true);
                        return t;
                    });
                    timer = made;
                }
            }
        }
        return made;
    }
}
