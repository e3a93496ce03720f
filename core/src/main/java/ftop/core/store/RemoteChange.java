package ftop.core.store;

import ftop.core.change.EntityKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A change someone made on the server, as a pull brought it: the row it gave its current server
 * copy, who made it and when.
 *
 * @param kind      the kind of row
 * @param id        the row's id within its kind
 * @param tpid      the customer the row belongs to
 * @param changedBy the id of the user who made the change
 * @param changedAt when the server committed it
 * @param fields    the fields (dotted names) it altered; empty when not known, e.g. the row was new here
 */
public record RemoteChange(EntityKind kind, String id, long tpid, String changedBy, Instant changedAt,
                           Set<String> fields) {

    public RemoteChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        fields = Set.copyOf(fields);
    }
}
