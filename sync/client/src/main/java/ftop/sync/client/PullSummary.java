package ftop.sync.client;

/**
 * What one pull did.
 *
 * @param pages            pages fetched and applied
 * @param rows             rows and tombstones applied
 * @param droppedCustomers customers that left the user's scope and so the workspace
 * @param cursor           the revision the workspace is now complete up to
 */
public record PullSummary(int pages, int rows, int droppedCustomers, long cursor) {
}
