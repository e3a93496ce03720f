package ftop.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The store's {@link Outbox}: each operation is one transaction of the store. */
final class LocalOutbox implements Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(LocalOutbox.class);

    private final StoreDatabase db;
    private final EntityRows rows;
    private final LocalView view;
    private final OutboxTable table;

    LocalOutbox(StoreDatabase db, EntityRows rows, LocalView view, OutboxTable table) {
        this.db = db;
        this.rows = rows;
        this.view = view;
        this.table = table;
    }

    @Override
    public List<OutboxEntry> pending(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return db.read(() -> table.inState(EnumSet.of(OutboxState.PENDING), limit));
    }

    @Override
    public int pendingCount() {
        return db.read(() -> table.count(OutboxState.PENDING));
    }

    @Override
    public List<OutboxEntry> problems() {
        return db.read(() -> table.inState(EnumSet.of(OutboxState.CONFLICT, OutboxState.REJECTED), Integer.MAX_VALUE));
    }

    @Override
    public void markApplied(UUID mutationId, long newRevision, JsonNode serverRow) {
        settle(List.of(new Answer.Applied(mutationId, newRevision, serverRow)));
    }

    @Override
    public void markConflict(UUID mutationId, List<ConflictField> fields, long serverRevision, JsonNode serverRow) {
        settle(List.of(new Answer.Conflict(mutationId, fields, serverRevision, serverRow)));
    }

    @Override
    public void markRejected(UUID mutationId, String message) {
        settle(List.of(new Answer.Rejected(mutationId, message)));
    }

    @Override
    public void settle(List<Answer> answers) {
        List<Answer> all = List.copyOf(answers);
        if (all.isEmpty()) {
            return;
        }
        db.write(StoreChange.Origin.SYNC, touched -> {
            for (Answer answer : all) {
                record(answer, touched);
            }
            return null;
        });
    }

    private void record(Answer answer, Set<EntityKind> touched) throws SQLException {
        Optional<OutboxEntry> found = sentEntry(answer.mutationId());
        if (found.isEmpty()) {
            return;
        }
        Mutation mutation = found.get().mutation();
        if (answer instanceof Answer.Applied applied) {
            setServerCopy(mutation, applied.newRevision(), applied.serverRow());
            table.delete(applied.mutationId());
            view.refresh(mutation.kind(), mutation.entityId());
        } else if (answer instanceof Answer.Conflict conflict) {
            setServerCopy(mutation, conflict.serverRevision(), conflict.serverRow());
            table.markConflict(conflict.mutationId(), conflict.fields());
            view.refresh(mutation.kind(), mutation.entityId());
        } else if (answer instanceof Answer.Rejected rejected) {
            String message = rejected.message();
            table.markRejected(rejected.mutationId(), message == null || message.isBlank()
                    ? "The server refused this change." : message);
        }
        touched.add(mutation.kind());
    }

    @Override
    public void keepMine(UUID mutationId) {
        db.write(StoreChange.Origin.LOCAL_EDIT, touched -> {
            OutboxEntry entry = problemEntry(mutationId);
            Mutation mutation = entry.mutation();
            long base = currentRevision(mutation.kind(), mutation.entityId());
            table.requeue(entry.seq(), UUID.randomUUID(), base, mutation.fields());
            view.refresh(mutation.kind(), mutation.entityId());
            touched.add(mutation.kind());
            return null;
        });
    }

    @Override
    public void takeTheirs(UUID mutationId) {
        db.write(StoreChange.Origin.LOCAL_EDIT, touched -> {
            OutboxEntry entry = problemEntry(mutationId);
            Mutation mutation = entry.mutation();
            Map<String, JsonNode> rest = new TreeMap<>(mutation.fields());
            entry.conflicts().forEach(conflict -> rest.remove(conflict.field()));
            boolean keepRest = entry.state() == OutboxState.CONFLICT && mutation.op() == Mutation.Op.UPSERT
                    && !rest.isEmpty();
            if (keepRest) {
                // The user's other fields were never in conflict: they go up again, not lost.
                long base = currentRevision(mutation.kind(), mutation.entityId());
                table.requeue(entry.seq(), UUID.randomUUID(), base, rest);
            } else {
                table.delete(mutationId);
            }
            view.refresh(mutation.kind(), mutation.entityId());
            touched.add(mutation.kind());
            return null;
        });
    }

    @Override
    public void discard(UUID mutationId) {
        db.write(StoreChange.Origin.LOCAL_EDIT, touched -> {
            OutboxEntry entry = table.find(Objects.requireNonNull(mutationId, "mutationId"))
                    .orElseThrow(() -> unknown(mutationId));
            Mutation mutation = entry.mutation();
            table.delete(mutationId);
            view.refresh(mutation.kind(), mutation.entityId());
            touched.add(mutation.kind());
            return null;
        });
    }

    /** The entry the sync client reports on; absent when it was already settled (a repeated answer). */
    private Optional<OutboxEntry> sentEntry(UUID mutationId) throws SQLException {
        Optional<OutboxEntry> found = table.find(Objects.requireNonNull(mutationId, "mutationId"));
        if (found.isEmpty()) {
            LOG.info("Mutation {} is no longer in the outbox; its answer was already recorded", mutationId);
        }
        return found;
    }

    private OutboxEntry problemEntry(UUID mutationId) throws SQLException {
        OutboxEntry entry = table.find(Objects.requireNonNull(mutationId, "mutationId"))
                .orElseThrow(() -> unknown(mutationId));
        if (entry.state() == OutboxState.PENDING) {
            throw new StoreException("This change is still waiting to be sent; only a conflicting or refused change "
                    + "can be kept or given up.");
        }
        return entry;
    }

    private static StoreException unknown(UUID mutationId) {
        return new StoreException("The change " + mutationId + " is no longer waiting; it may have been sent or "
                + "settled already.");
    }

    private long currentRevision(EntityKind kind, String id) throws SQLException {
        EntityRows.StoredRow row = rows.storedRow(kind, id);
        return row == null ? 0 : row.serverRevision();
    }

    private void setServerCopy(Mutation mutation, long revision, JsonNode serverRow) throws SQLException {
        boolean deleted = serverRow == null || serverRow.isNull() || serverRow.isMissingNode();
        Object entity = deleted ? null : EntityRows.serverEntity(mutation.kind(), mutation.entityId(), serverRow);
        rows.setServerCopy(mutation.kind(), mutation.entityId(), revision, entity);
    }
}
