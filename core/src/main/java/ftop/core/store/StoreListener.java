package ftop.core.store;

import ftop.core.change.EntityKind;
import java.util.Set;

/**
 * Told after every committed change of the store, on the thread that made it. A UI listener must
 * hand the news to its own thread; a listener must not block.
 */
@FunctionalInterface
public interface StoreListener {

    /** Rows of {@code kinds} (or the outbox entries about them) changed. */
    void onChanged(Set<EntityKind> kinds);
}
