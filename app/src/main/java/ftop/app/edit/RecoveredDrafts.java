package ftop.app.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ftop.app.tasks.BackgroundTasks;
import ftop.core.store.Draft;
import ftop.core.store.Drafts;

/**
 * The drafts left over from before this start (the app crashed, was killed, or the machine lost
 * power while forms were open), to be offered back: restored into their form, or discarded. They
 * stay in the workspace until one or the other, start after start.
 *
 * <p>FX thread only; reads in the background.
 */
public final class RecoveredDrafts {

    /**
     * One draft as people read it.
     *
     * @param draft    the draft
     * @param form     its form; empty when this version of the app does not know the form
     * @param customer the customer's name, or "TPID n" when it is no longer in the workspace
     */
    public record Entry(Draft draft, Optional<DraftForm> form, String customer) {

        /** e.g. "Contoso's Customer Perspective". */
        public String description() {
            String what = form.map(f -> f.describe(draft)).orElse("form \"" + draft.form() + "\"");
            return customer + (customer.endsWith("s") ? "' " : "'s ") + what;
        }
    }

    private final Optional<Drafts> drafts;
    private final BackgroundTasks tasks;
    private final DraftKeeper keeper;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    /**
     * @param drafts    the workspace's drafts; empty for a workspace without a local store
     * @param keeper    takes over the drafts found, and deletes the ones discarded
     */
    public RecoveredDrafts(Optional<Drafts> drafts, BackgroundTasks tasks, DraftKeeper keeper) {
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
    }

    /**
     * Reads the drafts kept from before, in the background, naming each customer by
     * {@code customerName} (called there too). Call once, before any form is edited.
     */
    public void load(LongFunction<Optional<String>> customerName) {
        if (drafts.isEmpty()) {
            loaded.set(true);
            return;
        }
        Drafts store = drafts.get();
        tasks.run(() -> {
                    List<Entry> found = new ArrayList<>();
                    for (Draft d : store.all()) {
                        found.add(new Entry(d, DraftForm.of(d),
                                customerName.apply(d.tpid()).orElse("TPID " + d.tpid())));
                    }
                    return found;
                },
                found -> {
                    entries.setAll(found);
                    loaded.set(true);
                },
                failure -> loaded.set(true));
    }

    /**
     * Puts a draft from before back into {@code form} when the form opens for it (its pencil is
     * clicked, its editor shows) while the draft is still waiting here: the person came back to
     * that work, and editing afresh must not write over the draft unseen. The form says it holds a
     * restored draft.
     */
    public void watch(OpenForm form) {
        form.addChangeListener(() -> {
            if (entries.isEmpty() || !form.isOpen() || form.hasUnsavedChanges()) {
                return;
            }
            form.draftKey().flatMap(key -> entries.stream().filter(e -> key.matches(e.draft())).findFirst())
                    .ifPresent(entry -> {
                        // taken off first: the restore changes the form, which tells this listener again
                        entries.remove(entry);
                        if (form.restore(entry.draft()).isPresent()) {
                            entries.add(entry);
                        } else {
                            keeper.adopt(entry.draft());
                        }
                    });
        });
    }

    /** Deletes {@code entry}'s draft: the person does not want it back. */
    public void discard(Entry entry) {
        entries.remove(entry);
        keeper.discard(entry.draft());
    }

    /** Takes {@code entry} off the list once its form holds it again (the form keeps it as its draft from now). */
    public void restored(Entry entry) {
        entries.remove(entry);
        keeper.adopt(entry.draft());
    }

    /** The drafts still to be restored or discarded, newest first. */
    public ObservableList<Entry> entries() {
        return readOnlyEntries;
    }

    /** True once the drafts were read (or could not be). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
