package ftop.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.InvalidFieldsException;
import ftop.core.change.Mutation;
import ftop.core.store.EntityRows.StoredRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives a row's local view: its server copy with every outbox entry about it laid over it in
 * order. Conflicting fields show the server's value; the user's value waits in the entry. Runs
 * inside the caller's write.
 */
final class LocalView {

    private static final Logger LOG = LoggerFactory.getLogger(LocalView.class);

    private final StoreDatabase db;
    private final EntityRows rows;
    private final OutboxTable outbox;

    LocalView(StoreDatabase db, EntityRows rows, OutboxTable outbox) {
        this.db = db;
        this.rows = rows;
        this.outbox = outbox;
    }

    /** Derives the local view of one row again from its server copy and its outbox entries. */
    void refresh(EntityKind kind, String id) throws SQLException {
        StoredRow row = rows.storedRow(kind, id);
        Object view = row == null || row.serverBody() == null ? null : EntityCodec.fromJson(kind, row.serverBody());
        for (OutboxEntry entry : outbox.entriesFor(kind, id)) {
            view = overlay(kind, view, entry);
        }
        write(kind, id, row, view);
    }

    private static Object overlay(EntityKind kind, Object view, OutboxEntry entry) {
        Mutation mutation = entry.mutation();
        if (mutation.op() == Mutation.Op.DELETE) {
            return null;
        }
        Map<String, JsonNode> fields = new TreeMap<>(mutation.fields());
        if (entry.state() == OutboxState.CONFLICT) {
            entry.conflicts().forEach(conflict -> fields.remove(conflict.field()));
        }
        if (fields.isEmpty()) {
            return view;
        }
        try {
            if (view != null) {
                return EntityCodec.apply(view, fields);
            }
            // No row underneath: only an edit holding every field (a creation) makes a row.
            Object created = EntityCodec.entity(kind, fields);
            return fields.keySet().containsAll(EntityCodec.fields(created).keySet()) ? created : null;
        } catch (InvalidFieldsException e) {
            LOG.warn("Outbox entry {} no longer fits its {} row: {}", mutation.id(), kind.wireName(), e.getMessage());
            return view;
        }
    }

    /** Writes {@code view} (null: hidden) as the local view of a row stored as {@code row} (null: not stored). */
    void write(EntityKind kind, String id, StoredRow row, Object view) throws SQLException {
        String serverBody = row == null ? null : row.serverBody();
        if (view == null) {
            if (row == null) {
                return;
            }
            String sql = serverBody == null
                    ? "DELETE FROM entity_row WHERE kind = ? AND id = ?"
                    : "UPDATE entity_row SET local_body = NULL, local_deleted = TRUE WHERE kind = ? AND id = ?";
            try (PreparedStatement st = db.connection().prepareStatement(sql)) {
                st.setString(1, kind.wireName());
                st.setString(2, id);
                st.executeUpdate();
            }
            return;
        }
        String json = EntityCodec.toJson(view);
        String local = json.equals(serverBody) ? null : json;
        if (row == null) {
            try (PreparedStatement st = db.connection().prepareStatement(
                    "INSERT INTO entity_row (kind, id, tpid, server_revision, server_body, local_body, local_deleted) "
                            + "VALUES (?, ?, ?, 0, NULL, ?, FALSE)")) {
                st.setString(1, kind.wireName());
                st.setString(2, id);
                st.setLong(3, kind.tpidOf(view));
                st.setString(4, local);
                st.executeUpdate();
            }
        } else {
            try (PreparedStatement st = db.connection().prepareStatement(
                    "UPDATE entity_row SET tpid = ?, local_body = ?, local_deleted = FALSE WHERE kind = ? AND id = ?")) {
                st.setLong(1, kind.tpidOf(view));
                st.setString(2, local);
                st.setString(3, kind.wireName());
                st.setString(4, id);
                st.executeUpdate();
            }
        }
    }
}
