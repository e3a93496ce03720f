package ftop.app.workspace;

/**
 * The local edits of one customer the server has not taken yet, from the workspace's outbox.
 *
 * @param pending   edits waiting to be sent (or sent and not yet answered)
 * @param conflicts edits the server answered with a conflict or a rejection, waiting for a decision
 */
public record UnsyncedEdits(int pending, int conflicts) {

    /** Nothing waiting. */
    public static final UnsyncedEdits NONE = new UnsyncedEdits(0, 0);

    public UnsyncedEdits {
        if (pending < 0 || conflicts < 0) {
            throw new IllegalArgumentException("Counts cannot be negative: " + pending + ", " + conflicts);
        }
    }

    /** True when any edit of the customer is not yet on the server. */
    public boolean any() {
        return pending > 0 || conflicts > 0;
    }
}
