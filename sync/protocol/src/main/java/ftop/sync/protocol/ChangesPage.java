package ftop.sync.protocol;

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
 */
public record ChangesPage(long since, long next, boolean more, long serverRevision, List<RowChange> changes,
                          List<Long> droppedCustomers, String serverId) {

    public ChangesPage {
        changes = changes == null ? List.of() : List.copyOf(changes);
        droppedCustomers = droppedCustomers == null ? List.of() : List.copyOf(droppedCustomers);
    }
}
