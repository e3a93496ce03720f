package ftop.core.store;

import ftop.core.change.FieldChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The field history of one customer as the workspace last fetched it from the server.
 *
 * @param tpid         the customer
 * @param entries      the entries, oldest revision first
 * @param lastRevision the revision the history is complete up to; the next fetch asks for what came
 *                     after it (0 when never fetched)
 * @param fetchedAt    when it was last fetched; empty when never
 */
public record CustomerHistory(long tpid, List<FieldChange> entries, long lastRevision, Optional<Instant> fetchedAt) {

    public CustomerHistory {
        entries = List.copyOf(entries);
    }
}
