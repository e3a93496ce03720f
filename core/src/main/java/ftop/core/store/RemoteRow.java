package ftop.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.change.EntityKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One row as the server sent it in a pull.
 *
 * @param kind      the kind of row
 * @param id        the row's id within its kind
 * @param tpid      the customer the row belongs to (0 for users)
 * @param revision  the server revision of the row's last change
 * @param body      the row as JSON, either nested as {@link ftop.core.change.EntityCodec#toJson} writes it
 *                  or as a flat map of dotted field names; {@code null} (or JSON null) for a deleted row
 * @param changedBy the user whose change made that revision; {@code null} when the server did not say
 * @param changedAt when the server committed that change; {@code null} when it did not say
 */
public record RemoteRow(EntityKind kind, String id, long tpid, long revision, JsonNode body, String changedBy,
                        Instant changedAt) {

    public RemoteRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** A row whose author and time the server did not say. */
    public RemoteRow(EntityKind kind, String id, long tpid, long revision, JsonNode body) {
        this(kind, id, tpid, revision, body, null, null);
    }

    /** True when the server deleted the row. */
    public boolean deleted() {
        return body == null || body.isNull() || body.isMissingNode();
    }
}
