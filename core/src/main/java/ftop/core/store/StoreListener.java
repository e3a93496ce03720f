package ftop.core.store;

/**
 * Told after every committed change of the store, on the thread that made it. A UI listener must
 * hand the news to its own thread; a listener must not block.
 */
@FunctionalInterface
public interface StoreListener {

    /** Rows of {@code change.kinds()} (or the outbox entries about them) changed. */
    void onChanged(StoreChange change);
}
