package ftop.sync.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How long the server keeps what would otherwise grow for ever, and the pruning that applies it
 * ({@code ftop-server prune}, or on a schedule in the running server). What is pruned never makes
 * the server misread what remains:
 *
 * <ul>
 *   <li><b>Mutation answers</b> of a desktop that names itself go as soon as it has acknowledged
 *       them ({@code sync_client.acked_below}); its high-water mark stays, so a replay of such a
 *       mutation is still recognised as processed ({@link ClientMarks}). Answers of a desktop not
 *       seen for {@link Policy#clientDays} go with its mark; answers to clients that never named
 *       themselves go after {@link Policy#answerDays}.</li>
 *   <li><b>Field history</b> older than {@link Policy#historyDays}; a mutation based on a revision
 *       from before then is answered a conflict on every field that differs (nobody can tell who
 *       changed it since), never merged blindly.</li>
 *   <li><b>Tombstones</b> and scope drops older than {@link Policy#tombstoneDays}; a pull from a
 *       cursor older than them is answered 409 {@code resync}, and an edit of a row whose tombstone
 *       is gone is rejected, never a resurrection.</li>
 *   <li><b>Session tokens</b> once expired.</li>
 * </ul>
 */
final class Retention {

    private Retention() {
    }

    /**
     * The retention of each kind of data, in days; 0 keeps it for ever.
     *
     * @param answerDays    answers to mutations sent without a client id (older desktops)
     * @param clientDays    a desktop not seen for this long is forgotten with its kept answers
     * @param historyDays   field history
     * @param tombstoneDays tombstones of deleted rows and scope drops
     */
    record Policy(int answerDays, int clientDays, int historyDays, int tombstoneDays) {

        static final Policy DEFAULT = new Policy(90, 730, 730, 180);

        Policy {
            if (answerDays < 0 || clientDays < 0 || historyDays < 0 || tombstoneDays < 0) {
                throw new IllegalArgumentException("Retention periods are days, 0 (keep for ever) or more");
            }
        }
    }

    /** What one pruning removed. */
    record Report(long answers, long clients, long history, long tombstones, long scopeDrops, long tokens,
                  long historyBefore, long tombstonesBefore, Duration took) {

        @Override
        public String toString() {
            return String.format("Pruned %,d mutation answers, %,d idle desktops, %,d field history entries, %,d tombstones, "
                            + "%,d scope drops, %,d expired sessions in %.1f s (history kept from revision %,d, "
                            + "tombstones from revision %,d)", answers, clients, history, tombstones, scopeDrops, tokens,
                    took.toNanos() / 1e9, historyBefore, tombstonesBefore);
        }
    }

    /** The marks of what earlier prunings removed. */
    record Marks(long historyBefore, Optional<Instant> historyCutoff, long tombstonesBefore) {

        static Marks read(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT history_before, history_cutoff, tombstones_before FROM retention_mark WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Marks(0, Optional.empty(), 0);
                }
                OffsetDateTime cutoff = rs.getObject(2, OffsetDateTime.class);
                return new Marks(rs.getLong(1), Optional.ofNullable(cutoff).map(OffsetDateTime::toInstant), rs.getLong(3));
            }
        }
    }

    /** Applies {@code policy} as of {@code now}, each kind in a transaction of its own. */
    static Report prune(Database db, Policy policy, Instant now) throws SQLException {
        long started = System.nanoTime();
        long answers = db.inTransaction(c -> ClientMarks.pruneAnswers(c, policy, now));
        long clients = policy.clientDays() == 0 ? 0 : db.inTransaction(c -> ClientMarks.forgetIdle(c, now.minus(days(policy.clientDays()))));
        long[] tombstones = policy.tombstoneDays() == 0 ? new long[2]
                : db.inRevisionTransaction(c -> pruneTombstones(c, now.minus(days(policy.tombstoneDays()))));
        long history = policy.historyDays() == 0 ? 0 : pruneHistory(db, now.minus(days(policy.historyDays())));
        long tokens = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_token WHERE expires_at <= ?")) {
                ps.setObject(1, at(now));
                return (long) ps.executeUpdate();
            }
        });
        Marks marks = db.read(Marks::read);
        return new Report(answers, clients, history, tombstones[0], tombstones[1], tokens, marks.historyBefore(),
                marks.tombstonesBefore(), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Tombstones and scope drops of revisions made before {@code cutoff}: below the first revision
     * whose change happened at or after it. Runs as a revision transaction, so no commit lands
     * between finding that revision and moving the mark.
     */
    private static long[] pruneTombstones(Connection c, Instant cutoff) throws SQLException {
        long first;
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(revision) FROM field_change WHERE changed_at >= ?")) {
            ps.setObject(1, at(cutoff));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long min = rs.getLong(1);
                // Nothing changed since the cutoff: every revision so far is older.
                first = rs.wasNull() ? RowStore.currentRevision(c) + 1 : min;
            }
        }
        long tombstones = update(c, "DELETE FROM sync_row WHERE deleted = TRUE AND revision < ?", first);
        long drops = update(c, "DELETE FROM scope_drop WHERE revision < ?", first);
        if (tombstones > 0 || drops > 0) {
            update(c, "UPDATE retention_mark SET tombstones_before = GREATEST(tombstones_before, ?) WHERE id = 1", first);
        }
        return new long[] {tombstones, drops};
    }

    /**
     * Field history from before {@code cutoff}, a week of it per transaction (a year of history is
     * millions of rows); the mark first, so a crash between never leaves history missing unmarked.
     */
    private static long pruneHistory(Database db, Instant cutoff) throws SQLException {
        Optional<Instant> oldest = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(changed_at), MAX(revision) FROM field_change WHERE changed_at < ?")) {
                ps.setObject(1, at(cutoff));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    OffsetDateTime min = rs.getObject(1, OffsetDateTime.class);
                    if (min == null) {
                        return Optional.empty();
                    }
                    try (PreparedStatement mark = c.prepareStatement("UPDATE retention_mark SET "
                            + "history_before = GREATEST(history_before, ?), history_cutoff = ? WHERE id = 1")) {
                        mark.setLong(1, rs.getLong(2) + 1);
                        mark.setObject(2, at(cutoff));
                        mark.executeUpdate();
                    }
                    return Optional.of(min.toInstant());
                }
            }
        });
        if (oldest.isEmpty()) {
            return 0;
        }
        long removed = 0;
        for (Instant from = oldest.get(); from.isBefore(cutoff); from = from.plus(days(7))) {
            Instant to = from.plus(days(7)).isBefore(cutoff) ? from.plus(days(7)) : cutoff;
            Instant lower = from;
            removed += db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM field_change WHERE changed_at >= ? AND changed_at < ?")) {
                    ps.setObject(1, at(lower));
                    ps.setObject(2, at(to));
                    return (long) ps.executeUpdate();
                }
            });
        }
        return removed;
    }

    private static long update(Connection c, String sql, long value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, value);
            return ps.executeUpdate();
        }
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }
}
