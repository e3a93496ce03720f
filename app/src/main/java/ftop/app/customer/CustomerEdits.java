package ftop.app.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.Workspace;
import ftop.core.change.EntityKind;
import ftop.core.store.WorkspaceReads;
import ftop.core.store.WorkspaceWrites;
import ftop.core.store.RowRef;
import ftop.core.store.ValidationException;
import ftop.core.validation.Problem;

/**
 * The edits people make to customers (health, status notes, contacts, forecasts), and the one
 * undo stack over them. Every edit is checked by the core rules and written with its outbox
 * entries in one transaction, in the background. Each saved edit remembers how to put back what it
 * changed; {@link #undo(Edit, Consumer)} writes that back as an edit of its own (store + outbox),
 * so an undo reaches the server like any other change.
 *
 * <p>The Customer tab and the Tenant tab share one instance: a status note saved on the winner
 * tenant can be undone from the Customer tab.
 */
public final class CustomerEdits {

    /** Edits kept for undo; older ones fall off. */
    static final int KEPT = 30;

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Clock clock;
    /** Newest first; FX thread only. */
    private final Deque<Edit> undoable = new ArrayDeque<>();
    /** Moves whenever {@link #undoable} changes, so views can re-read {@link #latest(long)}. */
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version");

    public CustomerEdits(Workspace workspace, BackgroundTasks tasks, Clock clock) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A saved edit that can be undone.
     *
     * @param what    what was done, for people: "Contact Jordan Reyes removed"
     * @param tpid    the customer it changed
     * @param inverse the rows that put back what the edit changed, worked out when Undo is asked
     */
    public record Edit(String what, long tpid, Supplier<Change> inverse) {
    }

    /**
     * Rows to save and rows to delete, as one edit.
     *
     * @param saves   rows to write
     * @param deletes rows to remove
     */
    public record Change(List<?> saves, List<RowRef> deletes) {

        public Change {
            saves = List.copyOf(saves);
            deletes = List.copyOf(deletes);
        }
    }

    /** The signed-in user's ID, as status notes record their author. */
    public String userId() {
        return workspace.userId();
    }

    /** Now, by the edits' clock. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Saves {@code change} as one edit described by {@code what}, in the background; afterwards it
     * can be undone by writing back the rows as they were before (new rows are removed, removed
     * rows come back, changed rows get their old values). Then {@code onSaved} runs with the edit,
     * or {@code onProblems} with what is wrong (nothing was written); both on the FX thread.
     */
    public void save(String what, long tpid, Change change, Consumer<Edit> onSaved, Consumer<List<Problem>> onProblems) {
        save(what, tpid, change, null, onSaved, onProblems);
    }

    /**
     * As {@link #save(String, long, Change, Consumer, Consumer)}, with the undo worked out by
     * {@code inverse} when it is asked for instead of from the rows before the edit; e.g. the
     * health form puts back one section on top of whatever the other section holds by then.
     */
    public void save(String what, long tpid, Change change, Supplier<Change> inverse, Consumer<Edit> onSaved,
            Consumer<List<Problem>> onProblems) {
        Objects.requireNonNull(change, "change");
        tasks.run(() -> write(change, inverse == null),
                written -> {
                    if (!written.problems().isEmpty()) {
                        onProblems.accept(written.problems());
                        return;
                    }
                    Change before = written.before();
                    Edit edit = new Edit(what, tpid, inverse != null ? inverse : () -> before);
                    push(edit);
                    onSaved.accept(edit);
                },
                failure -> onProblems.accept(List.of(new Problem("", "Nothing was saved: " + messageOf(failure)))));
    }

    /**
     * Undoes {@code edit}: writes back what it changed, as an edit of its own, and drops it from
     * the stack. Nothing happens when it is no longer there (undone already). When the undo cannot
     * be written, the edit stays undoable and {@code onProblems} says why.
     */
    public void undo(Edit edit, Consumer<List<Problem>> onProblems) {
        if (!undoable.remove(edit)) {
            return;
        }
        version.set(version.get() + 1);
        Change inverse = edit.inverse().get();
        tasks.run(() -> write(inverse, false),
                written -> {
                    if (!written.problems().isEmpty()) {
                        push(edit);
                        onProblems.accept(written.problems());
                    }
                },
                failure -> {
                    push(edit);
                    onProblems.accept(List.of(new Problem("", "Nothing was undone: " + messageOf(failure))));
                });
    }

    /** The latest edit of customer {@code tpid} that can still be undone. */
    public Optional<Edit> latest(long tpid) {
        return undoable.stream().filter(e -> e.tpid() == tpid).findFirst();
    }

    /**
     * An edit of customer {@code tpid} was saved that this stack does not hold (its assignments, a
     * batch): the customer's older edits are no longer its latest, so they are no longer offered
     * for undo, and an undo can never skip over a change made after them.
     */
    public void savedElsewhere(long tpid) {
        if (undoable.removeIf(e -> e.tpid() == tpid)) {
            version.set(version.get() + 1);
        }
    }

    /** Changes whenever an edit is saved or undone; listen to it to re-read {@link #latest(long)}. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    private void push(Edit edit) {
        undoable.addFirst(edit);
        while (undoable.size() > KEPT) {
            undoable.removeLast();
        }
        version.set(version.get() + 1);
    }

    /** What a write did: the problems that stopped it, or the rows as they were before it. */
    private record Written(List<Problem> problems, Change before) {
    }

    /** Validates and writes {@code change}; runs in the background. */
    private Written write(Change change, boolean readBefore) {
        WorkspaceWrites store = workspace.writes();
        // the store checks every row by the core rules in the write's own transaction
        Change before = readBefore ? before(store, change) : null;
        try {
            store.saveAll(change.saves(), change.deletes());
        } catch (ValidationException e) {
            return new Written(e.problems(), null);
        }
        return new Written(List.of(), before);
    }

    /** The edit that turns the store back into what it is now, once {@code change} is written. */
    private static Change before(WorkspaceReads store, Change change) {
        List<Object> restore = new ArrayList<>();
        List<RowRef> remove = new ArrayList<>();
        for (Object row : change.saves()) {
            RowRef ref = RowRef.of(row);
            Optional<?> was = store.repository(ref.kind().type()).get(ref.id());
            if (was.isPresent()) {
                restore.add(was.get());
            } else {
                remove.add(ref);
            }
        }
        for (RowRef ref : change.deletes()) {
            store.repository(ref.kind().type()).get(ref.id()).ifPresent(restore::add);
        }
        // rows that depend on others (a health form naming its Success Owner) come back after them
        restore.sort(Comparator.comparing(row -> EntityKind.of(row) == EntityKind.HEALTH));
        return new Change(restore, remove);
    }

    private static String messageOf(Throwable failure) {
        return failure.getMessage() == null || failure.getMessage().isBlank() ? failure.toString() : failure.getMessage();
    }
}
