package ftop.core.store;

import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The local view of one kind of row, read from the store's database. */
final class StoreRepository<T> implements Repository<T> {

    private final StoreDatabase db;
    private final EntityRows rows;
    private final EntityKind kind;

    StoreRepository(StoreDatabase db, EntityRows rows, EntityKind kind) {
        this.db = db;
        this.rows = rows;
        this.kind = kind;
    }

    @Override
    public Optional<T> get(String id) {
        Objects.requireNonNull(id, "id");
        String body = db.read(() -> rows.visibleBody(kind, id));
        return body == null ? Optional.empty() : Optional.of(EntityCodec.<T>fromJson(kind, body));
    }

    @Override
    public List<T> all() {
        return EntityRows.parseAll(kind, db.read(() -> rows.visibleBodies(kind, null)));
    }

    @Override
    public List<T> byTpid(long tpid) {
        return EntityRows.parseAll(kind, db.read(() -> rows.visibleBodies(kind, tpid)));
    }

    @Override
    public int count() {
        return db.read(() -> rows.visibleCount(kind));
    }
}
