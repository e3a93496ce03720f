package ftop.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ftop.core.Json;
import ftop.core.change.FieldChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL on the {@code customer_history} tables. Callers hold the store's monitor and run inside its
 * transactions.
 */
final class HistoryTable {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final StoreDatabase db;

    HistoryTable(StoreDatabase db) {
        this.db = db;
    }

    CustomerHistory read(long tpid) throws SQLException {
        List<FieldChange> entries = new ArrayList<>();
        try (PreparedStatement st = db.connection().prepareStatement("SELECT revision, changed_at, user_id, kind, entity_id, "
                + "field, from_value, to_value FROM customer_history WHERE tpid = ? "
                + "ORDER BY revision, kind, entity_id, field")) {
            st.setLong(1, tpid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    entries.add(new FieldChange(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), json(rs.getString(7)),
                            json(rs.getString(8))));
                }
            }
        }
        try (PreparedStatement st = db.connection().prepareStatement(
                "SELECT last_revision, fetched_at FROM customer_history_fetch WHERE tpid = ?")) {
            st.setLong(1, tpid);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    return new CustomerHistory(tpid, entries, rs.getLong(1),
                            Optional.of(rs.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return new CustomerHistory(tpid, entries, 0, Optional.empty());
    }

    void add(long tpid, List<FieldChange> entries, long lastRevision, OffsetDateTime fetchedAt) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement("MERGE INTO customer_history (tpid, revision, kind, "
                + "entity_id, field, changed_at, user_id, from_value, to_value) "
                + "KEY (tpid, revision, kind, entity_id, field) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (FieldChange e : entries) {
                st.setLong(1, tpid);
                st.setLong(2, e.revision());
                st.setString(3, e.kind());
                st.setString(4, e.entityId());
                st.setString(5, e.field());
                st.setObject(6, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                st.setString(7, e.userId());
                setJson(st, 8, e.from());
                setJson(st, 9, e.to());
                st.addBatch();
                if (++pending == 1000) {
                    st.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                st.executeBatch();
            }
        }
        try (PreparedStatement st = db.connection().prepareStatement("MERGE INTO customer_history_fetch "
                + "(tpid, last_revision, fetched_at) KEY (tpid) VALUES (?, ?, ?)")) {
            st.setLong(1, tpid);
            st.setLong(2, lastRevision);
            st.setObject(3, fetchedAt);
            st.executeUpdate();
        }
    }

    void drop(long tpid) throws SQLException {
        for (String table : List.of("customer_history", "customer_history_fetch")) {
            try (PreparedStatement st = db.connection().prepareStatement("DELETE FROM " + table + " WHERE tpid = ?")) {
                st.setLong(1, tpid);
                st.executeUpdate();
            }
        }
    }

    private static void setJson(PreparedStatement st, int index, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            st.setNull(index, Types.VARCHAR);
        } else {
            st.setString(index, value.toString());
        }
    }

    private static JsonNode json(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("A cached history value is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
