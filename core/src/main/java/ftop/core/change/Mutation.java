package ftop.core.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One local edit on its way to the server: the unit of the outbox and of {@code POST /mutations}.
 * The server applies each mutation id at most once.
 *
 * @param id           unique id of the edit, chosen by the client
 * @param kind         the kind of row edited
 * @param entityId     the row's id within its kind
 * @param baseRevision the revision of the row the edit was made on; 0 for a new row
 * @param op           upsert (create or change the given fields) or delete
 * @param fields       changed fields (dotted names) and their new values; empty for a delete
 * @param createdAt    when the user made the edit
 */
public record Mutation(
        UUID id,
        EntityKind kind,
        String entityId,
        long baseRevision,
        Op op,
        Map<String, JsonNode> fields,
        Instant createdAt) {

    /** What a mutation does to its row. */
    public enum Op {
        UPSERT,
        DELETE
    }

    public Mutation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(createdAt, "createdAt");
        Map<String, JsonNode> copy = new TreeMap<>();
        if (fields != null) {
            fields.forEach((name, value) -> copy.put(name, EntityCodec.canonical(value)));
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** A mutation that creates or changes {@code fields} of a row. */
    public static Mutation upsert(EntityKind kind, String entityId, long baseRevision, Map<String, JsonNode> fields) {
        return new Mutation(UUID.randomUUID(), kind, entityId, baseRevision, Op.UPSERT, fields, Instant.now());
    }

    /** A mutation that deletes a row. */
    public static Mutation delete(EntityKind kind, String entityId, long baseRevision) {
        return new Mutation(UUID.randomUUID(), kind, entityId, baseRevision, Op.DELETE, Map.of(), Instant.now());
    }
}
