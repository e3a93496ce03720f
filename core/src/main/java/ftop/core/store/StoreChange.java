package ftop.core.store;

import ftop.core.change.EntityKind;
import java.util.Objects;
import java.util.Set;

/**
 * One committed change of the store: the kinds of rows it touched and where it came from.
 *
 * @param kinds  the kinds of rows (or of the outbox entries about them) that changed
 * @param origin who made the change
 */
public record StoreChange(Set<EntityKind> kinds, Origin origin) {

    /** Where a change of the store came from. */
    public enum Origin {
        /** A person's edit or decision: a save, a delete, keep mine / take theirs / discard. */
        LOCAL_EDIT,
        /** Sync: pulled rows, the server's answers to pushed edits, a fresh sync. */
        SYNC
    }

    public StoreChange {
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(origin, "origin");
    }
}
