package ftop.app.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ftop.app.edit.LiveMarksModel;
import ftop.app.edit.RowMarks;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.Scheduler;
import ftop.app.workspace.Workspace;
import ftop.core.assignment.Assignment;
import ftop.core.change.EntityKind;
import ftop.core.customer.Customer;
import ftop.core.permission.CustomerAccess;
import ftop.core.permission.Decision;
import ftop.core.permission.Permissions;
import ftop.core.store.RowRef;
import ftop.core.store.WorkspaceReads;
import ftop.core.store.WorkspaceWrites;
import ftop.core.user.User;
import ftop.core.validation.Problem;

/**
 * The state of the Customer tab: the customers to pick from and the details of the one picked.
 * Everything the tab shows is contextual to {@link #detailsProperty() the selected customer}.
 */
public final class CustomerViewModel {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Clock clock;

    private final ObservableList<CustomerChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<CustomerChoice> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyObjectWrapper<CustomerChoice> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<CustomerDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper opening = new ReadOnlyStringWrapper(this, "opening", "");
    private final UsageTrendModel trend;
    private final CustomerEdits edits;
    private final ReadOnlyObjectWrapper<CustomerEdits.Edit> undoable = new ReadOnlyObjectWrapper<>(this, "undoable");
    private final ReadOnlyStringWrapper undoProblem = new ReadOnlyStringWrapper(this, "undoProblem", "");
    private final EditNotice notice;
    private final LiveMarksModel liveMarks;
    private final ReadOnlyObjectWrapper<RowMarks> healthMarks = new ReadOnlyObjectWrapper<>(this, "healthMarks",
            RowMarks.NONE);
    private final ReadOnlyObjectWrapper<RowMarks> latestNoteMarks = new ReadOnlyObjectWrapper<>(this,
            "latestNoteMarks", RowMarks.NONE);

    private BooleanSupplier leaveGuard = () -> true;

    /** Counts selections, so that a slow load never overwrites the customer picked after it. */
    private long generation;

    public CustomerViewModel(Workspace workspace, BackgroundTasks tasks, Clock clock) {
        this(workspace, tasks, clock, new CustomerEdits(workspace, tasks, clock));
    }

    /** @param edits the edits and undo stack, shared with other views that edit customers */
    public CustomerViewModel(Workspace workspace, BackgroundTasks tasks, Clock clock, CustomerEdits edits) {
        this(workspace, tasks, clock, edits, Scheduler.fx());
    }

    /** @param scheduler times how long the notice after an edit shows; tests pass one on virtual time */
    public CustomerViewModel(Workspace workspace, BackgroundTasks tasks, Clock clock, CustomerEdits edits,
            Scheduler scheduler) {
        this(workspace, tasks, clock, edits, scheduler, new LiveMarksModel(workspace, tasks, clock, scheduler));
    }

