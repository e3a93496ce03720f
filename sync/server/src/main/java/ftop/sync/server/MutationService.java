package ftop.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import ftop.core.assignment.Assignment;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.InvalidFieldsException;
import ftop.core.change.Mutation;
import ftop.core.customer.Customer;
import ftop.core.permission.CustomerAccess;
import ftop.core.permission.Decision;
import ftop.core.permission.Permissions;
import ftop.core.user.User;
import ftop.core.validation.Problem;
import ftop.core.validation.Validator;
import ftop.sync.protocol.FieldConflict;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.Outcome;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.protocol.RowChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Applies pushed mutations: each exactly once, permission-checked, re-validated with the core
 * rules and merged field by field.
 *
 * <ul>
 *   <li>A mutation id already applied or rejected gets its first answer again and changes
 *       nothing. A conflict is not remembered: nothing changed, and the client may send the same
 *       edit again on a newer base revision once the user chose to keep theirs.</li>
 *   <li>Only the fields a mutation names are written, so fields others changed since the base
 *       revision are kept (merge). A named field that someone else changed since the base
 *       revision, to a different value, is a conflict: nothing of the mutation is applied.</li>
 *   <li>A batch is one transaction. A mutation that is malformed (unknown kind, field or choice,
 *       wrong type, bad date, incomplete new row) fails the whole batch with a 400 and nothing
 *       changes; a rule or permission failure only rejects that mutation.</li>
 *   <li>Batches pushed at the same time share a transaction (group commit): one commit, and one
 *       hold of the revision lock, for all of them. Each runs in a savepoint of its own, so a
 *       malformed batch fails alone; if the commit fails, every batch of the group fails and is
 *       sent again, so each is still applied exactly once.</li>
 * </ul>
 */
final class MutationService {

    /** The most batches one transaction takes: enough to share a commit, few enough to answer soon. */
    private static final int GROUP_LIMIT = 64;
    /** Who "changed" a field, in a conflict found where the history since the base revision was pruned. */
    static final String PRUNED_HISTORY = "(history pruned)";

    private final Database db;
    private final Clock clock;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock(true);
    /** Well-formed batches taken in and not answered yet. */
    private final AtomicInteger unanswered = new AtomicInteger();

    MutationService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Applies {@code requests} for {@code caller}, in order, and answers each (from a client that does not name itself). */
    List<MutationResult> apply(User caller, List<MutationRequest> requests) throws SQLException {
        return apply(caller, new MutationBatch(requests));
    }

