package ftop.sync.client;

/** Why a sync did not complete, in the terms the status bar shows to the user. */
public enum SyncFailure {
    /** The server could not be reached: no network, server down, timeout. Retried with back-off. */
    UNREACHABLE("The server cannot be reached; your changes are kept and will be sent when it is back."),
    /** The server refused the session (401): the user must sign in again. Pending edits are kept. */
    LOGIN_NEEDED("Please sign in again; your pending changes are kept."),
    /** The server answered with an error of its own (5xx or an unexpected 4xx). */
    SERVER_ERROR("The server reported an error; your changes are kept and sync will be retried."),
    /** The server's answer could not be understood (garbage, truncated, wrong shape). Nothing was applied. */
    BAD_ANSWER("The server sent an answer that could not be read; nothing was changed locally."),
    /**
     * The server's history is not the one the workspace synced from (its data was reset or restored,
     * or the workspace now points at another server): a fresh sync runs at once, keeping every
     * unsynced edit.
     */
    RESYNCING("The server's data was reset; the workspace is being synced again and your unsynced edits are kept.");

    private final String advice;

    SyncFailure(String advice) {
        this.advice = advice;
    }

    /** A sentence a field manager can act on, for when no more specific message is at hand. */
    public String advice() {
        return advice;
    }
}
