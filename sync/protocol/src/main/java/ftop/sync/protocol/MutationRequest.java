package ftop.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One edit pushed to {@code POST /api/v1/mutations}, the wire form of a core {@link Mutation}.
 *
 * @param id           unique id of the edit, chosen by the client; the server applies it at most once
 * @param kind         {@link EntityKind#wireName()} of the row
 * @param entityId     the row's id within its kind
 * @param baseRevision the revision the edit was made on; 0 for a new row
 * @param op           {@code "UPSERT"} or {@code "DELETE"}
 * @param fields       changed fields (dotted names) and their new values; empty for a delete
 * @param clientSeq    the edit's number in its workspace (its outbox position, which never goes back), with
 *                     the batch's client id; null from clients that do not send one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MutationRequest(UUID id, String kind, String entityId, long baseRevision, String op,
                              Map<String, JsonNode> fields, Long clientSeq) {

    public MutationRequest {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** An edit without a number in its workspace. */
    public MutationRequest(UUID id, String kind, String entityId, long baseRevision, String op,
                           Map<String, JsonNode> fields) {
        this(id, kind, entityId, baseRevision, op, fields, null);
    }

    /** The wire form of a local edit. */
    public static MutationRequest of(Mutation mutation) {
        return new MutationRequest(mutation.id(), mutation.kind().wireName(), mutation.entityId(),
                mutation.baseRevision(), mutation.op().name(), mutation.fields());
    }

    /** The wire form of a local edit numbered {@code clientSeq} in its workspace. */
    public static MutationRequest of(Mutation mutation, long clientSeq) {
        return new MutationRequest(mutation.id(), mutation.kind().wireName(), mutation.entityId(),
                mutation.baseRevision(), mutation.op().name(), mutation.fields(), clientSeq);
    }

    /**
     * The core mutation this request stands for.
     *
     * @param receivedAt the time to record as the edit's creation time (the wire does not carry it)
     * @throws IllegalArgumentException naming the field when the id, kind, entity id or op is missing or unknown
     */
    public Mutation toMutation(Instant receivedAt) {
        if (id == null) {
            throw new IllegalArgumentException("A mutation needs an \"id\" (a UUID)");
        }
        EntityKind entityKind = kindOrNull();
        if (entityKind == null) {
            throw new IllegalArgumentException(kind == null
                    ? "Mutation " + id + " has no \"kind\""
                    : "Mutation " + id + " has an unknown kind \"" + kind + "\"");
        }
        if (entityId == null || entityId.isBlank()) {
            throw new IllegalArgumentException("Mutation " + id + " has no \"entityId\"");
        }
        Mutation.Op operation = opOrNull();
        if (operation == null) {
            throw new IllegalArgumentException("Mutation " + id + " has " + (op == null ? "no \"op\"" : "an unknown op \"" + op + "\"")
                    + "; expected UPSERT or DELETE");
        }
        if (baseRevision < 0) {
            throw new IllegalArgumentException("Mutation " + id + " has a negative baseRevision");
        }
        return new Mutation(id, entityKind, entityId, baseRevision, operation, fields, receivedAt);
    }

    private EntityKind kindOrNull() {
        return kind == null ? null : EntityKind.fromWireName(kind).orElse(null);
    }

    private Mutation.Op opOrNull() {
        if (op == null) {
            return null;
        }
        return Optional.of(op).filter(o -> o.equals("UPSERT") || o.equals("DELETE")).map(Mutation.Op::valueOf).orElse(null);
    }
}
