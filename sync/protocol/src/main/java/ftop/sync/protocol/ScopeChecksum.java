package ftop.sync.protocol;

import java.util.List;

/**
 * {@code GET /api/v1/checksum}: a checksum of everything the caller may see at the revision the
 * caller last pulled up to, computed as {@link ftop.core.change.CacheChecksum} computes it.
 *
 * <p>A customer whose rows or scope changed after {@code revision} (the caller has not pulled that
 * yet) is left out of every checksum and listed in {@code unsettled}: the caller leaves it out of
 * its own checksum too, and it is checked next time.
 *
 * @param revision       the revision asked about: the caller's pull cursor
 * @param serverRevision the server's latest revision when the checksum was made
 * @param rows           the number of rows counted
 * @param checksum       the sum of their digests, 16 hex digits
 * @param buckets        the checksum of each bucket of customers holding at least one customer counted
 * @param unsettled      customers left out, changed after {@code revision}
 * @param customers      the checksum of each customer counted in the buckets asked for (empty when none were;
 *                       when some were, only their customers are counted in every field)
 */
public record ScopeChecksum(long revision, long serverRevision, long rows, String checksum,
                            List<BucketChecksum> buckets, List<Long> unsettled, List<CustomerChecksum> customers) {

    public ScopeChecksum {
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
        unsettled = unsettled == null ? List.of() : List.copyOf(unsettled);
        customers = customers == null ? List.of() : List.copyOf(customers);
    }

    /**
     * The checksum of one bucket of customers ({@link ftop.core.change.CacheChecksum#bucketOf}).
     *
     * @param bucket   0 to 255
     * @param rows     the rows counted in it
     * @param checksum the sum of their digests
     */
    public record BucketChecksum(int bucket, long rows, String checksum) {
    }

    /**
     * The checksum of one customer's rows.
     *
     * @param tpid     the customer (0: the directory of people)
     * @param rows     the rows counted
     * @param checksum the sum of their digests
     */
    public record CustomerChecksum(long tpid, long rows, String checksum) {
    }
}