    /** @param liveMarks what colleagues changed lately, marked on the sections */
    public CustomerViewModel(Workspace workspace, BackgroundTasks tasks, Clock clock, CustomerEdits edits,
            Scheduler scheduler, LiveMarksModel liveMarks) {
        this.liveMarks = Objects.requireNonNull(liveMarks, "liveMarks");
        this.notice = new EditNotice(scheduler);
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trend = new UsageTrendModel(workspace, tasks, clock);
        this.edits = Objects.requireNonNull(edits, "edits");
        edits.versionProperty().addListener((obs, old, now) -> {
            CustomerEdits.Edit before = undoable.get();
            updateUndoable();
            // a new latest edit (saved, or the one before it after an undo) is worth telling
            if (undoable.get() != null && undoable.get() != before) {
                notice.show();
            } else if (undoable.get() == null && undoProblem.get().isEmpty()) {
                notice.hide();
            }
        });
        undoProblem.addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                notice.show();
            }
        });
        selected.addListener((obs, old, now) -> {
            undoProblem.set("");
            updateUndoable();
            // another customer: an older edit of it is not news
            if (old == null || now == null || old.tpid() != now.tpid()) {
                notice.hide();
            }
        });
    }

    /** What colleagues changed lately, for the marks on the sections. */
    public LiveMarksModel liveMarks() {
        return liveMarks;
    }

    /** The usage trend of the customer shown, for the Workload health card. */
    public UsageTrendModel trend() {
        return trend;
    }

    /** Reads the customers to pick from, in the background. */
    public void loadChoices() {
        tasks.run(() -> workspace.customers().stream()
                        .map(c -> new CustomerChoice(c.tpid(), c.name()))
                        .toList(),
                this::showChoices,
                failure -> error.set("The customers could not be read: " + failure.getMessage()));
    }

    /**
     * Offers {@code fresh} in the picker, sorted by name. The shell hands over what the Portfolio
     * already read, so the customers are not read twice.
     */
    public void showChoices(List<CustomerChoice> fresh) {
        choices.setAll(fresh.stream()
                .sorted(Comparator.comparing(CustomerChoice::name, String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    /** Reads the selected customer again, e.g. after a change in the store. */
    public void refresh() {
        CustomerChoice current = selected.get();
        if (current != null) {
            select(current.tpid());
        }
    }

    /**
     * Asked before another customer is shown; answers false to stay (e.g. the person wants to keep
     * an unsaved edit). Re-reading the same customer never asks.
     */
    public void setLeaveGuard(BooleanSupplier guard) {
        leaveGuard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * Shows the customer with {@code tpid}; loads its details in the background. When another
     * customer shows and the {@link #setLeaveGuard leave guard} says stay, nothing changes.
     *
     * @return false when the guard kept the current customer
     */
    public boolean open(long tpid) {
        CustomerChoice current = selected.get();
        if (current != null && current.tpid() != tpid && !leaveGuard.getAsBoolean()) {
            return false;
        }
        select(tpid);
        return true;
    }

    /** Reads and shows the customer with {@code tpid}, without asking the leave guard. */
    public void select(long tpid) {
        long request = ++generation;
        loading.set(true);
        CustomerDetails shown = details.get();
        if (shown == null || shown.customer().tpid() != tpid) {
            opening.set(choices.stream().filter(c -> c.tpid() == tpid).map(CustomerChoice::name).findFirst()
                    .orElse("TPID " + tpid));
        }
        LocalDate today = LocalDate.now(clock);
        tasks.run(() -> loaded(tpid, today),
                loaded -> {
                    if (request != generation) {
                        return;
                    }
                    loading.set(false);
                    opening.set("");
                    CustomerDetails loadedDetails = loaded.details();
                    if (loadedDetails == null) {
                        error.set("There is no customer with TPID " + tpid + " in this workspace.");
                        return;
                    }
                    error.set("");
                    // before the details: the form marks its fields as it shows them
                    healthMarks.set(loaded.marks());
                    latestNoteMarks.set(loaded.latestNote());
                    selected.set(new CustomerChoice(tpid, loadedDetails.customer().name()));
                    details.set(loadedDetails);
                },
                failure -> {
                    if (request == generation) {
                        loading.set(false);
                        opening.set("");
                        error.set("The customer could not be read from the local workspace: " + failure.getMessage());
                    }
                });
    }

    /** The details and the marks of the health form's fields and of the latest status note, read together. */
    private record Loaded(CustomerDetails details, RowMarks marks, RowMarks latestNote) {
    }

    private Loaded loaded(long tpid, LocalDate today) {
        CustomerDetails read = load(tpid, today);
        if (read == null) {
            return new Loaded(null, RowMarks.NONE, RowMarks.NONE);
        }
        WorkspaceReads store = workspace.reads();
        RowMarks health = RowMarks.read(store, workspace.userId(), EntityKind.HEALTH, Long.toString(tpid), tpid,
                clock.getZone(), read.userNames());
        RowMarks note = read.latestNote().map(n -> RowMarks.read(store, workspace.userId(), EntityKind.STATUS_NOTE,
                EntityKind.STATUS_NOTE.idOf(n), tpid, clock.getZone(), read.userNames())).orElse(RowMarks.NONE);
        return new Loaded(read, health, note);
    }

    /** How the user settles an edit the server did not take, from the field it marks. */
    public enum Settle {
        /** Keep the user's value: it is sent again (also "Send again"). */
        KEEP_MINE,
        /** Take the server's value for the conflicting fields. */
        TAKE_THEIRS,
        /** Drop the edit: the field shows the server's value again. */
        DISCARD
    }

    /**
     * Settles the edit {@code mutationId} as {@code how}, in the background, then reads the customer
     * again; {@code onFailure} gets what went wrong, on the FX thread.
     */
    public void settle(UUID mutationId, Settle how, Runnable onDone, Consumer<String> onFailure) {
        WorkspaceWrites outbox = workspace.writes();
        tasks.run(() -> {
            switch (how) {
                case KEEP_MINE -> outbox.keepMine(mutationId);
                case TAKE_THEIRS -> outbox.takeTheirs(mutationId);
                case DISCARD -> outbox.discard(mutationId);
            }
            return how;
        }, done -> {
            onDone.run();
            refresh();
        }, failure -> onFailure.accept("That did not work: " + failure.getMessage()));
    }

    /** The marks of the health form's fields for the customer shown: set just before its details. */
    public ReadOnlyObjectProperty<RowMarks> healthMarksProperty() {
        return healthMarks.getReadOnlyProperty();
    }

    /** The marks of the latest Enterprise Status note of the customer shown: set just before its details. */
    public ReadOnlyObjectProperty<RowMarks> latestNoteMarksProperty() {
        return latestNoteMarks.getReadOnlyProperty();
    }

    private CustomerDetails load(long tpid, LocalDate today) {
        Customer customer = workspace.customer(tpid).orElse(null);
        if (customer == null) {
            return null;
        }
        WorkspaceReads store = workspace.reads();
        List<Assignment> assignments = store.assignments().byTpid(tpid);
        Map<String, String> names = new HashMap<>();
        for (User user : store.users().all()) {
            names.put(user.userId(), user.displayName().isBlank() ? user.userId() : user.displayName());
        }
        Decision edit = store.users().get(workspace.userId())
                .map(user -> Permissions.canEditHealth(user, CustomerAccess.of(customer, assignments)))
                .orElseGet(() -> Decision.deny("The signed-in user " + workspace.userId()
                        + " is not in this workspace's directory, so cannot edit."));
        return CustomerDetails.of(customer, store.health().get(Long.toString(tpid)), store.contacts().byTpid(tpid),
                store.tenants().byTpid(tpid), store.usage().byTpid(tpid), store.notes().byTpid(tpid),
                store.forecasts().byTpid(tpid), assignments, names, edit, workspace.rules(), today, clock.getZone());
    }

    /**
     * Saves {@code saves} and deletes {@code deletes} as one edit of the shown customer, described
     * by {@code what} ("Contact Jordan Reyes removed"), in the background: every row is checked by
     * the core rules, then written with its outbox entries in one transaction. Then {@code onSaved}
     * runs, or {@code onProblems} with what is wrong (nothing was written); both on the FX thread.
     * The edit joins the undo stack, and the customer is read again.
     */
    public void save(String what, List<?> saves, List<RowRef> deletes, Runnable onSaved,
            Consumer<List<Problem>> onProblems) {
        save(what, new CustomerEdits.Change(saves, deletes), null, onSaved, onProblems);
    }

    /**
     * As {@link #save(String, List, List, Runnable, Consumer)}, with {@code inverse} working out the
     * undo when it is asked for.
     */
    public void save(String what, CustomerEdits.Change change, Supplier<CustomerEdits.Change> inverse,
            Runnable onSaved, Consumer<List<Problem>> onProblems) {
        CustomerChoice current = selected.get();
        long tpid = current == null ? 0 : current.tpid();
        edits.save(what, tpid, change, inverse, edit -> {
            onSaved.run();
            refresh();
        }, onProblems);
    }

    /**
     * Undoes the latest edit of the shown customer still undoable (this tab's or a status note
     * saved on its winner tenant): writes back what it changed, as an edit of its own, and reads
     * the customer again. What went wrong, if anything, shows in {@link #undoProblemProperty()}.
     */
    public void undoLatest() {
        CustomerEdits.Edit edit = undoable.get();
        if (edit == null) {
            return;
        }
        undoProblem.set("");
        edits.undo(edit, problems -> undoProblem.set("Could not undo \"" + edit.what() + "\": "
                + String.join(" ", problems.stream().map(Problem::message).toList())));
        refresh();
    }

    /** The edit {@link #undoLatest()} would undo; null when there is none for the shown customer. */
    public ReadOnlyObjectProperty<CustomerEdits.Edit> undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    /**
     * The notice after an edit: it shows when an edit of the shown customer is saved or undone (or
     * an undo fails) and goes a few seconds later, unless the person is at it.
     */
    public EditNotice notice() {
        return notice;
    }

    /**
     * An edit of the shown customer was saved that the undo stack does not hold (its assignments):
     * Undo no longer offers the edit before it.
     */
    public void savedElsewhere() {
        CustomerChoice current = selected.get();
        if (current != null) {
            edits.savedElsewhere(current.tpid());
        }
    }

    /** Why the last undo failed, for people; empty when it worked. */
    public ReadOnlyStringProperty undoProblemProperty() {
        return undoProblem.getReadOnlyProperty();
    }

    /** The edits and their undo stack, shared with the Tenant tab. */
    public CustomerEdits edits() {
        return edits;
    }

    private void updateUndoable() {
        CustomerChoice current = selected.get();
        undoable.set(current == null ? null : edits.latest(current.tpid()).orElse(null));
    }

    /** Every customer of the workspace, by name. */
    public ObservableList<CustomerChoice> choices() {
        return readOnlyChoices;
    }

    /** The customer picked, once its details are loaded; {@code null} before. */
    public ReadOnlyObjectProperty<CustomerChoice> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CustomerDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * The name of the customer being read to be shown instead of the one shown (or of none);
     * empty when no such read runs. A re-read of the customer shown is not an opening.
     */
    public ReadOnlyStringProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** What went wrong with the last load, for people; empty when it worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
