package ftop.core.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import ftop.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * The entries a change of one row records: one per field that differs between {@code before}
     * and {@code after} ({@code before} null: a new row, whose empty fields are left out), or one
     * for the whole row (field "") when {@code after} is null. The one place that decides what a
     * change leaves in the history.
     */
    public static List<FieldChange> between(long revision, Instant at, String userId, EntityKind kind, String entityId,
            Object before, Object after) {
        List<FieldChange> out = new ArrayList<>();
        if (after == null) {
            out.add(new FieldChange(revision, at, userId, kind.wireName(), entityId, "",
                    Json.mapper().valueToTree(before), null));
            return out;
        }
        Map<String, JsonNode> old = before == null ? Map.of() : EntityCodec.fields(before);
        EntityCodec.diff(before, after).forEach((field, value) -> {
            if (before == null && value.isNull()) {
                return;
            }
            out.add(new FieldChange(revision, at, userId, kind.wireName(), entityId, field, old.get(field), value));
        });
        return out;
    }

    /** True when this entry records the deletion of the whole row. */
    public boolean deletesRow() {
        return field.isEmpty() && to.isNull();
    }
}
