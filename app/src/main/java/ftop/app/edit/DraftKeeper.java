package ftop.app.edit;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.Scheduler;
import ftop.core.store.Draft;
import ftop.core.store.Drafts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what people type into open forms as drafts in the workspace, so that a crash, a power cut
 * or a killed process loses none of it. Each change of a watched form is noted on the FX thread (a
 * copy of its values, cheap); {@link #DELAY} after the last change the notes are written in the
 * background, at the latest {@link #MAX_WAIT} after the first unwritten one. A form that holds
 * nothing unsaved any more (saved, cancelled, changed back) has its draft deleted at once. Drafts
 * never reach the outbox: only saving the form does that.
 *
 * <p>FX thread only, except {@link #writePendingNow()}, which a shutdown hook calls.
 */
public final class DraftKeeper {

    /** How long after the last keystroke a draft is written. */
    public static final Duration DELAY = Duration.ofMillis(500);
    /** The longest a change waits while someone keeps typing. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(DraftKeeper.class);

    /** A draft as the store keys it. */
    private record Ref(String form, String subject) {
        static Ref of(Draft draft) {
            return new Ref(draft.form(), draft.subject());
        }

        static Ref of(DraftKey key) {
            return new Ref(key.form().id(), key.subject());
        }
    }

    private final Optional<Drafts> drafts;
    private final BackgroundTasks tasks;
    private final Scheduler scheduler;
    private final Clock clock;
    /** Noted and not written yet; guarded by itself, as a shutdown hook may write it too. */
    private final Map<Ref, Draft> pending = new LinkedHashMap<>();
    /**
     * Drafts of this session's forms that are (or are about to be) in the store: written, or queued
     * to be. A draft from before is not among them until a form holds it again ({@link #adopt}):
     * a form merely opening for the same customer must not delete it.
     */
    private final Set<Ref> kept = new HashSet<>();
    private final List<OpenForm> watched = new ArrayList<>();
    private Scheduler.Scheduled due;
    private Instant firstPending;
    private final ReadOnlyObjectWrapper<Draft> lastWritten = new ReadOnlyObjectWrapper<>(this, "lastWritten");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /**
     * @param drafts    where drafts are kept; empty for a workspace without a local store (nothing is kept)
     * @param tasks     the background executor every store write goes through, in order
     * @param scheduler times the writes; tests pass one on virtual time
     * @param clock     stamps each draft with when it was typed
     */
    public DraftKeeper(Optional<Drafts> drafts, BackgroundTasks tasks, Scheduler scheduler, Clock clock) {
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps drafts of {@code form} from now on. */
    public void watch(OpenForm form) {
        watched.add(form);
        form.addChangeListener(() -> changed(form));
    }

    /** Stops looking at {@code form} (its dialog closed); a change it still reports is ignored. */
    public void unwatch(OpenForm form) {
        watched.remove(form);
    }

    /**
     * Takes over {@code restored}, a draft from before that a form holds again: from now on it is
     * that form's draft, written as it changes and deleted when it is saved or cancelled, or at once
     * when the form turns out to hold nothing unsaved.
     */
    public void adopt(Draft restored) {
        Ref ref = Ref.of(restored);
        kept.add(ref);
        for (OpenForm form : List.copyOf(watched)) {
            if (form.draftKey().filter(key -> key.matches(restored)).isPresent()) {
                changed(form);
            }
        }
    }

    /** Deletes {@code draft}, e.g. when the person chose Discard for a draft kept from before. */
    public void discard(Draft draft) {
        Ref ref = Ref.of(draft);
        synchronized (pending) {
            pending.remove(ref);
        }
        kept.remove(ref);
        delete(ref);
    }

    private void changed(OpenForm form) {
        Optional<DraftKey> key = form.draftKey();
        if (key.isEmpty() || drafts.isEmpty() || !watched.contains(form)) {
            return;
        }
        Ref ref = Ref.of(key.get());
        if (form.hasUnsavedChanges()) {
            Draft draft = new Draft(ref.form(), ref.subject(), key.get().tpid(), form.draftValues(), form.draftBase(),
                    clock.instant());
            synchronized (pending) {
                pending.put(ref, draft);
            }
            if (firstPending == null) {
                firstPending = draft.savedAt();
            }
            // half a second after this change, or sooner when the first unwritten one waited long enough
            Duration left = MAX_WAIT.minus(Duration.between(firstPending, draft.savedAt()));
            if (left.isNegative() || left.isZero()) {
                writePending();
            } else {
                restartTimer(left.compareTo(DELAY) < 0 ? left : DELAY);
            }
            return;
        }
        boolean noted;
        synchronized (pending) {
            noted = pending.remove(ref) != null;
        }
        // saved, cancelled or typed back to what is saved: the draft goes at once, not after a delay
        if (kept.remove(ref) || noted) {
            delete(ref);
        }
    }

    private void restartTimer(Duration delay) {
        if (due != null) {
            due.cancel();
        }
        due = scheduler.after(delay, this::writePending);
    }

    /** Writes every draft noted and not written yet, in the background; e.g. before the app closes. */
    public void writePending() {
        if (due != null) {
            due.cancel();
            due = null;
        }
        firstPending = null;
        List<Draft> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
        }
        if (batch.isEmpty() || drafts.isEmpty()) {
            return;
        }
        // kept from now: a delete queued after this write runs after it (one I/O thread, in order)
        batch.forEach(d -> kept.add(Ref.of(d)));
        Drafts store = drafts.get();
        tasks.run(() -> {
                    batch.forEach(store::put);
                    return batch.get(batch.size() - 1);
                },
                written -> {
                    problem.set("");
                    lastWritten.set(written);
                },
                failure -> {
                    LOG.warn("Drafts could not be kept", failure);
                    problem.set("What you type cannot be kept as a draft right now: " + failure.getMessage());
                    // the next change tries again with what was noted since, or these
                    synchronized (pending) {
                        batch.forEach(d -> pending.putIfAbsent(Ref.of(d), d));
                    }
                });
    }

    /**
     * Writes what is noted and not written yet on the calling thread, for the last moments of the
     * process (a session logout's shutdown): there is no FX thread or executor to rely on then.
     *
     * @return how many drafts were written
     */
    public int writePendingNow() {
        List<Draft> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
        }
        drafts.ifPresent(store -> batch.forEach(store::put));
        return drafts.isPresent() ? batch.size() : 0;
    }

    private void delete(Ref ref) {
        drafts.ifPresent(store -> tasks.run(() -> store.delete(ref.form(), ref.subject()),
                failure -> LOG.warn("A draft could not be deleted", failure)));
    }

    /** The draft written last, once it is on disk; for whoever wants to know (a status line, tests). */
    public ReadOnlyObjectProperty<Draft> lastWrittenProperty() {
        return lastWritten.getReadOnlyProperty();
    }

    /** Why drafts cannot be kept right now, for people; empty while they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
