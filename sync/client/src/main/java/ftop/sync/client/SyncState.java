package ftop.sync.client;

/** Where the background sync stands, as the status bar shows it. */
public enum SyncState {
    /** The last sync succeeded: the server is reachable and the session valid. */
    ONLINE,
    /** The server cannot be reached; edits are kept locally and sync is retried with back-off. */
    OFFLINE,
    /** The server is reachable but sync fails: login needed, server error or an unreadable answer. */
    FAILING,
    /** A sync is running now. */
    SYNCING
}
