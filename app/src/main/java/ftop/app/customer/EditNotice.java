package ftop.app.customer;

import java.time.Duration;
import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import ftop.app.tasks.Scheduler;

/**
 * Whether the notice after an edit ("Customer Progress saved · Undo") shows. It shows when told
 * and goes {@link #SHOWS} later, so it never stays on screen naming an edit long past; while the
 * person is at it (the pointer over it, the focus in it) it stays, and the time starts again when
 * they leave. The time runs on a {@link Scheduler}, so tests move it on instead of waiting.
 */
public final class EditNotice {

    /** How long the notice stays once nobody is at it. */
    public static final Duration SHOWS = Duration.ofSeconds(6);

    private final Scheduler scheduler;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private Scheduler.Scheduled due;
    private boolean held;

    EditNotice(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Shows the notice (again) for {@link #SHOWS}. FX thread. */
    public void show() {
        showing.set(true);
        restart();
    }

    /** Takes the notice away now. FX thread. */
    public void hide() {
        cancel();
        showing.set(false);
    }

    /**
     * The person is at the notice ({@code true}: it stays) or left it ({@code false}: it goes
     * {@link #SHOWS} from now). FX thread.
     */
    public void hold(boolean at) {
        held = at;
        if (showing.get()) {
            restart();
        }
    }

    /** True while the notice shows. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    private void restart() {
        cancel();
        if (!held) {
            due = scheduler.after(SHOWS, () -> {
                due = null;
                showing.set(false);
            });
        }
    }

    private void cancel() {
        if (due != null) {
            due.cancel();
            due = null;
        }
    }
}
