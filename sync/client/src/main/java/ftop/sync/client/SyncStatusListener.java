package ftop.sync.client;

/**
 * Receives every new {@link SyncStatus}. Called on the sync thread: a UI must hand the status over
 * to its own thread and return quickly.
 */
@FunctionalInterface
public interface SyncStatusListener {
    void onStatus(SyncStatus status);
}
