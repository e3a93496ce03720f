package ftop.sync.client;

/** How a wait for the server's changes ({@link SyncTarget#awaitChanges}) ended. */
public enum LiveOutcome {
    /** The server has something new for the workspace: pull now. */
    CHANGED,
    /** Nothing new within the wait: wait again. */
    QUIET,
    /** The server answered at once without waiting (an older server): poll at intervals instead. */
    UNSUPPORTED
}
