package ftop.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.store.EntityRows.StoredRow;
import ftop.core.validation.CachingValidationContext;
import ftop.core.validation.Problem;
import ftop.core.validation.ValidationContext;
import ftop.core.validation.Validator;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The user's edits: each save or delete validates, writes the local view and queues one outbox
 * entry in one transaction. See {@link LocalStore#save}, {@link LocalStore#saveAll} and
 * {@link LocalStore#delete}.
 */
final class LocalEdits {

    private final StoreDatabase db;
    private final EntityRows rows;
    private final LocalView view;
    private final OutboxTable outbox;
    private final Clock clock;
    private final Function<LocalDate, ValidationContext> contexts;

    LocalEdits(StoreDatabase db, EntityRows rows, LocalView view, OutboxTable outbox, Clock clock,
               Function<LocalDate, ValidationContext> contexts) {
        this.db = db;
        this.rows = rows;
        this.view = view;
        this.outbox = outbox;
        this.clock = clock;
        this.contexts = contexts;
    }

    Mutation save(Object entity) {
        Objects.requireNonNull(entity, "entity");
        return db.write(StoreChange.Origin.LOCAL_EDIT, touched -> {
            List<Problem> problems = new ArrayList<>();
            Mutation mutation = saveInTransaction(entity, contexts.apply(LocalDate.now(clock)), problems, touched);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            return mutation;
        });
    }

    Mutation delete(EntityKind kind, String id) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        return db.write(StoreChange.Origin.LOCAL_EDIT, touched -> deleteInTransaction(kind, id, touched));
    }

    List<Mutation> saveAll(List<?> saves, List<RowRef> deletes) {
        List<?> toSave = List.copyOf(saves);
        List<RowRef> toDelete = List.copyOf(deletes);
        return db.write(StoreChange.Origin.LOCAL_EDIT, touched -> {
            List<Problem> problems = new ArrayList<>();
            List<Mutation> mutations = new ArrayList<>();
            // One context for the whole batch: rows of a batch mostly point at the same users,
            // customers and tenants, which are then read and parsed once instead of once per row.
            CachingValidationContext context = new CachingValidationContext(contexts.apply(LocalDate.now(clock)));
            for (Object entity : toSave) {
                Mutation mutation = saveInTransaction(entity, context, problems, touched);
                if (!mutation.fields().isEmpty()) {
                    mutations.add(mutation);
                    context.written(entity);
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            for (RowRef ref : toDelete) {
                mutations.add(deleteInTransaction(ref.kind(), ref.id(), touched));
            }
            return mutations;
        });
    }

    private Mutation saveInTransaction(Object entity, ValidationContext context, List<Problem> problems,
                                       Set<EntityKind> touched) throws SQLException {
        EntityKind kind = EntityKind.of(entity);
        String id = kind.idOf(entity);
        List<Problem> found = Validator.validate(entity, context);
        StoredRow row = rows.storedRow(kind, id);
        long base = row == null ? 0 : row.serverRevision();
        if (!found.isEmpty()) {
            problems.addAll(found);
            return new Mutation(UUID.randomUUID(), kind, id, base, Mutation.Op.UPSERT, Map.of(), clock.instant());
        }
        Object current = row == null ? null : row.visible(kind);
        Map<String, JsonNode> changed = EntityCodec.diff(current, entity);
        Mutation mutation = new Mutation(UUID.randomUUID(), kind, id, base, Mutation.Op.UPSERT, changed, clock.instant());
        if (changed.isEmpty()) {
            return mutation;
        }
        List<OutboxEntry> earlier = outbox.entriesFor(kind, id);
        if (earlier.stream().allMatch(entry -> entry.state() == OutboxState.PENDING)) {
            // The local view is the server copy with the pending edits laid over it, and this
            // edit holds every field where the saved row differs from that view: laying it on
            // top gives the saved row itself. No need to replay the outbox. (Conflicting or
            // refused edits take the replay below: they are narrowed first and show partly.)
            outbox.insert(mutation);
            view.write(kind, id, row, entity);
            touched.add(kind);
            return mutation;
        }
        if (row != null && row.serverBody() != null) {
            // Only over a server copy: a refused creation must keep every field to make its row.
            supersedeProblems(earlier, changed.keySet());
        }
        outbox.insert(mutation);
        view.refresh(kind, id);
        touched.add(kind);
        return mutation;
    }

    /**
     * A new edit of a field settles that field in older conflicting or refused edits of the row:
     * the user decided again, on top of what the screen showed. Without this, "keep mine" on the
     * old edit would later overwrite the newer value.
     */
    private void supersedeProblems(List<OutboxEntry> entries, Set<String> fields) throws SQLException {
        for (OutboxEntry entry : entries) {
            if (entry.state() == OutboxState.PENDING || entry.mutation().op() != Mutation.Op.UPSERT
                    || Collections.disjoint(entry.mutation().fields().keySet(), fields)) {
                continue;
            }
            Map<String, JsonNode> rest = new TreeMap<>(entry.mutation().fields());
            rest.keySet().removeAll(fields);
            if (rest.isEmpty()) {
                outbox.delete(entry.mutation().id());
            } else {
                List<ConflictField> conflicts = entry.conflicts().stream()
                        .filter(conflict -> !fields.contains(conflict.field()))
                        .toList();
                outbox.narrow(entry.seq(), rest, conflicts);
            }
        }
    }

    private Mutation deleteInTransaction(EntityKind kind, String id, Set<EntityKind> touched) throws SQLException {
        StoredRow row = rows.storedRow(kind, id);
        if (row == null || row.visibleBody() == null) {
            throw new StoreException("There is no " + kind.wireName() + " \"" + id + "\" to delete.");
        }
        Mutation mutation = new Mutation(UUID.randomUUID(), kind, id, row.serverRevision(), Mutation.Op.DELETE,
                Map.of(), clock.instant());
        outbox.insert(mutation);
        view.refresh(kind, id);
        touched.add(kind);
        return mutation;
    }
}
