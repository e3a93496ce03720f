package ftop.sync.protocol;

import java.util.List;
import java.util.UUID;

/**
 * The server's answer to one mutation. A repeated mutation id gets the first answer again.
 *
 * @param id        the mutation id
 * @param outcome   applied, conflict or rejected; null when read from a newer server's outcome this
 *                  client does not know
 * @param revision  the row's revision after the outcome (the new revision when applied)
 * @param row       the current server row after the outcome; may be null when the row does not exist
 * @param conflicts the conflicting fields when the outcome is {@link Outcome#CONFLICT}, else empty
 * @param message   why it was rejected or what conflicted, for a person; null when applied
 * @param field     the field a rejection concerns, if one does
 */
public record MutationResult(UUID id, Outcome outcome, long revision, RowChange row, List<FieldConflict> conflicts,
                             String message, String field) {

    public MutationResult {
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }
}
