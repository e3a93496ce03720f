package ftop.app.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import ftop.app.customer.CustomerEdits;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.Workspace;
import ftop.core.status.EnterpriseStatusGate;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.EnterpriseLevel;
import ftop.core.tenant.Tenant;
import ftop.core.validation.Problem;

/**
 * The state of the Tenant tab: the tenant opened last, as {@link TenantDetails}. Loads in the
 * background; a slow load never overwrites a tenant opened after it. On the winner tenant it saves
 * new Enterprise Status notes through the {@link CustomerEdits} it shares with the Customer tab, so
 * a note joins the same undo stack as every other edit of the customer.
 */
public final class TenantViewModel {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final LongConsumer openCustomer;

    private final ReadOnlyObjectWrapper<TenantDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<CustomerEdits.Edit> lastSaved = new ReadOnlyObjectWrapper<>(this, "lastSaved");
    private final ReadOnlyStringWrapper undoProblem = new ReadOnlyStringWrapper(this, "undoProblem", "");
    private final CustomerEdits edits;
    private UUID selected;
    private long generation;
    private BooleanSupplier leaveGuard = () -> true;
    /** Set by {@link #openForNewStatus}: the view puts the focus in the editor once the tenant shows. */
    private boolean editorWanted;
    private final ReadOnlyIntegerWrapper editorRequest = new ReadOnlyIntegerWrapper(this, "editorRequest");
    private final ReadOnlyObjectWrapper<NoteToReveal> noteToReveal = new ReadOnlyObjectWrapper<>(this, "noteToReveal");

    /**
     * An Enterprise Status note to mark and bring into sight, e.g. one a search found.
     *
     * @param tenantId  the winner tenant that holds it
     * @param writtenAt when it was written, which tells it from the tenant's other notes
     */
    public record NoteToReveal(UUID tenantId, Instant writtenAt) {
        public NoteToReveal {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(writtenAt, "writtenAt");
        }
    }

