package ftop.core.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a customer's field history, as the server records it: at which revision and when
 * who changed which field of which row, from what to what. The local store keeps the entries it
 * last fetched, so trends can be drawn offline.
 *
 * @param revision the server revision the change was made at
 * @param at       when it was made (for imported figures: when they were measured)
 * @param userId   who made it
 * @param kind     the kind of row ({@link EntityKind#wireName()})
 * @param entityId the row
 * @param field    the dotted field name; "" for the deletion of the whole row
 * @param from     the value before (JSON null for a new row); for a deletion the whole row
 * @param to       the value after (JSON null when cleared, or when the row was deleted)
 */
public record FieldChange(long revision, Instant at, String userId, String kind, String entityId, String field,
                          JsonNode from, JsonNode to) {

    public FieldChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(field, "field");
        from = from == null ? NullNode.getInstance() : from;
        to = to == null ? NullNode.getInstance() : to;
    }

    /** True when this entry records the deletion of the whole row. */
    public boolean deletesRow() {
        return field.isEmpty() && to.isNull();
    }
}
