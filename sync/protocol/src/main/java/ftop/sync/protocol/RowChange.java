package ftop.sync.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One row as the server holds it at a revision.
 *
 * @param kind      the kind of row, {@link ftop.core.change.EntityKind#wireName()}
 * @param id        the row's id within its kind
 * @param tpid      the customer the row belongs to (0 for users)
 * @param revision  the revision of the row's last change
 * @param body      the row as a JSON object ({@link ftop.core.change.EntityCodec#toJson}); {@code null} for a
 *                  tombstone, i.e. the row was deleted at that revision
 * @param changedBy the user whose change made this revision; {@code null} when not known (a row loaded
 *                  with the server's data set, an older server), and then absent from the JSON
 * @param changedAt when that change was committed; {@code null} (absent) when not known
 */
public record RowChange(String kind, String id, long tpid, long revision, JsonNode body,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String changedBy,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Instant changedAt) {

    @JsonCreator
    public RowChange {
        // JSON null reads back as a NullNode; one form for a tombstone keeps equality and checks simple.
        body = body == null || body.isNull() || body.isMissingNode() ? null : body;
    }

    /** A row whose author and time are not known. */
    public RowChange(String kind, String id, long tpid, long revision, JsonNode body) {
        this(kind, id, tpid, revision, body, null, null);
    }

    /** True when the row was deleted. */
    public boolean deleted() {
        return body == null || body.isNull();
    }
}
