package ftop.core.assignment;

import ftop.core.assignment.BatchPreview.Line;
import ftop.core.assignment.BatchPreview.Outcome;
import ftop.core.change.Mutation;
import ftop.core.store.WorkspaceWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A batch that has been written to the local store, one step that can be undone. The mutations
 * are the outbox entries the batch made; they sync like any other edit.
 *
 * @param applied   the lines that were written (the preview's lines that write)
 * @param mutations the outbox entries written, in order
 */
public record AppliedBatch(BatchPreview applied, List<Mutation> mutations) {

    public AppliedBatch {
        mutations = List.copyOf(mutations);
    }

    /**
     * The batch that puts back what this one changed: added assignments are removed, removed ones
     * come back (under a new id, since the server may already have deleted the old one), changed
     * ones get their former scope and primary flag, handed-over ones go back to their former holder.
     */
    public BatchPreview inverse() {
        List<Line> lines = new ArrayList<>();
        for (Line line : applied.lines()) {
            switch (line.outcome()) {
                case ADDED -> lines.add(new Line(line.tpid(), line.customerName(), Outcome.REMOVED, line.after(),
                        Optional.empty(), "undo: " + line.message(), Optional.empty(), List.of()));
                case REMOVED -> {
                    Assignment gone = line.before().orElseThrow();
                    Assignment back = new Assignment(UUID.randomUUID(), gone.tpid(), gone.area(), gone.role(),
                            gone.userId(), gone.customerScope(), gone.tenantIds(), gone.primary());
                    lines.add(new Line(line.tpid(), line.customerName(), Outcome.ADDED, Optional.empty(),
                            Optional.of(back), "undo: " + line.message(), Optional.empty(), List.of()));
                }
                case CHANGED, REPLACED -> lines.add(new Line(line.tpid(), line.customerName(), line.outcome(),
                        line.after(), line.before(), "undo: " + line.message(), Optional.empty(), List.of()));
                default -> {
                    // Only written lines are kept in an applied batch.
                }
            }
        }
        return new BatchPreview("Undo: " + applied.title(), lines);
    }

    /**
     * Undoes the batch in one all-or-nothing write, which can itself be undone.
     *
     * @throws StaleBatchException when an assignment the batch wrote has been changed since; nothing is
     *                             written, so that later edit is not lost
     */
    public AppliedBatch undo(WorkspaceWrites store) {
        return BatchAssignment.apply(inverse(), store);
    }
}
