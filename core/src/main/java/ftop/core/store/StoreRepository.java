package ftop.core.store;

import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The local view of one kind of row, read from the store's database. */
final class StoreRepository<T> implements Repository<T> {

    private final LocalStore store;
    private final EntityKind kind;

    StoreRepository(LocalStore store, EntityKind kind) {
        this.store = store;
        this.kind = kind;
    }

    @Override
    public Optional<T> get(String id) {
        Objects.requireNonNull(id, "id");
        String body = store.read(() -> store.visibleBody(kind, id));
        return body == null ? Optional.empty() : Optional.of(EntityCodec.<T>fromJson(kind, body));
    }

    @Override
    public List<T> all() {
        return LocalStore.parseAll(kind, store.read(() -> store.visibleBodies(kind, null)));
    }

    @Override
    public List<T> byTpid(long tpid) {
        return LocalStore.parseAll(kind, store.read(() -> store.visibleBodies(kind, tpid)));
    }

    @Override
    public int count() {
        return store.read(() -> store.visibleCount(kind));
    }
}
