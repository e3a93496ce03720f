package ftop.sync.protocol;

import java.util.List;

/**
 * {@code GET /api/v1/customers/{tpid}/rows}: every live row of a customer the caller may see now,
 * to repair a cached copy that turned out to differ from the server's.
 *
 * @param tpid           the customer (0: the directory of people)
 * @param serverRevision the server's latest revision when the rows were read
 * @param inScope        false when the caller may not see the customer (then {@code rows} is empty:
 *                       a cached copy of it should go)
 * @param rows           the rows, each at the revision of its last change; never tombstones
 */
public record CustomerRows(long tpid, long serverRevision, boolean inScope, List<RowChange> rows) {

    public CustomerRows {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