    /**
     * @param edits        saves status notes; shared with the Customer tab for one undo stack
     * @param openCustomer called with the TPID when the user opens the tenant's customer
     */
    public TenantViewModel(Workspace workspace, BackgroundTasks tasks, CustomerEdits edits, LongConsumer openCustomer) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.edits = Objects.requireNonNull(edits, "edits");
        this.openCustomer = Objects.requireNonNull(openCustomer, "openCustomer");
        // the saved note's Undo goes once the note is undone elsewhere (Ctrl+Z in the Customer tab)
        edits.versionProperty().addListener((obs, old, now) -> {
            CustomerEdits.Edit shown = lastSaved.get();
            if (shown != null && edits.latest(shown.tpid()).filter(shown::equals).isEmpty()) {
                lastSaved.set(null);
            }
        });
    }

    /**
     * Asked before another tenant is shown; answers false to stay (e.g. to keep a status being
     * written). Re-reading the same tenant never asks.
     */
    public void setLeaveGuard(BooleanSupplier guard) {
        leaveGuard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * Shows the tenant with {@code tenantId}, asking the {@link #setLeaveGuard leave guard} first
     * when another tenant shows.
     *
     * @return false when the guard kept the current tenant
     */
    public boolean open(UUID tenantId) {
        if (selected != null && !selected.equals(tenantId) && !leaveGuard.getAsBoolean()) {
            return false;
        }
        select(tenantId);
        return true;
    }

    /**
     * Shows the winner tenant {@code tenantId} for writing a new status: once it shows, the view
     * puts the focus in the new-status editor ("Add new status" in the Customer tab).
     *
     * @return false when the leave guard kept the current tenant
     */
    public boolean openForNewStatus(UUID tenantId) {
        if (!open(tenantId)) {
            return false;
        }
        editorWanted = true;
        return true;
    }

    /** Moves each time a tenant opened by {@link #openForNewStatus} shows: the view then focuses the editor. */
    public ReadOnlyIntegerProperty editorRequestProperty() {
        return editorRequest.getReadOnlyProperty();
    }

    /**
     * Saves a new Enterprise Status note on the shown winner tenant, by the signed-in user, now:
     * core validation, then the note and its outbox entry in one transaction, in the background.
     * {@code done} gets no problems once it is stored (the tenant is then read again), else what
     * is wrong, with nothing written; on the FX thread.
     */
    public void saveNote(String executiveSummary, String risks, String awareness, Consumer<List<Problem>> done) {
        TenantDetails shown = details.get();
        if (shown == null || shown.addStatus().denied()) {
            done.accept(List.of(new Problem("", shown == null ? "No tenant is shown; nothing was saved."
                    : shown.addStatus().reason())));
            return;
        }
        Tenant tenant = shown.tenant();
        Optional<String> gated = EnterpriseStatusGate.disabledReason(tenant);
        if (gated.isPresent()) {
            done.accept(List.of(new Problem("", gated.get())));
            return;
        }
        EnterpriseStatusNote note = new EnterpriseStatusNote(UUID.randomUUID(), tenant.tpid(), tenant.tenantId(),
                executiveSummary, risks, awareness, edits.userId(), edits.now());
        undoProblem.set("");
        edits.save("Enterprise Status added on " + tenant.name(), tenant.tpid(),
                new CustomerEdits.Change(List.of(note), List.of()), edit -> {
                    lastSaved.set(edit);
                    done.accept(List.of());
                    refresh();
                }, done);
    }

    /**
     * Saves the flags of the shown tenant: its Is Enterprise level (empty for "No") and its winner
     * (SLT Watchlist) flag. A flag the signed-in user may not change is refused with the reason, and
     * nothing is written. Otherwise the tenant goes through core validation and into the store with
     * its outbox entry in one transaction, like every other edit, so it reaches the server once
     * online. {@code done} gets no problems once stored (the tenant is read again), else what is
     * wrong; on the FX thread.
     */
    public void saveFlags(Optional<EnterpriseLevel> level, boolean winner, Consumer<List<Problem>> done) {
        TenantDetails shown = details.get();
        if (shown == null) {
            done.accept(List.of(new Problem("", "No tenant is shown; nothing was saved.")));
            return;
        }
        Tenant before = shown.tenant();
        List<Problem> refused = new ArrayList<>();
        if (!before.enterpriseLevel().equals(level) && shown.flags().enterprise().denied()) {
            refused.add(new Problem("enterpriseLevel", shown.flags().enterprise().reason()));
        }
        if (before.winner() != winner && shown.flags().winner().denied()) {
            refused.add(new Problem("winner", shown.flags().winner().reason()));
        }
        if (!refused.isEmpty()) {
            done.accept(refused);
            return;
        }
        Tenant after = before.withEnterpriseLevel(level).withWinner(winner);
        if (after.equals(before)) {
            done.accept(List.of());
            return;
        }
        undoProblem.set("");
        edits.save("Flags changed on " + before.name(), before.tpid(), new CustomerEdits.Change(List.of(after), List.of()),
                edit -> {
                    done.accept(List.of());
                    refresh();
                }, done);
    }

    /** Now, by the edits' clock. */
    public Instant now() {
        return edits.now();
    }

    /** Undoes the note saved last here (removes it, as an edit of its own). */
    public void undoLastSaved() {
        CustomerEdits.Edit edit = lastSaved.get();
        if (edit == null) {
            return;
        }
        lastSaved.set(null);
        edits.undo(edit, problems -> undoProblem.set("Could not undo: "
                + String.join(" ", problems.stream().map(Problem::message).toList())));
        refresh();
    }

    /** The note saved last in this tab while it can still be undone; null otherwise. */
    public ReadOnlyObjectProperty<CustomerEdits.Edit> lastSavedProperty() {
        return lastSaved.getReadOnlyProperty();
    }

    /** Why the last undo failed, for people; empty when it worked. */
    public ReadOnlyStringProperty undoProblemProperty() {
        return undoProblem.getReadOnlyProperty();
    }

    /**
     * Asks the view to mark the note written at {@code writtenAt} and bring it into sight, now or
     * once the tenant {@code tenantId} shows. Does nothing when another tenant is open (the leave
     * guard kept it); opening another tenant forgets the note.
     */
    public void revealNote(UUID tenantId, Instant writtenAt) {
        if (tenantId.equals(selected)) {
            noteToReveal.set(new NoteToReveal(tenantId, writtenAt));
        }
    }

    /** The note the view marks and brings into sight; null when none. A new request is a new value. */
    public ReadOnlyObjectProperty<NoteToReveal> noteToRevealProperty() {
        return noteToReveal.getReadOnlyProperty();
    }

    /** Shows the tenant with {@code tenantId}, without asking the leave guard. */
    public void select(UUID tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (!tenantId.equals(selected)) {
            lastSaved.set(null);
            undoProblem.set("");
            noteToReveal.set(null);
        }
        selected = tenantId;
        long mine = ++generation;
        loading.set(true);
        tasks.run(() -> TenantDetails.load(workspace, tenantId),
                loaded -> {
                    if (mine != generation) {
                        return;
                    }
                    loading.set(false);
                    if (loaded.isPresent()) {
                        details.set(loaded.get());
                        error.set("");
                        if (editorWanted) {
                            editorWanted = false;
                            editorRequest.set(editorRequest.get() + 1);
                        }
                    } else {
                        details.set(null);
                        error.set("The tenant " + tenantId + " is no longer in this workspace.");
                    }
                },
                failure -> {
                    if (mine == generation) {
                        loading.set(false);
                        error.set("The tenant could not be read from the local workspace: " + messageOf(failure));
                    }
                });
    }

    /** Reads the shown tenant again, e.g. after a sync. */
    public void refresh() {
        if (selected != null) {
            select(selected);
        }
    }

    /** Opens the customer of the shown tenant in the Customer tab. */
    public void openCustomer() {
        TenantDetails shown = details.get();
        if (shown != null) {
            openCustomer.accept(shown.tenant().tpid());
        }
    }

    public ReadOnlyObjectProperty<TenantDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What went wrong with the last load, for people; empty when it worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
