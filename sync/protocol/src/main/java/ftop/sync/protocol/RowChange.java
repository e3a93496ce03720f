package ftop.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row as the server holds it at a revision.
 *
 * @param kind     the kind of row, {@link ftop.core.change.EntityKind#wireName()}
 * @param id       the row's id within its kind
 * @param tpid     the customer the row belongs to (0 for users)
 * @param revision the revision of the row's last change
 * @param body     the row as a JSON object ({@link ftop.core.change.EntityCodec#toJson}); {@code null} for a
 *                 tombstone, i.e. the row was deleted at that revision
 */
public record RowChange(String kind, String id, long tpid, long revision, JsonNode body) {

    public RowChange {
        // JSON null reads back as a NullNode; one form for a tombstone keeps equality and checks simple.
        body = body == null || body.isNull() || body.isMissingNode() ? null : body;
    }

    /** True when the row was deleted. */
    public boolean deleted() {
        return body == null || body.isNull();
    }
}
