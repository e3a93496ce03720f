package ftop.core.store;

import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.dataset.Dataset;
import ftop.core.store.EntityRows.StoredRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The sync state of the workspace: the server copies sync writes (a bulk load, pulled pages, a
 * fresh sync from another server history), the pull cursor and the server id it belongs to. Every
 * write here is a change from {@linkplain StoreChange.Origin#SYNC sync}.
 */
final class ServerCopies {

    private static final int BATCH = 1000;

    private final StoreDatabase db;
    private final EntityRows rows;
    private final LocalView view;
    private final OutboxTable outbox;
    private final HistoryTable history;

    ServerCopies(StoreDatabase db, EntityRows rows, LocalView view, OutboxTable outbox, HistoryTable history) {
        this.db = db;
        this.rows = rows;
        this.view = view;
        this.outbox = outbox;
        this.history = history;
    }

    /**
     * Replaces every row with {@code data}, as the server copy at {@code revision}, and sets the
     * pull cursor to {@code revision}. No outbox entries are written; edits already in the outbox
     * stay and stay visible on top of the new rows. One transaction, batched inserts.
     *
     * @throws StoreException when the data holds two rows with one id; nothing changed
     */
    void bulkLoad(Dataset data, long revision) {
        Objects.requireNonNull(data, "data");
        db.write(StoreChange.Origin.SYNC, touched -> {
            // the trigger stays idle for the whole set, which is then indexed at once (far cheaper than row by row)
            SearchIndexTrigger.suspended(() -> {
                try (Statement clear = db.connection().createStatement()) {
                    clear.executeUpdate("DELETE FROM entity_row");
                }
                try (PreparedStatement insert = db.connection().prepareStatement(
                        "INSERT INTO entity_row (kind, id, tpid, server_revision, server_body, local_body, local_deleted) "
                                + "VALUES (?, ?, ?, ?, ?, NULL, FALSE)")) {
                    int inBatch = 0;
                    for (Map.Entry<EntityKind, List<?>> ofKind : data.byKind().entrySet()) {
                        EntityKind kind = ofKind.getKey();
                        // In key order the primary key index only ever grows at its end: faster inserts.
                        List<Object> sorted = new ArrayList<>(ofKind.getValue());
                        sorted.sort(Comparator.comparing(kind::idOf));
                        for (Object entity : sorted) {
                            insert.setString(1, kind.wireName());
                            insert.setString(2, kind.idOf(entity));
                            insert.setLong(3, kind.tpidOf(entity));
                            insert.setLong(4, revision);
                            insert.setString(5, EntityCodec.toJson(entity));
                            insert.addBatch();
                            if (++inBatch == BATCH) {
                                insert.executeBatch();
                                inBatch = 0;
                            }
                        }
                    }
                    if (inBatch > 0) {
                        insert.executeBatch();
                    }
                }
                for (RowRef ref : outbox.rowsWithEntries()) {
                    view.refresh(ref.kind(), ref.id());
                }
                return null;
            });
            SearchIndex.indexAll(db.connection());
            setCursor(revision);
            touched.addAll(EnumSet.allOf(EntityKind.class));
            return null;
        });
    }

    /**
     * Applies one page of a pull in one transaction: customers in {@code droppedTpids} leave the
     * cache, then each row's server copy is replaced (or removed for a deleted row) unless the store
     * already holds a newer revision, and the cursor moves to {@code newCursor}. A row with edits in
     * the outbox keeps them on top: a pull never loses a local edit. Outbox entries of dropped
     * customers stay in the outbox, so the server answers them rather than them vanishing.
     *
     * @throws StoreException when a row cannot be read; nothing changed
     */
    void applyPull(List<RemoteRow> pulled, Set<Long> droppedTpids, long newCursor) {
        List<RemoteRow> page = List.copyOf(pulled);
        Set<Long> dropped = Set.copyOf(droppedTpids);
        db.write(StoreChange.Origin.SYNC, touched -> {
            if (!dropped.isEmpty()) {
                try (PreparedStatement drop = db.connection().prepareStatement(
                        "DELETE FROM entity_row WHERE kind = ? AND tpid = ?")) {
                    for (long tpid : dropped) {
                        for (EntityKind kind : EntityKind.values()) {
                            drop.setString(1, kind.wireName());
                            drop.setLong(2, tpid);
                            drop.addBatch();
                        }
                    }
                    drop.executeBatch();
                }
                for (long tpid : dropped) {
                    history.drop(tpid);
                }
                touched.addAll(EnumSet.complementOf(EnumSet.of(EntityKind.USER)));
            }
            // the page's rows are indexed together once written: far cheaper than row by row
            SearchIndexTrigger.suspended(() -> {
                Set<RowRef> withEdits = outbox.rowsWithEntries();
                List<RowRef> toRefresh = new ArrayList<>();
                try (PreparedStatement merge = db.connection().prepareStatement(
                        "MERGE INTO entity_row t USING (VALUES (CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(200)), "
                                + "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS CHARACTER VARYING), "
                                + "CAST(? AS VARCHAR(200)), CAST(? AS TIMESTAMP(9) WITH TIME ZONE), "
                                + "CAST(? AS CHARACTER VARYING))) "
                                + "AS s(kind, id, tpid, rev, body, changed_by, changed_at, changed_fields) "
                                + "ON t.kind = s.kind AND t.id = s.id "
                                + "WHEN MATCHED AND t.server_revision <= s.rev THEN UPDATE SET tpid = s.tpid, "
                                + "server_revision = s.rev, server_body = s.body, local_body = NULL, local_deleted = FALSE, "
                                + "server_changed_by = s.changed_by, server_changed_at = s.changed_at, "
                                + "server_changed_fields = s.changed_fields "
                                + "WHEN NOT MATCHED THEN INSERT (kind, id, tpid, server_revision, server_body, local_body, "
                                + "local_deleted, server_changed_by, server_changed_at, server_changed_fields) "
                                + "VALUES (s.kind, s.id, s.tpid, s.rev, s.body, NULL, FALSE, s.changed_by, s.changed_at, "
                                + "s.changed_fields)");
                     PreparedStatement tombstone = db.connection().prepareStatement(
                             "DELETE FROM entity_row WHERE kind = ? AND id = ? AND server_revision <= ?");
                     PreparedStatement held = db.connection().prepareStatement(
                             "SELECT server_body FROM entity_row WHERE kind = ? AND id = ?")) {
                    int merges = 0;
                    int tombstones = 0;
                    for (RemoteRow remote : page) {
                        touched.add(remote.kind());
                        Object entity = remote.deleted() ? null : EntityRows.serverEntity(remote.kind(), remote.id(), remote.body());
                        RowRef ref = new RowRef(remote.kind(), remote.id());
                        if (withEdits.contains(ref)) {
                            rows.setServerCopy(remote.kind(), remote.id(), remote.revision(), entity,
                                    remote.changedBy(), at(remote));
                            toRefresh.add(ref);
                        } else if (entity == null) {
                            tombstone.setString(1, remote.kind().wireName());
                            tombstone.setString(2, remote.id());
                            tombstone.setLong(3, remote.revision());
                            tombstone.addBatch();
                            if (++tombstones == BATCH) {
                                tombstone.executeBatch();
                                tombstones = 0;
                            }
                        } else {
                            merge.setString(1, remote.kind().wireName());
                            merge.setString(2, remote.id());
                            merge.setLong(3, remote.kind().tpidOf(entity));
                            merge.setLong(4, remote.revision());
                            merge.setString(5, EntityCodec.toJson(entity));
                            merge.setString(6, remote.changedBy());
                            merge.setObject(7, at(remote));
                            merge.setString(8, changedFields(held, remote, entity));
                            merge.addBatch();
                            if (++merges == BATCH) {
                                merge.executeBatch();
                                merges = 0;
                            }
                        }
                    }
                    if (merges > 0) {
                        merge.executeBatch();
                    }
                    if (tombstones > 0) {
                        tombstone.executeBatch();
                    }
                }
                for (RowRef ref : toRefresh) {
                    view.refresh(ref.kind(), ref.id());
                }
                return null;
            });
            SearchIndex.reindex(db.connection(), page.stream().map(r -> new RowRef(r.kind(), r.id())).toList());
            setCursor(newCursor);
            return null;
        });
    }

    /**
     * The fields {@code remote} alters in the server copy held now ({@link EntityRows#changedFields});
     * the copy is read only when the server said who changed the row.
     */
    private static String changedFields(PreparedStatement held, RemoteRow remote, Object entity) throws SQLException {
        if (remote.changedBy() == null || entity == null) {
            return null;
        }
        held.setString(1, remote.kind().wireName());
        held.setString(2, remote.id());
        try (ResultSet rs = held.executeQuery()) {
            return EntityRows.changedFields(remote.kind(), rs.next() ? rs.getString(1) : null, entity, remote.changedBy());
        }
    }

    private static OffsetDateTime at(RemoteRow remote) {
        return remote.changedAt() == null ? null : OffsetDateTime.ofInstant(remote.changedAt(), ZoneOffset.UTC);
    }

    /**
     * The server copies whose last change someone other than {@code userId} made at or after
     * {@code since}, newest first. Rows of the directory of people (TPID 0) are left out.
     */
    List<RemoteChange> changesByOthers(String userId, Instant since) {
        Objects.requireNonNull(userId, "userId");
        return db.read(() -> {
            List<RemoteChange> out = new ArrayList<>();
            try (PreparedStatement st = db.connection().prepareStatement(
                    "SELECT kind, id, tpid, server_changed_by, server_changed_at, server_changed_fields FROM entity_row "
                            + "WHERE server_changed_at >= ? AND server_changed_by <> ? AND tpid <> 0 "
                            + "ORDER BY server_changed_at DESC")) {
                st.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
                st.setString(2, userId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Optional<EntityKind> kind = EntityKind.fromWireName(rs.getString(1));
                        if (kind.isPresent()) {
                            String fields = rs.getString(6);
                            out.add(new RemoteChange(kind.get(), rs.getString(2), rs.getLong(3), rs.getString(4),
                                    rs.getObject(5, OffsetDateTime.class).toInstant(),
                                    fields == null || fields.isEmpty() ? Set.of() : Set.of(fields.split(","))));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Where the next pull starts: the server revision the cache is complete up to. */
    long cursor() {
        return db.read(() -> {
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT pull_cursor FROM sync_state WHERE id = 1")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The id of the server database the cursor belongs to; empty before the first page from a server that says. */
    Optional<String> serverId() {
        return db.read(() -> {
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT server_id FROM sync_state WHERE id = 1")) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Records the server database the cursor belongs to, without touching any row. */
    void adoptServerId(String serverId) {
        Objects.requireNonNull(serverId, "serverId");
        db.write(StoreChange.Origin.SYNC, touched -> {
            try (PreparedStatement st = db.connection().prepareStatement("UPDATE sync_state SET server_id = ? WHERE id = 1")) {
                st.setString(1, serverId);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** True from {@link LocalStore#beginResync} until {@link LocalStore#finishResync}: a fresh pull from revision 0 is under way. */
    boolean resyncing() {
        return db.read(() -> {
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT resyncing FROM sync_state WHERE id = 1")) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    /**
     * Starts syncing afresh from {@code serverId}, whose history is not the one the cursor came from
     * (a reset or restored database, or another server). In one transaction: the cursor goes back to
     * 0, every server copy is marked as unconfirmed (revision 0) so the fresh pull replaces it whatever
     * its new revision, and the cached field histories go. The rows stay visible meanwhile, and the
     * outbox is untouched: every unsynced edit is kept and sent again.
     *
     * @param serverId the new server's id; null when not known yet (the first page brings it)
     */
    void beginResync(String serverId) {
        db.write(StoreChange.Origin.SYNC, touched -> {
            try (Statement st = db.connection().createStatement()) {
                st.executeUpdate("UPDATE entity_row SET server_revision = 0 WHERE server_body IS NOT NULL");
                st.executeUpdate("DELETE FROM customer_history");
                st.executeUpdate("DELETE FROM customer_history_fetch");
            }
            try (PreparedStatement st = db.connection().prepareStatement(
                    "UPDATE sync_state SET pull_cursor = 0, server_id = ?, resyncing = TRUE WHERE id = 1")) {
                st.setString(1, serverId);
                st.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Ends a fresh sync once its pull is complete: server copies the pull did not confirm are rows
     * the server no longer has, and go. A row with edits in the outbox keeps them on top (a creation
     * stays as the user's new row). Nothing happens when no fresh sync is under way.
     *
     * @return how many rows the server no longer had
     */
    int finishResync() {
        return db.write(StoreChange.Origin.SYNC, touched -> {
            if (!resyncingIn()) {
                return 0;
            }
            Set<RowRef> withEdits = outbox.rowsWithEntries();
            List<RowRef> gone = new ArrayList<>();
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT kind, id FROM entity_row WHERE server_revision = 0 AND server_body IS NOT NULL")) {
                while (rs.next()) {
                    EntityKind kind = EntityKind.fromWireName(rs.getString(1)).orElseThrow();
                    gone.add(new RowRef(kind, rs.getString(2)));
                }
            }
            try (PreparedStatement unset = db.connection().prepareStatement(
                    "UPDATE entity_row SET server_body = NULL WHERE kind = ? AND id = ?");
                 PreparedStatement delete = db.connection().prepareStatement(
                         "DELETE FROM entity_row WHERE kind = ? AND id = ?")) {
                for (RowRef ref : gone) {
                    PreparedStatement st = withEdits.contains(ref) ? unset : delete;
                    st.setString(1, ref.kind().wireName());
                    st.setString(2, ref.id());
                    st.executeUpdate();
                    if (withEdits.contains(ref)) {
                        view.refresh(ref.kind(), ref.id());
                    }
                    touched.add(ref.kind());
                }
            }
            try (Statement st = db.connection().createStatement()) {
                st.executeUpdate("UPDATE sync_state SET resyncing = FALSE WHERE id = 1");
            }
            return gone.size();
        });
    }

    private boolean resyncingIn() throws SQLException {
        try (Statement st = db.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT resyncing FROM sync_state WHERE id = 1")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The server revision of the row's server copy; 0 when the server has not seen the row. */
    long revisionOf(EntityKind kind, String id) {
        return db.read(() -> {
            StoredRow row = rows.storedRow(kind, id);
            return row == null ? 0L : row.serverRevision();
        });
    }

    private void setCursor(long cursor) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement("UPDATE sync_state SET pull_cursor = ? WHERE id = 1")) {
            st.setLong(1, cursor);
            st.executeUpdate();
        }
    }
}