    /**
     * Applies the batch's mutations for {@code caller}, in order, and answers each; with the batch's
     * client id, raises that desktop's high-water mark ({@link ClientMarks}) in the same transaction.
     */
    List<MutationResult> apply(User caller, MutationBatch batch) throws SQLException {
        List<MutationRequest> requests = batch.mutations();
        ClientBatch client = ClientBatch.of(batch);
        Instant now = clock.instant();
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            MutationRequest request = requests.get(i);
            if (request == null) {
                throw ApiException.badRequest("mutations[" + i + "] is null", "mutations[" + i + "]");
            }
            try {
                mutations.add(request.toMutation(now));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("mutations[" + i + "]: " + e.getMessage(), "mutations[" + i + "]");
            }
        }
        LocalDate today = LocalDate.ofInstant(now, ServerValidationContext.EARLIEST_ZONE);
        Pending mine = new Pending(caller, mutations, client, now, today);
        unanswered.incrementAndGet();
        try {
            queue.add(mine);
            // Group commit: whoever holds the writer applies every batch waiting by then in one
            // transaction; the others find theirs done when their turn comes.
            writer.lock();
            try {
                while (!mine.done) {
                    applyGroup();
                }
            } finally {
                writer.unlock();
            }
            return mine.answer();
        } finally {
            unanswered.decrementAndGet();
        }
    }

    /** Well-formed batches taken in and not answered yet (tests line up concurrent pushes with it). */
    int unanswered() {
        return unanswered.get();
    }

    /** Applies the batches waiting now (at most {@link #GROUP_LIMIT}) in one transaction. */
    private void applyGroup() {
        List<Pending> group = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = group.size() < GROUP_LIMIT ? queue.poll() : null) {
            group.add(p);
        }
        try {
            db.inRevisionTransaction(c -> {
                for (Pending batch : group) {
                    // Each batch in a savepoint: a malformed one fails alone, the others still commit.
                    Savepoint savepoint = c.setSavepoint();
                    try {
                        batch.results = applyBatch(c, batch);
                    } catch (SQLException | RuntimeException e) {
                        c.rollback(savepoint);
                        batch.failure = e;
                    }
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            // Nothing was committed: every batch of the group fails, and its client sends it again.
            for (Pending batch : group) {
                batch.results = null;
                if (batch.failure == null) {
                    batch.failure = e;
                }
            }
        }
        for (Pending batch : group) {
            batch.done = true;
        }
    }

    private List<MutationResult> applyBatch(Connection c, Pending batch) throws SQLException {
        List<MutationResult> results = new ArrayList<>();
        ServerValidationContext context = new ServerValidationContext(c, batch.today);
        List<Mutation> mutations = batch.mutations;
        User caller = batch.caller;
        ClientBatch client = batch.client;
        Optional<Long> mark = client == null ? Optional.empty() : ClientMarks.ackedBelow(c, caller.userId(), client.id());
        if (mark.isPresent() && client.ackedBelow() < mark.get()) {
            // A desktop's mark only ever rises, so this desktop went back in time: its workspace was
            // restored from a copy, or copied to a second laptop. Its numbers may now name new edits
            // as well as ones processed before; neither may be answered from the mark.
            throw ApiException.clientBehind("This workspace numbers its edits below what the server has already "
                    + "acknowledged from it (" + client.ackedBelow() + " < " + mark.get() + "), as a workspace "
                    + "restored from a copy does. It must send them under a new client id.");
        }
        Retention.Marks pruned = Retention.Marks.read(c);
        for (int i = 0; i < mutations.size(); i++) {
            Mutation m = mutations.get(i);
            Optional<MutationResult> earlier = earlierResult(c, m.id(), caller.userId());
            if (earlier.isPresent()) {
                results.add(earlier.get());
                continue;
            }
            Long seq = client == null ? null : client.seqs().get(i);
            MutationResult result;
            try {
                result = applyOne(c, caller, m, context, batch.now, pruned);
            } catch (InvalidFieldsException e) {
                throw ApiException.badRequest("mutations[" + i + "] (" + m.kind().wireName() + " " + m.entityId()
                        + "): " + e.getMessage(), e.field().isEmpty() ? "mutations[" + i + "]" : e.field());
            }
            if (result.outcome() != Outcome.CONFLICT) {
                remember(c, caller.userId(), result, batch.now, client == null ? null : client.id(), seq);
            }
            results.add(result);
        }
        if (client != null) {
            ClientMarks.record(c, caller.userId(), client.id(), client.ackedBelow(), batch.now);
        }
        return results;
    }

    /** A batch waiting for the writer, and then its answers or its failure. */
    private static final class Pending {
        final User caller;
        final List<Mutation> mutations;
        final ClientBatch client;
        final Instant now;
        final LocalDate today;
        // Written by the writer thread before it releases the writer lock; read after taking it.
        List<MutationResult> results;
        Exception failure;
        boolean done;

        Pending(User caller, List<Mutation> mutations, ClientBatch client, Instant now, LocalDate today) {
            this.caller = caller;
            this.mutations = mutations;
            this.client = client;
            this.now = now;
            this.today = today;
        }

        List<MutationResult> answer() throws SQLException {
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            return results;
        }
    }

    private MutationResult applyOne(Connection c, User caller, Mutation m, ServerValidationContext context, Instant now,
                                    Retention.Marks pruned) throws SQLException {
        Optional<StoredRow> current = RowStore.find(c, m.kind(), m.entityId(), true);
        if (current.isEmpty() && m.baseRevision() > 0 && m.baseRevision() < pruned.tombstonesBefore()) {
            // The row existed at the base revision and is gone since: deleted, its tombstone pruned.
            return rejected(m, 0, null, "This " + m.kind().wireName() + " was deleted on the server after you "
                    + "changed it; your change was not applied.", null);
        }
        boolean exists = current.isPresent() && !current.get().deleted();
        if (m.op() == Mutation.Op.DELETE) {
            if (current.isEmpty()) {
                return rejected(m, 0, null, "There is no " + m.kind().wireName() + " \"" + m.entityId() + "\" to delete.", null);
            }
            if (!exists) {
                // Already deleted (by someone else): the row is where the caller wanted it.
                return new MutationResult(m.id(), Outcome.APPLIED, current.get().revision(), current.get().toChange(),
                        List.of(), null, null);
            }
            Object before = current.get().entity();
            List<FieldConflict> conflicts = conflicts(c, caller, m, current.get(), EntityCodec.fields(before).keySet(), pruned);
            if (!conflicts.isEmpty()) {
                return conflict(m, current.get(), conflicts);
            }
            return decideAndWrite(c, caller, m, before, null, context, now);
        }

        if (!exists) {
            if (current.isPresent() && m.baseRevision() > 0) {
                return rejected(m, current.get().revision(), current.get().toChange(), "This " + m.kind().wireName()
                        + " was deleted by " + deletedBy(c, m) + " after you changed it; your change was not applied.", null);
            }
            Object created = EntityCodec.entity(m.kind(), m.fields());
            checkIdentity(m, created);
            return decideAndWrite(c, caller, m, null, created, context, now);
        }

        StoredRow row = current.get();
        Object before = row.entity();
        // Values the server cannot read are refused whatever the base: a conflict would offer them as "mine".
        Object after = EntityCodec.apply(before, m.fields());
        checkIdentity(m, after);
        List<FieldConflict> conflicts = conflicts(c, caller, m, row, m.fields().keySet(), pruned);
        if (!conflicts.isEmpty()) {
            // Offer only a valid value as "mine": an invalid one is refused as on a current base.
            return invalid(c, m, after, context).orElseGet(() -> conflict(m, row, conflicts));
        }
        if (m.kind().tpidOf(after) != row.tpid()) {
            return rejected(m, row.revision(), row.toChange(), "A " + m.kind().wireName() + " cannot move to another "
                    + "customer (TPID " + row.tpid() + " to " + m.kind().tpidOf(after) + ").", "tpid");
        }
        if (EntityCodec.diff(before, after).isEmpty()) {
            // Nothing to change (the server already holds these values): applied, no new revision.
            return new MutationResult(m.id(), Outcome.APPLIED, row.revision(), row.toChange(), List.of(), null, null);
        }
        return decideAndWrite(c, caller, m, before, after, context, now);
    }

    /** Permission, then validation, then the write with its history and scope effects. */
    private MutationResult decideAndWrite(Connection c, User caller, Mutation m, Object before, Object after,
                                          ServerValidationContext context, Instant now) throws SQLException {
        Object row = after != null ? after : before;
        long tpid = m.kind().tpidOf(row);
        CustomerAccess access = null;
        if (m.kind() != EntityKind.USER) {
            Optional<Customer> customer = m.kind() == EntityKind.CUSTOMER ? Optional.of((Customer) row) : context.customer(tpid);
            if (customer.isEmpty()) {
                return rejected(m, 0, null, "There is no customer with TPID " + tpid + ".", "tpid");
            }
            List<Assignment> assignments = new ArrayList<>();
            for (StoredRow a : RowStore.byTpid(c, EntityKind.ASSIGNMENT, tpid)) {
                assignments.add(a.entity());
            }
            access = CustomerAccess.of(customer.get(), assignments);
        }
        Decision decision = Permissions.canChange(caller, access, before, after);
        if (decision.denied()) {
            Optional<StoredRow> current = RowStore.find(c, m.kind(), m.entityId(), false);
            return rejected(m, current.map(StoredRow::revision).orElse(0L),
                    current.map(StoredRow::toChange).orElse(null), Permissions.REFUSED + decision.reason(), null);
        }
        if (after != null) {
            Optional<MutationResult> invalid = invalid(c, m, after, context);
            if (invalid.isPresent()) {
                return invalid.get();
            }
        }

        long revision = RowWrites.write(c, caller.userId(), now, m.kind(), m.entityId(), before, after);
        // The row as just written (RowStore.write stores the same JSON), without reading it back.
        StoredRow written = new StoredRow(m.kind(), m.entityId(), tpid, revision,
                after == null ? null : EntityCodec.toJson(after), caller.userId(), now);
        return new MutationResult(m.id(), Outcome.APPLIED, revision, written.toChange(), List.of(), null, null);
    }

    /** The rejection of {@code m} when {@code after} breaks a rule; empty when it is valid. */
    private Optional<MutationResult> invalid(Connection c, Mutation m, Object after, ServerValidationContext context)
            throws SQLException {
        List<Problem> problems = Validator.validate(after, context);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredRow> current = RowStore.find(c, m.kind(), m.entityId(), false);
        String message = problems.stream().map(Problem::message).collect(Collectors.joining(" "));
        return Optional.of(rejected(m, current.map(StoredRow::revision).orElse(0L),
                current.map(StoredRow::toChange).orElse(null), message, problems.get(0).field()));
    }

    /**
     * The named fields that someone other than the caller changed after the base revision and
     * whose server value differs from the caller's.
     */
    private static List<FieldConflict> conflicts(Connection c, User caller, Mutation m, StoredRow row,
                                                 Iterable<String> fields, Retention.Marks pruned) throws SQLException {
        if (row.revision() <= m.baseRevision()) {
            return List.of();
        }
        Map<String, String[]> lastChange = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT field, user_id, changed_at FROM field_change "
                + "WHERE kind = ? AND entity_id = ? AND revision > ? ORDER BY revision")) {
            ps.setString(1, m.kind().wireName());
            ps.setString(2, m.entityId());
            ps.setLong(3, m.baseRevision());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
                    lastChange.put(rs.getString(1), new String[] {rs.getString(2), at.toInstant().toString()});
                }
            }
        }
        Map<String, JsonNode> theirs = EntityCodec.fields(row.entity());
        List<FieldConflict> out = new ArrayList<>();
        // History from before the base revision was pruned: who changed a field since is unknown.
        boolean unknown = m.baseRevision() < pruned.historyBefore();
        for (String field : fields) {
            String[] change = lastChange.get(field);
            if (change == null && unknown) {
                change = new String[] {PRUNED_HISTORY, pruned.historyCutoff().orElse(Instant.EPOCH).toString()};
            }
            if (change == null || change[0].equals(caller.userId())) {
                continue;
            }
            JsonNode mine = m.op() == Mutation.Op.DELETE ? NullNode.getInstance() : m.fields().get(field);
            JsonNode their = theirs.getOrDefault(field, NullNode.getInstance());
            if (!Objects.equals(EntityCodec.canonical(mine), their)) {
                out.add(new FieldConflict(field, mine, their, change[0], Instant.parse(change[1])));
            }
        }
        return out;
    }

    private static String deletedBy(Connection c, Mutation m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM field_change WHERE kind = ? AND entity_id = ? "
                + "AND field = '' ORDER BY revision DESC")) {
            ps.setString(1, m.kind().wireName());
            ps.setString(2, m.entityId());
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "someone else";
            }
        }
    }

    private static void checkIdentity(Mutation m, Object entity) {
        String id = m.kind().idOf(entity);
        if (!id.equals(m.entityId())) {
            throw new InvalidFieldsException("", "The fields describe " + m.kind().wireName() + " \"" + id
                    + "\", but the mutation is for \"" + m.entityId() + "\"", null);
        }
    }

    private static MutationResult rejected(Mutation m, long revision, RowChange row, String message,
                                           String field) {
        return new MutationResult(m.id(), Outcome.REJECTED, revision, row, List.of(), message,
                field == null || field.isEmpty() ? null : field);
    }

    private static MutationResult conflict(Mutation m, StoredRow row, List<FieldConflict> conflicts) {
        String fields = conflicts.stream().map(f -> f.field().isEmpty() ? "the whole row" : f.field())
                .collect(Collectors.joining(", "));
        return new MutationResult(m.id(), Outcome.CONFLICT, row.revision(), row.toChange(), conflicts,
                "Changed by someone else since your copy: " + fields, null);
    }

    private static Optional<MutationResult> earlierResult(Connection c, UUID id, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, result FROM applied_mutation WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(userId)) {
                    return Optional.of(new MutationResult(id, Outcome.REJECTED, 0, null, List.of(),
                            "Mutation id " + id + " was already used by another user; send the edit with a new id.", null));
                }
                try {
                    return Optional.of(ProtocolJson.mapper().readValue(rs.getString(2), MutationResult.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Stored result of mutation " + id + " cannot be read", e);
                }
            }
        }
    }

    private static void remember(Connection c, String userId, MutationResult result, Instant now, String clientId,
                                 Long clientSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO applied_mutation (id, user_id, applied_at, result, "
                + "client_id, client_seq) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, result.id().toString());
            ps.setString(2, userId);
            ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setString(4, ProtocolJson.mapper().writeValueAsString(result));
            ps.setString(5, clientId);
            ps.setObject(6, clientSeq, Types.BIGINT);
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the result of mutation " + result.id(), e);
        }
    }
}
