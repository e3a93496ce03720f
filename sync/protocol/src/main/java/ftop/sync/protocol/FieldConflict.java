package ftop.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;

/**
 * A field the caller changed that someone else changed since the caller's base revision.
 *
 * @param field     the dotted field name
 * @param mine      the value the caller sent
 * @param theirs    the value the server holds now
 * @param changedBy the user who last changed it on the server
 * @param changedAt when they changed it
 */
public record FieldConflict(String field, JsonNode mine, JsonNode theirs, String changedBy, Instant changedAt) {

    public FieldConflict {
        // JSON null always reads back as NullNode; one form keeps equality across the wire.
        mine = mine == null ? NullNode.getInstance() : mine;
        theirs = theirs == null ? NullNode.getInstance() : theirs;
    }
}
