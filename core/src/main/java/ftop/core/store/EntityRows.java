package ftop.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.InvalidFieldsException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code entity_row} table: each row's server copy and local view, read and written inside the
 * transaction the caller runs in ({@link StoreDatabase#read}, {@link StoreDatabase#write}).
 */
final class EntityRows {

    private final StoreDatabase db;

    EntityRows(StoreDatabase db) {
        this.db = db;
    }

    /** One row as stored, or null. */
    StoredRow storedRow(EntityKind kind, String id) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement(
                "SELECT tpid, server_revision, server_body, local_body, local_deleted FROM entity_row "
                        + "WHERE kind = ? AND id = ?")) {
            st.setString(1, kind.wireName());
            st.setString(2, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new StoredRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
            }
        }
    }

    /** The local view's JSON of one row, or null when the local view has no such row. */
    String visibleBody(EntityKind kind, String id) throws SQLException {
        StoredRow row = storedRow(kind, id);
        return row == null ? null : row.visibleBody();
    }

    /** The local view's JSON of the rows of {@code kind} (of one customer when {@code tpid} is not null), by id. */
    List<String> visibleBodies(EntityKind kind, Long tpid) throws SQLException {
        String sql = "SELECT COALESCE(local_body, server_body) FROM entity_row WHERE kind = ? "
                + (tpid == null ? "" : "AND tpid = ? ")
                + "AND NOT local_deleted AND COALESCE(local_body, server_body) IS NOT NULL ORDER BY id";
        try (PreparedStatement st = db.connection().prepareStatement(sql)) {
            st.setString(1, kind.wireName());
            if (tpid != null) {
                st.setLong(2, tpid);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    int visibleCount(EntityKind kind) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement(
                "SELECT COUNT(*) FROM entity_row WHERE kind = ? AND NOT local_deleted "
                        + "AND COALESCE(local_body, server_body) IS NOT NULL")) {
            st.setString(1, kind.wireName());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Sets a row's server copy (null: the server has none) at {@code revision}, unless the store
     * already holds a newer one. Leaves the local view to {@link LocalView#refresh}.
     */
    void setServerCopy(EntityKind kind, String id, long revision, Object entity) throws SQLException {
        setServerCopy(kind, id, revision, entity, null, null);
    }

    /**
     * As {@link #setServerCopy(EntityKind, String, long, Object)}, for a copy a pull brought: it keeps
     * who made its change ({@code changedBy}, null when the server did not say) and when, and which
     * fields it altered in the copy held before.
     */
    void setServerCopy(EntityKind kind, String id, long revision, Object entity, String changedBy,
                       OffsetDateTime changedAt) throws SQLException {
        StoredRow row = storedRow(kind, id);
        if (row != null && row.serverRevision() > revision) {
            return;
        }
        String json = entity == null ? null : EntityCodec.toJson(entity);
        long tpid = entity != null ? kind.tpidOf(entity) : row != null ? row.tpid() : 0;
        if (row == null) {
            try (PreparedStatement st = db.connection().prepareStatement(
                    "INSERT INTO entity_row (kind, id, tpid, server_revision, server_body, local_body, local_deleted, "
                            + "server_changed_by, server_changed_at) VALUES (?, ?, ?, ?, ?, NULL, TRUE, ?, ?)")) {
                // Hidden until the local view is derived again.
                st.setString(1, kind.wireName());
                st.setString(2, id);
                st.setLong(3, tpid);
                st.setLong(4, revision);
                st.setString(5, json);
                st.setString(6, changedBy);
                st.setObject(7, changedAt);
                st.executeUpdate();
            }
        } else {
            // The local view is derived again afterwards; keep the current one meanwhile.
            try (PreparedStatement st = db.connection().prepareStatement(
                    "UPDATE entity_row SET server_revision = ?, server_body = ?, "
                            + "local_body = CASE WHEN local_deleted THEN NULL ELSE COALESCE(local_body, server_body) END, "
                            // whose change this copy is, a pull says; none for the answer to a push
                            + "server_changed_by = ?, server_changed_at = ?, server_changed_fields = ? "
                            + "WHERE kind = ? AND id = ?")) {
                st.setLong(1, revision);
                st.setString(2, json);
                st.setString(3, changedBy);
                st.setObject(4, changedAt);
                st.setString(5, changedFields(kind, row.serverBody(), entity, changedBy));
                st.setString(6, kind.wireName());
                st.setString(7, id);
                st.executeUpdate();
            }
        }
    }

    /**
     * The fields {@code entity} alters in the server copy {@code held} (its JSON), comma-separated;
     * null when nothing will be marked (the server did not say who changed it), the row is new here,
     * or it is deleted.
     */
    static String changedFields(EntityKind kind, String held, Object entity, String changedBy) {
        if (changedBy == null || entity == null || held == null) {
            return null;
        }
        Map<String, JsonNode> was = EntityCodec.fields(EntityCodec.fromJson(kind, held));
        Map<String, JsonNode> is = EntityCodec.fields(entity);
        Set<String> names = new TreeSet<>(was.keySet());
        names.addAll(is.keySet());
        names.removeIf(name -> Objects.equals(valueOf(was.get(name)), valueOf(is.get(name))));
        return String.join(",", names);
    }

    /** A field's value with JSON null and absence alike. */
    private static JsonNode valueOf(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    /**
     * Reads a row the server sent, nested or flat JSON, and checks it is the row it claims to be.
     *
     * @throws StoreException naming the kind, id and field when the row is not valid
     */
    static Object serverEntity(EntityKind kind, String id, JsonNode body) {
        if (!body.isObject()) {
            throw new StoreException("The server sent a " + kind.wireName() + " \"" + id + "\" that is not a JSON object.");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        body.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        Object entity;
        try {
            // EntityCodec.entity takes dotted names and plain nested objects alike.
            entity = EntityCodec.entity(kind, fields);
        } catch (InvalidFieldsException | IllegalArgumentException e) {
            throw new StoreException("The server sent a " + kind.wireName() + " \"" + id + "\" that cannot be read: "
                    + e.getMessage(), e);
        }
        if (!kind.idOf(entity).equals(id)) {
            throw new StoreException("The server sent a " + kind.wireName() + " under id \"" + id
                    + "\" whose own id is \"" + kind.idOf(entity) + "\".");
        }
        return entity;
    }

    static <T> List<T> parseAll(EntityKind kind, Collection<String> bodies) {
        List<T> out = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            out.add(EntityCodec.fromJson(kind, body));
        }
        return out;
    }

    /** A row as the table holds it. */
    record StoredRow(long tpid, long serverRevision, String serverBody, String localBody, boolean localDeleted) {

        /** The local view's JSON, or null when the row is hidden locally. */
        String visibleBody() {
            if (localDeleted) {
                return null;
            }
            return localBody != null ? localBody : serverBody;
        }

        Object visible(EntityKind kind) {
            String body = visibleBody();
            return body == null ? null : EntityCodec.fromJson(kind, body);
        }
    }
}
