package ftop.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The local edits not yet accepted by the server, oldest first. The sync client pushes
 * {@link #pending(int)} and records each answer with a {@code mark} method; the user settles
 * {@link #problems()} with {@link #keepMine}, {@link #takeTheirs} or {@link #discard}.
 *
 * <p>Every method runs in one transaction of the store and notifies its listeners. The
 * {@code mark} methods ignore a mutation id that is no longer in the outbox, so recording the
 * same answer twice (after a retried push) is harmless. The user actions throw
 * {@link StoreException} for an unknown id.
 */
public interface Outbox {

    /** Up to {@code limit} pending entries, oldest first. */
    List<OutboxEntry> pending(int limit);

    /** How many entries wait to be pushed. */
    int pendingCount();

    /** Entries the server answered with a conflict or a rejection, oldest first. */
    List<OutboxEntry> problems();

    /**
     * The server applied the edit: the row's server copy becomes {@code serverRow} at
     * {@code newRevision} (unless the store already holds a newer revision) and the entry leaves
     * the outbox.
     *
     * @param serverRow the row after the edit, nested or flat JSON; null when the edit deleted it
     */
    void markApplied(UUID mutationId, long newRevision, JsonNode serverRow);

    /**
     * The server found {@code fields} changed by someone else. The server copy is updated; the
     * local view shows the server's value for those fields and keeps the user's other changes;
     * the user's values stay in the entry until the user decides.
     */
    void markConflict(UUID mutationId, List<ConflictField> fields, long serverRevision, JsonNode serverRow);

    /** The server refused the edit; it stays, with {@code message}, until the user decides. */
    void markRejected(UUID mutationId, String message);

    /**
     * Records several answers of the server in one transaction, in order, each as its
     * {@code mark} method would. A whole push answer costs one commit instead of one per edit.
     * Answers for mutation ids no longer in the outbox are ignored, as with the {@code mark} methods.
     *
     * @throws StoreException when a server row cannot be read; then no answer was recorded
     */
    void settle(List<Answer> answers);

    /** One answer of the server about one sent edit, for {@link #settle(List)}. */
    sealed interface Answer {

        /** The edit the answer is about. */
        UUID mutationId();

        /** As {@link Outbox#markApplied}. */
        record Applied(UUID mutationId, long newRevision, JsonNode serverRow) implements Answer {
            public Applied {
                Objects.requireNonNull(mutationId, "mutationId");
            }
        }

        /** As {@link Outbox#markConflict}. */
        record Conflict(UUID mutationId, List<ConflictField> fields, long serverRevision, JsonNode serverRow)
                implements Answer {
            public Conflict {
                Objects.requireNonNull(mutationId, "mutationId");
                fields = List.copyOf(fields);
            }
        }

        /** As {@link Outbox#markRejected}. */
        record Rejected(UUID mutationId, String message) implements Answer {
            public Rejected {
                Objects.requireNonNull(mutationId, "mutationId");
            }
        }
    }

    /**
     * Sends the user's edit again, based on the server's current revision, under a new mutation id
     * (the server remembers the old id's answer).
     */
    void keepMine(UUID mutationId);

    /**
     * Gives up the user's values for the conflicting fields; the entry's other fields are sent
     * again on top of the server's revision. For a rejected edit this is the same as discard.
     */
    void takeTheirs(UUID mutationId);

    /** Drops the edit: the local row goes back to the server copy plus the other edits. */
    void discard(UUID mutationId);
}
