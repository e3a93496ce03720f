package ftop.sync.server;

import ftop.core.change.EntityKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one group of pushed batches ({@link GroupCommit}), held back and sent as a few
 * JDBC batches instead of a few statements per mutation: each statement is a round trip to the
 * database, and on a busy server the round trips, not the work, were what a push waited for.
 *
 * <p>The group holds the revision counter's row lock from its start ({@link #lockRevisions}), so
 * it hands out revisions itself and writes the counter once. Whoever must read the database in
 * the middle of a group takes the connection through {@link #connection()}, which sends what is
 * held back first: the database is never read stale.
 */
final class DeferredWrites implements AutoCloseable {

    static final String INSERT_ANSWER = "INSERT INTO applied_mutation (id, user_id, applied_at, result, client_id, "
            + "client_seq) VALUES (?, ?, ?, ?, ?, ?)";

    private final Connection c;
    /** The last revision given out, as the counter will hold it once written. */
    private long lastRevision;
    private boolean counterBehind;
    private final Batch rowInserts = new Batch(RowStore.INSERT_ROW);
    private final Batch rowUpdates = new Batch(RowStore.UPDATE_ROW);
    private final Batch history = new Batch(RowWrites.INSERT_HISTORY);
    private final Batch answers = new Batch(INSERT_ANSWER);
    private final Map<GroupCache.ClientKey, Mark> marks = new LinkedHashMap<>();

    DeferredWrites(Connection c) {
        this.c = c;
    }

    /**
     * Locks the revision counter for the rest of the transaction and reads it. Taken before the group
     * reads any row: a writer through another server instance then waits for this group's commit,
     * and nothing the group read can change under it.
     */
    void lockRevisions() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM revision_counter WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            lastRevision = rs.getLong(1);
        }
    }

    /** The connection, with every write held back sent first: for reads and writes the group cannot defer. */
    Connection connection() throws SQLException {
        flush();
        return c;
    }

    /**
     * Notes that {@code revision} was just taken from the counter directly (by {@link RowWrites#write}
     * on {@link #connection()}), so the next one given out here follows it.
     */
    void tookDirectly(long revision) {
        lastRevision = revision;
    }

    /**
     * The held-back form of {@link RowWrites#write} for a row that does not change who sees what:
     * a new revision, the row and its field history.
     *
     * @param stored whether {@code sync_row} holds the row (a tombstone too) once the earlier writes are sent
     * @return the new revision of the row
     */
    long write(String userId, Instant now, EntityKind kind, String id, Object before, Object after, boolean stored)
            throws SQLException {
        if (RowWrites.changesScope(kind)) {
            throw new IllegalArgumentException("A " + kind.wireName() + " changes scope: write it through RowWrites");
        }
        Object row = after != null ? after : before;
        long tpid = kind.tpidOf(row);
        long revision = ++lastRevision;
        counterBehind = true;
        // A row inserted and updated again in one group is fine: the inserts are sent first.
        Batch rows = stored ? rowUpdates : rowInserts;
        RowStore.bindWrite(rows.statement(), kind, id, tpid, revision, after, userId, now);
        rows.add();
        if (RowWrites.addHistory(history.statement(), userId, now, revision, kind, id, tpid, before, after) > 0) {
            history.added();
        }
        return revision;
    }

    /** Remembers the answer to mutation {@code id} ({@code resultJson}), as given to {@code userId}. */
    void answer(String id, String userId, String resultJson, Instant now, String clientId, Long clientSeq)
            throws SQLException {
        PreparedStatement ps = answers.statement();
        ps.setString(1, id);
        ps.setString(2, userId);
        ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        ps.setString(4, resultJson);
        ps.setString(5, clientId);
        ps.setObject(6, clientSeq, Types.BIGINT);
        answers.add();
    }

    /**
     * Raises a desktop's high-water mark ({@link ClientMarks}; it never goes down) and notes that the
     * desktop was seen; several raises of one desktop in a group are one write.
     *
     * @param stored whether {@code sync_client} holds the desktop once the earlier writes are sent
     */
    void mark(GroupCache.ClientKey client, boolean stored, long ackedBelow, Instant now) {
        Mark earlier = marks.get(client);
        marks.put(client, earlier == null ? new Mark(stored, ackedBelow, now)
                : new Mark(earlier.stored(), Math.max(earlier.ackedBelow(), ackedBelow), now));
    }

    /** Sends every write held back, a batch per statement. */
    void flush() throws SQLException {
        if (counterBehind) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE revision_counter SET revision = ? WHERE id = 1")) {
                ps.setLong(1, lastRevision);
                ps.executeUpdate();
            }
            counterBehind = false;
        }
        rowInserts.send();
        rowUpdates.send();
        history.send();
        answers.send();
        flushMarks();
    }

    private void flushMarks() throws SQLException {
        if (marks.isEmpty()) {
            return;
        }
        List<Map.Entry<GroupCache.ClientKey, Mark>> inserts = new ArrayList<>();
        Batch updates = new Batch("UPDATE sync_client SET acked_below = GREATEST(acked_below, ?), last_seen_at = ? "
                + "WHERE user_id = ? AND client_id = ?");
        try (updates) {
            for (Map.Entry<GroupCache.ClientKey, Mark> e : marks.entrySet()) {
                if (!e.getValue().stored()) {
                    inserts.add(e);
                    continue;
                }
                PreparedStatement ps = updates.statement();
                ps.setLong(1, e.getValue().ackedBelow());
                ps.setObject(2, Retention.at(e.getValue().now()));
                ps.setString(3, e.getKey().userId());
                ps.setString(4, e.getKey().clientId());
                updates.add();
            }
            updates.send();
        }
        // Writers run one at a time (the group holds the revision counter), so nobody inserts the same desktop meanwhile.
        Batch added = new Batch("INSERT INTO sync_client (user_id, client_id, acked_below, last_seen_at) VALUES (?, ?, ?, ?)");
        try (added) {
            for (Map.Entry<GroupCache.ClientKey, Mark> e : inserts) {
                PreparedStatement ps = added.statement();
                ps.setString(1, e.getKey().userId());
                ps.setString(2, e.getKey().clientId());
                ps.setLong(3, e.getValue().ackedBelow());
                ps.setObject(4, Retention.at(e.getValue().now()));
                added.add();
            }
            added.send();
        }
        marks.clear();
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (Batch batch : List.of(rowInserts, rowUpdates, history, answers)) {
            try {
                batch.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private record Mark(boolean stored, long ackedBelow, Instant now) {
    }

    /** One statement's pending batch, prepared when first needed. */
    private final class Batch implements AutoCloseable {
        private final String sql;
        private PreparedStatement ps;
        private int pending;

        Batch(String sql) {
            this.sql = sql;
        }

        PreparedStatement statement() throws SQLException {
            if (ps == null) {
                ps = c.prepareStatement(sql);
            }
            return ps;
        }

        /** Adds the parameters just bound to the batch. */
        void add() throws SQLException {
            ps.addBatch();
            pending++;
        }

        /** Counts entries that were added to the batch elsewhere (by {@link RowWrites#addHistory}). */
        void added() {
            pending++;
        }

        void send() throws SQLException {
            if (pending > 0) {
                pending = 0;
                ps.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            if (ps != null) {
                ps.close();
            }
        }
    }
}
