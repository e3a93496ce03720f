package ftop.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import ftop.core.change.FieldChange;
import java.time.Instant;

/**
 * One field change of a customer's rows, from {@code GET /api/v1/customers/{tpid}/history}.
 *
 * @param revision the revision the change was made at
 * @param at       when
 * @param userId   who
 * @param kind     the kind of row ({@link ftop.core.change.EntityKind#wireName()})
 * @param entityId the row
 * @param field    the dotted field name
 * @param from     the value before (JSON null for a new row); for a deletion (field "") the whole row
 * @param to       the value after (JSON null when cleared, or when the row was deleted)
 */
public record HistoryEntry(long revision, Instant at, String userId, String kind, String entityId, String field,
                           JsonNode from, JsonNode to) {

    public HistoryEntry {
        // JSON null always reads back as NullNode; one form keeps equality across the wire.
        from = from == null ? NullNode.getInstance() : from;
        to = to == null ? NullNode.getInstance() : to;
    }

    /** The entry as the local store keeps it. */
    public FieldChange toFieldChange() {
        return new FieldChange(revision, at, userId, kind, entityId, field, from, to);
    }
}
