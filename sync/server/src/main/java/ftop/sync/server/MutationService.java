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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
 *   <li>Batches pushed at the same time share a transaction (group commit, {@link GroupCommit}):
 *       one commit, and one hold of the revision lock, for all of them. A malformed batch fails
 *       alone; if the commit fails, every batch of the group fails and is sent again, so each is
 *       still applied exactly once.</li>
 * </ul>
 */
final class MutationService {

    /** Who "changed" a field, in a conflict found where the history since the base revision was pruned. */
    static final String PRUNED_HISTORY = "(history pruned)";

    private final Clock clock;
    private final GroupCommit groups;

    MutationService(Database db, Clock clock) {
        this(db, clock, UnaryOperator.identity());
    }

    /** With the connection each group runs on wrapped by {@code connections} (tests count statements). */
    MutationService(Database db, Clock clock, UnaryOperator<Connection> connections) {
        this.clock = clock;
        this.groups = new GroupCommit(db, this::applyBatch, connections);
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
        return groups.apply(new GroupCommit.Pending(caller, mutations, client, now, today));
    }

    /** Well-formed batches taken in and not answered yet (tests line up concurrent pushes with it). */
    int unanswered() {
        return groups.unanswered();
    }

    private List<MutationResult> applyBatch(GroupCache cache, DeferredWrites writes, GroupCommit.Pending batch)
            throws SQLException {
        List<MutationResult> results = new ArrayList<>();
        Write w = new Write(cache, writes, batch.caller, batch.now, new ServerValidationContext(cache, batch.today));
        List<Mutation> mutations = batch.mutations;
        ClientBatch client = batch.client;
        GroupCache.ClientKey desktop = client == null ? null : new GroupCache.ClientKey(batch.caller.userId(), client.id());
        Optional<Long> mark = desktop == null ? Optional.empty() : cache.ackedBelow(desktop);
        if (mark.isPresent() && client.ackedBelow() < mark.get()) {
            // A desktop's mark only ever rises, so this desktop went back in time: its workspace was
            // restored from a copy, or copied to a second laptop. Its numbers may now name new edits
            // as well as ones processed before; neither may be answered from the mark.
            throw ApiException.clientBehind("This workspace numbers its edits below what the server has already "
                    + "acknowledged from it (" + client.ackedBelow() + " < " + mark.get() + "), as a workspace "
                    + "restored from a copy does. It must send them under a new client id.");
        }
        for (int i = 0; i < mutations.size(); i++) {
            Mutation m = mutations.get(i);
            Optional<MutationResult> earlier = earlierResult(cache, m.id(), batch.caller.userId());
            if (earlier.isPresent()) {
                results.add(earlier.get());
                continue;
            }
            Long seq = client == null ? null : client.seqs().get(i);
            MutationResult result;
            try {
                result = applyOne(w, m);
            } catch (InvalidFieldsException e) {
                throw ApiException.badRequest("mutations[" + i + "] (" + m.kind().wireName() + " " + m.entityId()
                        + "): " + e.getMessage(), e.field().isEmpty() ? "mutations[" + i + "]" : e.field());
            }
            if (result.outcome() != Outcome.CONFLICT) {
                remember(cache, batch.caller.userId(), result, batch.now, client == null ? null : client.id(), seq);
            }
            results.add(result);
        }
        if (desktop != null) {
            cache.recordMark(desktop, client.ackedBelow(), batch.now);
        }
        return results;
    }

    /** What the mutations of one batch read and write through, and on whose behalf. */
    private record Write(GroupCache rows, DeferredWrites writes, User caller, Instant now,
                         ServerValidationContext context) {
    }

    private MutationResult applyOne(Write w, Mutation m) throws SQLException {
        Retention.Marks pruned = w.rows().pruned();
        Optional<StoredRow> current = w.rows().find(m.kind(), m.entityId());
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
            List<FieldConflict> conflicts = conflicts(w, m, current.get(), EntityCodec.fields(before).keySet());
            if (!conflicts.isEmpty()) {
                return conflict(m, current.get(), conflicts);
            }
            return decideAndWrite(w, m, before, null);
        }

        if (!exists) {
            if (current.isPresent() && m.baseRevision() > 0) {
                return rejected(m, current.get().revision(), current.get().toChange(), "This " + m.kind().wireName()
                        + " was deleted by " + deletedBy(w.writes().connection(), m) + " after you changed it; your change was not applied.", null);
            }
            Object created = EntityCodec.entity(m.kind(), m.fields());
            checkIdentity(m, created);
            return decideAndWrite(w, m, null, created);
        }

