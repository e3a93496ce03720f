package ftop.app.help;

import ftop.core.store.WorkspaceReads;
import ftop.core.store.OutboxEntry;
import ftop.core.store.OutboxState;

/**
 * The workspace's edits the server has not taken yet.
 *
 * @param pending   waiting to be sent
 * @param conflicts answered with a conflict, waiting for keep mine / take theirs
 * @param rejected  refused by the server, waiting to be discarded
 */
public record EditCounts(int pending, int conflicts, int rejected) {

    /** Reads the counts from the workspace's outbox (a database read: off the FX thread). */
    public static EditCounts of(WorkspaceReads workspace) {
        int conflicts = 0;
        int rejected = 0;
        for (OutboxEntry problem : workspace.problems()) {
            if (problem.state() == OutboxState.CONFLICT) {
                conflicts++;
            } else if (problem.state() == OutboxState.REJECTED) {
                rejected++;
            }
        }
        return new EditCounts(workspace.pendingCount(), conflicts, rejected);
    }

    /** E.g. {@code 3 pending, 1 conflict, 0 rejected}. */
    public String describe() {
        return pending + " pending, " + conflicts + (conflicts == 1 ? " conflict, " : " conflicts, ") + rejected
                + " rejected";
    }
}
