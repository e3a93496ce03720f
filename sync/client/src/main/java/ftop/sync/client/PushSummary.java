package ftop.sync.client;

/**
 * What one push did.
 *
 * @param applied   edits the server accepted
 * @param conflicts edits that now wait for the user because someone else changed the same fields
 * @param rejected  edits the server refused, kept with its message for the user
 */
public record PushSummary(int applied, int conflicts, int rejected) {

    /** Number of edits the server answered. */
    public int answered() {
        return applied + conflicts + rejected;
    }
}
