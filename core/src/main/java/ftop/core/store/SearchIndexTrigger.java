package ftop.core.store;

import ftop.core.change.EntityKind;
import ftop.core.search.SearchKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.h2.api.Trigger;

/**
 * Keeps the {@linkplain SearchIndex search index} current with {@code entity_row}: H2 calls it
 * after each row written (created in migration V5), inside the write's transaction, so whatever
 * path writes a row (an edit, a pulled page, a bulk load, a fresh sync) the index follows it and
 * a rolled-back write leaves the index as it was. Only a change of the local view re-indexes a
 * row; a new server revision with the same body costs one comparison.
 *
 * <p>A bulk write (a bulk load) runs {@linkplain #suspended suspended}: the trigger does nothing
 * on that thread and the writer indexes the whole set itself, in key order and in batches, before
 * its transaction commits. Row by row, that set cost as much again as writing the rows.
 *
 * <p>Public because H2 makes it by name; nothing else should use it.
 */
public final class SearchIndexTrigger implements Trigger {

    // entity_row's columns, in table order
    private static final int KIND = 0;
    private static final int ID = 1;
    private static final int SERVER_BODY = 4;
    private static final int LOCAL_BODY = 5;
    private static final int LOCAL_DELETED = 6;

    /** Set while the calling thread's bulk write indexes its rows itself; H2 fires on the writing thread. */
    private static final ThreadLocal<Boolean> SUSPENDED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Runs {@code work} with the trigger idle on this thread. The caller must bring the index up to
     * date with every row it wrote (e.g. {@link SearchIndex#indexAll}) in the same transaction.
     */
    static <R> R suspended(StoreDatabase.SqlRead<R> work) throws SQLException {
        boolean before = SUSPENDED.get();
        SUSPENDED.set(Boolean.TRUE);
        try {
            return work.run();
        } finally {
            SUSPENDED.set(before);
        }
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        // nothing to prepare: the statements are H2's to cache per session
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (SUSPENDED.get()) {
            return;
        }
        Object[] any = newRow != null ? newRow : oldRow;
        Optional<EntityKind> kind = EntityKind.fromWireName((String) any[KIND]);
        Optional<SearchKind> searched = kind.flatMap(SearchDocument::searchKind);
        if (searched.isEmpty()) {
            return;
        }
        String oldBody = visibleBody(oldRow);
        String newBody = visibleBody(newRow);
        if (oldRow != null && newRow != null && oldRow[ID].equals(newRow[ID]) && Objects.equals(oldBody, newBody)) {
            return;
        }
        if (oldRow != null) {
            SearchIndex.remove(conn, searched.get(), (String) oldRow[ID]);
        }
        if (newBody != null) {
            Optional<SearchDocument> doc = SearchIndex.document(kind.get(), newBody);
            if (doc.isPresent()) {
                SearchIndex.add(conn, doc.get());
            }
        }
    }

    private static String visibleBody(Object[] row) {
        if (row == null || Boolean.TRUE.equals(row[LOCAL_DELETED])) {
            return null;
        }
        return row[LOCAL_BODY] != null ? (String) row[LOCAL_BODY] : (String) row[SERVER_BODY];
    }
}
