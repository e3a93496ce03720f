package ftop.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of {@code GET /api/v1/changes}: what the caller may see that changed after {@code since}.
 *
 * @param since            the revision asked from
 * @param next             the revision to ask from next (the {@code since} of the next call)
 * @param more             true when more changes are waiting; ask again at once from {@code next}
 * @param serverRevision   the server's latest revision when the page was made
 * @param changes          rows and tombstones, in revision order
 * @param droppedCustomers customers (TPIDs) that left the caller's scope: drop everything of theirs
 * @param serverId         the server database's id (a UUID); revisions only mean something with it, so a
 *                         client that synced from another id must sync afresh from revision 0
 * @param nextEpoch        the epoch of the server's revision history that revision {@code next} belongs to
 *                         (null for revision 0, or from a server that has none): send it back as
 *                         {@code epoch} with {@code since=next}, so that the server can tell when that
 *                         revision number now stands for another change (lost in a crash or a restore
 *                         and given out again) and answer 409 {@code resync}. Sent only to a client
 *                         that asked with {@code epoch} (even empty), so clients that know nothing of
 *                         epochs never meet the field.
 */
public record ChangesPage(long since, long next, boolean more, long serverRevision, List<RowChange> changes,
                          List<Long> droppedCustomers, String serverId,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String nextEpoch) {

    public ChangesPage {
        changes = changes == null ? List.of() : List.copyOf(changes);
        droppedCustomers = droppedCustomers == null ? List.of() : List.copyOf(droppedCustomers);
    }

    /** A page without an epoch, as servers before epochs sent it. */
    public ChangesPage(long since, long next, boolean more, long serverRevision, List<RowChange> changes,
                       List<Long> droppedCustomers, String serverId) {
        this(since, next, more, serverRevision, changes, droppedCustomers, serverId, null);
    }

    /** This page with {@code epoch} as the epoch of {@code next}. */
    public ChangesPage withNextEpoch(String epoch) {
        return new ChangesPage(since, next, more, serverRevision, changes, droppedCustomers, serverId, epoch);
    }
}
