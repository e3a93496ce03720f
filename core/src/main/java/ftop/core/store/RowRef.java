package ftop.core.store;

import ftop.core.change.EntityKind;
import java.util.Objects;

/**
 * Names one row: its kind and its id within that kind.
 *
 * @param kind the kind of row
 * @param id   the row's id, as {@link EntityKind#idOf(Object)} gives it
 */
public record RowRef(EntityKind kind, String id) {

    public RowRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** The reference of {@code entity}. */
    public static RowRef of(Object entity) {
        EntityKind kind = EntityKind.of(entity);
        return new RowRef(kind, kind.idOf(entity));
    }
}
