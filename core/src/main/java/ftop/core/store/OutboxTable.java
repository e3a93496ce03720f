package ftop.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftop.core.Json;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** SQL on the {@code outbox} table. Callers hold the store's monitor and run inside its transactions. */
final class OutboxTable {

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final TypeReference<List<ConflictField>> CONFLICTS = new TypeReference<>() {
    };
    private static final String COLUMNS =
            "seq, mutation_id, kind, entity_id, base_revision, op, fields, created_at, state, message, conflicts";

    private final StoreDatabase db;

    OutboxTable(StoreDatabase db) {
        this.db = db;
    }

    void insert(Mutation mutation) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement(
                "INSERT INTO outbox (mutation_id, kind, entity_id, base_revision, op, fields, created_at, state) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setObject(1, mutation.id());
            st.setString(2, mutation.kind().wireName());
            st.setString(3, mutation.entityId());
            st.setLong(4, mutation.baseRevision());
            st.setString(5, mutation.op().name());
            st.setString(6, fieldsJson(mutation.fields()));
            st.setObject(7, OffsetDateTime.ofInstant(mutation.createdAt(), ZoneOffset.UTC));
            st.setString(8, OutboxState.PENDING.name());
            st.executeUpdate();
        }
    }

    Optional<OutboxEntry> find(UUID mutationId) throws SQLException {
        List<OutboxEntry> found = query("WHERE mutation_id = ?", st -> st.setObject(1, mutationId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<OutboxEntry> entriesFor(EntityKind kind, String entityId) throws SQLException {
        return query("WHERE kind = ? AND entity_id = ? ORDER BY seq", st -> {
            st.setString(1, kind.wireName());
            st.setString(2, entityId);
        });
    }

    List<OutboxEntry> inState(Set<OutboxState> states, int limit) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (OutboxState state : states) {
            in.append(in.length() == 0 ? "'" : ", '").append(state.name()).append('\'');
        }
        return query("WHERE state IN (" + in + ") ORDER BY seq LIMIT ?", st -> st.setInt(1, limit));
    }

    int count(OutboxState state) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = ?")) {
            st.setString(1, state.name());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Every row that has at least one entry, whatever its state. */
    Set<RowRef> rowsWithEntries() throws SQLException {
        Set<RowRef> rows = new LinkedHashSet<>();
        try (PreparedStatement st = db.connection().prepareStatement("SELECT DISTINCT kind, entity_id FROM outbox");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new RowRef(kind(rs.getString(1)), rs.getString(2)));
            }
        }
        return rows;
    }

    void markConflict(UUID mutationId, List<ConflictField> conflicts) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement(
                "UPDATE outbox SET state = ?, message = NULL, conflicts = ? WHERE mutation_id = ?")) {
            st.setString(1, OutboxState.CONFLICT.name());
            st.setString(2, MAPPER.writeValueAsString(conflicts));
            st.setObject(3, mutationId);
            st.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the conflicting fields", e);
        }
    }

    void markRejected(UUID mutationId, String message) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement(
                "UPDATE outbox SET state = ?, message = ?, conflicts = NULL WHERE mutation_id = ?")) {
            st.setString(1, OutboxState.REJECTED.name());
            st.setString(2, message);
            st.setObject(3, mutationId);
            st.executeUpdate();
        }
    }

    /**
     * Puts an entry back in the queue, in its old place, as a new mutation with {@code fields}
     * based on {@code baseRevision}.
     */
    void requeue(long seq, UUID newId, long baseRevision, Map<String, JsonNode> fields) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement(
                "UPDATE outbox SET mutation_id = ?, base_revision = ?, fields = ?, state = ?, message = NULL, "
                        + "conflicts = NULL WHERE seq = ?")) {
            st.setObject(1, newId);
            st.setLong(2, baseRevision);
            st.setString(3, fieldsJson(fields));
            st.setString(4, OutboxState.PENDING.name());
            st.setLong(5, seq);
            st.executeUpdate();
        }
    }

    /** Narrows a conflicting or refused entry to {@code fields}, keeping its state, id and base. */
    void narrow(long seq, Map<String, JsonNode> fields, List<ConflictField> conflicts) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement(
                "UPDATE outbox SET fields = ?, conflicts = CASE WHEN conflicts IS NULL THEN NULL ELSE ? END WHERE seq = ?")) {
            st.setString(1, fieldsJson(fields));
            st.setString(2, MAPPER.writeValueAsString(conflicts));
            st.setLong(3, seq);
            st.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the conflicting fields", e);
        }
    }

    void delete(UUID mutationId) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement("DELETE FROM outbox WHERE mutation_id = ?")) {
            st.setObject(1, mutationId);
            st.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private List<OutboxEntry> query(String where, Binder binder) throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement("SELECT " + COLUMNS + " FROM outbox " + where)) {
            binder.bind(st);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        }
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        Mutation mutation = new Mutation(
                rs.getObject("mutation_id", UUID.class),
                kind(rs.getString("kind")),
                rs.getString("entity_id"),
                rs.getLong("base_revision"),
                Mutation.Op.valueOf(rs.getString("op")),
                readFields(rs.getString("fields")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
        String conflicts = rs.getString("conflicts");
        try {
            return new OutboxEntry(rs.getLong("seq"), mutation, OutboxState.valueOf(rs.getString("state")),
                    Optional.ofNullable(rs.getString("message")),
                    conflicts == null ? List.of() : MAPPER.readValue(conflicts, CONFLICTS));
        } catch (JsonProcessingException e) {
            throw new SQLException("Outbox entry " + mutation.id() + " holds unreadable conflicts", e);
        }
    }

    private static EntityKind kind(String wireName) throws SQLException {
        return EntityKind.fromWireName(wireName)
                .orElseThrow(() -> new SQLException("Unknown kind of row in the outbox: " + wireName));
    }

    private static String fieldsJson(Map<String, JsonNode> fields) {
        ObjectNode node = MAPPER.createObjectNode();
        fields.forEach(node::set);
        return node.toString();
    }

    private static Map<String, JsonNode> readFields(String json) throws SQLException {
        try {
            Map<String, JsonNode> fields = new TreeMap<>();
            MAPPER.readTree(json).properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
            return fields;
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable fields in the outbox", e);
        }
    }
}
