package ftop.app.edit;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import ftop.core.store.Draft;

/**
 * One editor the window has open, as the shell sees it when it is asked to quit: a section of the
 * health form, the contact or status editor, the forecast grid, an assignment dialog. It says
 * whether it holds unsaved work and what to call it, and saves or drops that work on request.
 * Forms that keep {@linkplain DraftKeeper drafts} also hand out their values as text and take
 * them back.
 *
 * <p>Every method is called on the FX thread.
 */
public interface OpenForm {

    /** Whose work it is, as people name it: the customer ("Contoso"), or the batch edit. */
    String owner();

    /** Which form, as the window names it: "Customer Perspective", "Enterprise Status note". */
    String title();

    /** True when it holds something typed or chosen that is not saved; the leave guards ask the same. */
    boolean hasUnsavedChanges();

    /**
     * True while it is open for editing: a section after its pencil, an editor or dialog showing.
     * A draft kept from before for the same form is put back when it opens.
     */
    default boolean isOpen() {
        return hasUnsavedChanges();
    }

    /**
     * Saves what it holds as its own Save button does, in the background. Then {@code done} gets
     * true once it is stored, or false when it was refused, with each problem showing at its field
     * and the form still open; on the FX thread.
     */
    void save(Consumer<Boolean> done);

    /** Drops what it holds unsaved, as its Cancel does. */
    void discard();

    /** Brings it into view: its tab or window, scrolled to it, the focus in it. */
    void reveal();

    /**
     * Tells {@code listener} after each change of its values, and when it opens or closes or shows
     * another customer. Forms without drafts may ignore it.
     */
    default void addChangeListener(Runnable listener) {
    }

    /** Which draft it keeps now; empty when it keeps none (no drafts, or nothing shown to edit). */
    default Optional<DraftKey> draftKey() {
        return Optional.empty();
    }

    /** Its fields as typed, by field name; what a draft keeps. */
    default Map<String, String> draftValues() {
        return Map.of();
    }

    /** Its fields as they were when the edit began (the saved row), by field name. */
    default Map<String, String> draftBase() {
        return Map.of();
    }

    /**
     * Opens for editing with {@code draft}'s values, on top of the row as it is now, and shows that
     * they are a restored draft (and whether the row changed since). Only called once the form shows
     * the draft's subject ({@link #draftKey()} matches).
     *
     * @return empty once restored, or why it could not be (e.g. the customer may no longer be edited)
     */
    default Optional<String> restore(Draft draft) {
        return Optional.of("This form keeps no drafts.");
    }
}
