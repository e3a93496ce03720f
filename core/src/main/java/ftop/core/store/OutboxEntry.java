package ftop.core.store;

import ftop.core.change.Mutation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One local edit in the outbox.
 *
 * @param seq       the order the edits were made in; pushes go in this order
 * @param mutation  the edit as it goes to the server
 * @param state     pending, conflict or rejected
 * @param message   why the server rejected the edit, when it did
 * @param conflicts the fields in conflict, when the server reported a conflict; empty otherwise
 */
public record OutboxEntry(long seq, Mutation mutation, OutboxState state, Optional<String> message,
                          List<ConflictField> conflicts) {

    public OutboxEntry {
        Objects.requireNonNull(mutation, "mutation");
        Objects.requireNonNull(state, "state");
        message = message == null ? Optional.empty() : message;
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }
}
