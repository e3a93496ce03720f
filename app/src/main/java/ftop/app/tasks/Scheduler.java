package ftop.app.tasks;

import java.time.Duration;

/**
 * Runs something on the FX thread a while from now, e.g. writing a draft half a second after the
 * last keystroke. Views and models take one rather than starting timers of their own, so tests can
 * swap in a scheduler on virtual time and never wait on the wall clock.
 */
@FunctionalInterface
public interface Scheduler {

    /** Something scheduled, which may still be called off. */
    @FunctionalInterface
    interface Scheduled {
        /** Calls it off; nothing happens when it ran already. */
        void cancel();
    }

    /**
     * Runs {@code action} on the FX thread once {@code delay} has passed, unless cancelled first.
     * Called on the FX thread.
     */
    Scheduled after(Duration delay, Runnable action);

    /** The real thing: one shared daemon timer thread, actions handed to the FX thread. */
    static Scheduler fx() {
        return FxScheduler.INSTANCE;
    }
}
