package ftop.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import ftop.core.change.EntityCodec;
import java.time.Instant;
import java.util.Objects;

/**
 * One field of a conflicting edit: the user's value and the value someone else saved meanwhile.
 *
 * @param field     the dotted field name
 * @param mine      the value of the local edit
 * @param theirs    the value on the server
 * @param changedBy who saved the server's value, if known (may be null)
 * @param changedAt when the server's value was saved, if known (may be null)
 */
public record ConflictField(String field, JsonNode mine, JsonNode theirs, String changedBy, Instant changedAt) {

    public ConflictField {
        Objects.requireNonNull(field, "field");
        mine = mine == null ? NullNode.getInstance() : EntityCodec.canonical(mine);
        theirs = theirs == null ? NullNode.getInstance() : EntityCodec.canonical(theirs);
    }
}
