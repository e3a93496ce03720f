package ftop.core.store;

import ftop.core.change.CacheChecksum;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The workspace's side of the cache check: a checksum over the server copies, computed as the
 * server computes its own ({@link CacheChecksum}), and the repair of a customer whose copies
 * turned out to differ from the server's rows. Local edits are never part of either: the outbox is
 * not touched, and the local view of every repaired row is derived again with its edits on top.
 */
final class ServerCopyRepair {

    /** One server copy as stored, read in one go and hashed after, outside the read. */
    private record Copy(long tpid, EntityKind kind, String id, long revision, String body) {
    }

    private final StoreDatabase db;
    private final LocalView view;
    private final OutboxTable outbox;

    ServerCopyRepair(StoreDatabase db, LocalView view, OutboxTable outbox) {
        this.db = db;
        this.view = view;
        this.outbox = outbox;
    }

    /**
     * The checksum of every server copy, with the cursor they are complete up to. The rows are read
     * in one read (which holds other readers off only that long) and hashed after it.
     */
    CacheSnapshot snapshot() {
        record Read(long cursor, List<Copy> copies) {
        }
        Read read = db.read(() -> {
            long cursor;
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT pull_cursor FROM sync_state WHERE id = 1")) {
                cursor = rs.next() ? rs.getLong(1) : 0L;
            }
            List<Copy> copies = new ArrayList<>();
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT tpid, kind, id, server_revision, server_body FROM entity_row "
                         + "WHERE server_body IS NOT NULL")) {
                while (rs.next()) {
                    EntityKind kind = EntityKind.fromWireName(rs.getString(2)).orElse(null);
                    if (kind != null) {
                        copies.add(new Copy(rs.getLong(1), kind, rs.getString(3), rs.getLong(4), rs.getString(5)));
                    }
                }
            }
            return new Read(cursor, copies);
        });
        CacheChecksum checksum = new CacheChecksum();
        for (Copy copy : read.copies()) {
            checksum.add(copy.tpid(), copy.kind(), copy.id(), copy.revision(), copy.body());
        }
        return new CacheSnapshot(read.cursor(), checksum);
    }

    /**
     * Makes the server copies of customer {@code tpid} exactly {@code rows}, in one transaction:
     * each row's copy is replaced whatever revision the workspace holds, and a copy of the customer
     * the server no longer has goes (a row with edits in the outbox keeps them, as a new row when
     * they hold every field). The pull cursor does not move.
     *
     * @return how many rows were written, replaced or removed
     * @throws StoreException when a row cannot be read; nothing changed
     */
    int repair(long tpid, List<RemoteRow> rows) {
        List<RemoteRow> truth = List.copyOf(rows);
        return db.write(StoreChange.Origin.SYNC, touched -> SearchIndexTrigger.suspended(() -> {
            Set<RowRef> withEdits = outbox.rowsWithEntries();
            Map<RowRef, Object> wanted = new HashMap<>();
            for (RemoteRow remote : truth) {
                if (!remote.deleted()) {
                    wanted.put(new RowRef(remote.kind(), remote.id()),
                            EntityRows.serverEntity(remote.kind(), remote.id(), remote.body()));
                }
            }
            Map<RowRef, String> held = new HashMap<>();
            try (PreparedStatement st = db.connection().prepareStatement(
                    "SELECT kind, id, server_body, server_revision FROM entity_row WHERE tpid = ? AND server_body IS NOT NULL")) {
                st.setLong(1, tpid);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        EntityKind kind = EntityKind.fromWireName(rs.getString(1)).orElse(null);
                        if (kind != null) {
                            held.put(new RowRef(kind, rs.getString(2)), rs.getLong(4) + "\n" + rs.getString(3));
                        }
                    }
                }
            }
            List<RowRef> changed = new ArrayList<>();
            Set<RowRef> seen = new HashSet<>();
            for (RemoteRow remote : truth) {
                RowRef ref = new RowRef(remote.kind(), remote.id());
                Object entity = wanted.get(ref);
                if (entity == null || !seen.add(ref)) {
                    continue;
                }
                String json = EntityCodec.toJson(entity);
                if (Objects.equals(held.get(ref), remote.revision() + "\n" + json) && !withEdits.contains(ref)) {
                    continue;
                }
                write(ref, remote.kind().tpidOf(entity), remote.revision(), json);
                changed.add(ref);
            }
            try (PreparedStatement unset = db.connection().prepareStatement(
                    "UPDATE entity_row SET server_body = NULL, server_revision = 0 WHERE kind = ? AND id = ?");
                 PreparedStatement delete = db.connection().prepareStatement(
                         "DELETE FROM entity_row WHERE kind = ? AND id = ?")) {
                for (RowRef ref : held.keySet()) {
                    if (wanted.containsKey(ref)) {
                        continue;
                    }
                    PreparedStatement st = withEdits.contains(ref) ? unset : delete;
                    st.setString(1, ref.kind().wireName());
                    st.setString(2, ref.id());
                    st.executeUpdate();
                    changed.add(ref);
                }
            }
            for (RowRef ref : changed) {
                if (withEdits.contains(ref)) {
                    view.refresh(ref.kind(), ref.id());
                }
                touched.add(ref.kind());
            }
            SearchIndex.reindex(db.connection(), changed);
            return changed.size();
        }));
    }

    /** Sets a row's server copy and, without edits on top, its local view to it. */
    private void write(RowRef ref, long tpid, long revision, String json) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement(
                "MERGE INTO entity_row t USING (VALUES (CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(200)), "
                        + "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS CHARACTER VARYING))) "
                        + "AS s(kind, id, tpid, rev, body) ON t.kind = s.kind AND t.id = s.id "
                        + "WHEN MATCHED THEN UPDATE SET tpid = s.tpid, server_revision = s.rev, server_body = s.body, "
                        + "local_body = NULL, local_deleted = FALSE "
                        + "WHEN NOT MATCHED THEN INSERT (kind, id, tpid, server_revision, server_body, local_body, "
                        + "local_deleted) VALUES (s.kind, s.id, s.tpid, s.rev, s.body, NULL, FALSE)")) {
            st.setString(1, ref.kind().wireName());
            st.setString(2, ref.id());
            st.setLong(3, tpid);
            st.setLong(4, revision);
            st.setString(5, json);
            st.executeUpdate();
        }
    }
}