        StoredRow row = current.get();
        Object before = row.entity();
        // Values the server cannot read are refused whatever the base: a conflict would offer them as "mine".
        Object after = EntityCodec.apply(before, m.fields());
        checkIdentity(m, after);
        List<FieldConflict> conflicts = conflicts(w, m, row, m.fields().keySet());
        if (!conflicts.isEmpty()) {
            // Offer only a valid value as "mine": an invalid one is refused as on a current base.
            return invalid(w, m, after).orElseGet(() -> conflict(m, row, conflicts));
        }
        if (m.kind().tpidOf(after) != row.tpid()) {
            return rejected(m, row.revision(), row.toChange(), "A " + m.kind().wireName() + " cannot move to another "
                    + "customer (TPID " + row.tpid() + " to " + m.kind().tpidOf(after) + ").", "tpid");
        }
        if (EntityCodec.diff(before, after).isEmpty()) {
            // Nothing to change (the server already holds these values): applied, no new revision.
            return new MutationResult(m.id(), Outcome.APPLIED, row.revision(), row.toChange(), List.of(), null, null);
        }
        return decideAndWrite(w, m, before, after);
    }

    /** Permission, then validation, then the write with its history and scope effects. */
    private MutationResult decideAndWrite(Write w, Mutation m, Object before, Object after) throws SQLException {
        User caller = w.caller();
        Instant now = w.now();
        Object row = after != null ? after : before;
        long tpid = m.kind().tpidOf(row);
        CustomerAccess access = null;
        if (m.kind() != EntityKind.USER) {
            Optional<Customer> customer = m.kind() == EntityKind.CUSTOMER ? Optional.of((Customer) row) : w.context().customer(tpid);
            if (customer.isEmpty()) {
                return rejected(m, 0, null, "There is no customer with TPID " + tpid + ".", "tpid");
            }
            List<Assignment> assignments = new ArrayList<>();
            for (StoredRow a : w.rows().live(EntityKind.ASSIGNMENT, tpid)) {
                assignments.add(a.entity());
            }
            access = CustomerAccess.of(customer.get(), assignments);
        }
        Decision decision = Permissions.canChange(caller, access, before, after);
        if (decision.denied()) {
            Optional<StoredRow> current = w.rows().find(m.kind(), m.entityId());
            return rejected(m, current.map(StoredRow::revision).orElse(0L),
                    current.map(StoredRow::toChange).orElse(null), Permissions.REFUSED + decision.reason(), null);
        }
        if (after != null) {
            Optional<MutationResult> invalid = invalid(w, m, after);
            if (invalid.isPresent()) {
                return invalid.get();
            }
        }

        StoredRow stored = w.rows().find(m.kind(), m.entityId()).orElse(null);
        long revision;
        if (RowWrites.changesScope(m.kind())) {
            // Who sees what changes too: written as before, on the connection with the group's writes sent.
            revision = RowWrites.write(w.writes().connection(), caller.userId(), now, m.kind(), m.entityId(), before, after);
            w.writes().tookDirectly(revision);
        } else {
            revision = w.writes().write(caller.userId(), now, m.kind(), m.entityId(), before, after, stored != null);
        }
        // The row as written (RowStore.write stores the same JSON), without reading it back.
        StoredRow written = new StoredRow(m.kind(), m.entityId(), tpid, revision,
                after == null ? null : EntityCodec.toJson(after), caller.userId(), now);
        w.rows().written(written);
        return new MutationResult(m.id(), Outcome.APPLIED, revision, written.toChange(), List.of(), null, null);
    }

    /** The rejection of {@code m} when {@code after} breaks a rule; empty when it is valid. */
    private Optional<MutationResult> invalid(Write w, Mutation m, Object after) throws SQLException {
        List<Problem> problems = Validator.validate(after, w.context());
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredRow> current = w.rows().find(m.kind(), m.entityId());
        String message = problems.stream().map(Problem::message).collect(Collectors.joining(" "));
        return Optional.of(rejected(m, current.map(StoredRow::revision).orElse(0L),
                current.map(StoredRow::toChange).orElse(null), message, problems.get(0).field()));
    }

    /**
     * The named fields that someone other than the caller changed after the base revision and
     * whose server value differs from the caller's.
     */
    private static List<FieldConflict> conflicts(Write w, Mutation m, StoredRow row, Iterable<String> fields)
            throws SQLException {
        if (row.revision() <= m.baseRevision()) {
            return List.of();
        }
        User caller = w.caller();
        Retention.Marks pruned = w.rows().pruned();
        Map<String, String[]> lastChange = new HashMap<>();
        // The history since the base revision, the group's held-back writes included.
        try (PreparedStatement ps = w.writes().connection().prepareStatement("SELECT field, user_id, changed_at FROM field_change "
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

    private static Optional<MutationResult> earlierResult(GroupCache cache, UUID id, String userId) throws SQLException {
        Optional<GroupCache.Answer> answer = cache.answer(id);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        if (!answer.get().userId().equals(userId)) {
            return Optional.of(new MutationResult(id, Outcome.REJECTED, 0, null, List.of(),
                    "Mutation id " + id + " was already used by another user; send the edit with a new id.", null));
        }
        try {
            return Optional.of(ProtocolJson.mapper().readValue(answer.get().resultJson(), MutationResult.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored result of mutation " + id + " cannot be read", e);
        }
    }

    private static void remember(GroupCache cache, String userId, MutationResult result, Instant now, String clientId,
                                 Long clientSeq) throws SQLException {
        String json;
        try {
            json = ProtocolJson.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the result of mutation " + result.id(), e);
        }
        cache.remember(result.id(), new GroupCache.Answer(userId, json), now, clientId, clientSeq);
    }
}
