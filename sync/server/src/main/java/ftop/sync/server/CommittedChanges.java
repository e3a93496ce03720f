package ftop.sync.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one transaction that took revisions committed: its {@link ChangeNotice} and, when it wrote
 * few enough rows, the rows themselves as they stand after it (a row it wrote twice once, at its
 * last revision). This instance keeps the rows of its own recent commits ({@link RecentCommits}),
 * so that a pull whose every new row is among them is answered without the database; a
 * notification from another instance carries no rows.
 *
 * @param notice what the commit changed, as the waiters and the other instances hear of it
 * @param rows   its rows in revision order; null when there were more than {@link #MOST_ROWS}
 */
record CommittedChanges(ChangeNotice notice, List<StoredRow> rows) {

    /** Rows a commit may have for them to be kept: a push batch or a group of them, not an import. */
    static final int MOST_ROWS = 1000;

    CommittedChanges {
        rows = rows == null ? null : List.copyOf(rows);
    }

    /** A commit whose rows are not known (a notification from another instance). */
    static CommittedChanges withoutRows(ChangeNotice notice) {
        return new CommittedChanges(notice, null);
    }

    /**
     * What the transaction on {@code c}, which took the revisions after {@code before} up to
     * {@code last}, changed; read before it commits, through the revision indexes. Its rows are
     * read in the same query that finds the customers they belong to, so keeping them costs no
     * extra round trip; a larger commit is described by its customers alone.
     */
    static CommittedChanges read(Connection c, long before, long last) throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RowStore.COLUMNS + " FROM sync_row "
                + "WHERE revision > ? AND revision <= ? ORDER BY revision")) {
            ps.setLong(1, before);
            ps.setLong(2, last);
            ps.setMaxRows(MOST_ROWS + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(RowStore.read(rs));
                }
            }
        }
        Set<Long> tpids = new LinkedHashSet<>();
        boolean tooMany = rows.size() > MOST_ROWS;
        if (tooMany) {
            rows = null;
            tooMany = !collect(c, "SELECT DISTINCT tpid FROM sync_row WHERE revision > ? AND revision <= ?",
                    before, last, rs -> tpids.add(rs.getLong(1)));
        } else {
            rows.forEach(row -> tpids.add(row.tpid()));
            tooMany = tpids.size() > ChangeNotice.MAX_LISTED;
        }
        Set<String> users = new LinkedHashSet<>();
        boolean all = tooMany
                || !collect(c, "SELECT DISTINCT user_id FROM user_scope WHERE granted_revision > ? AND granted_revision <= ?",
                before, last, rs -> users.add(rs.getString(1)))
                || !collect(c, "SELECT DISTINCT user_id FROM scope_drop WHERE revision > ? AND revision <= ?",
                before, last, rs -> users.add(rs.getString(1)))
                || users.size() > ChangeNotice.MAX_LISTED;
        ChangeNotice notice = all ? ChangeNotice.everyone(before, last) : ChangeNotice.of(before, last, tpids, users);
        return new CommittedChanges(notice, rows);
    }

    /** Reads at most {@link ChangeNotice#MAX_LISTED} rows into {@code into}; false when there were more. */
    private static boolean collect(Connection c, String sql, long before, long last, RowReader into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, before);
            ps.setLong(2, last);
            ps.setMaxRows(ChangeNotice.MAX_LISTED + 1);
            int read = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (++read > ChangeNotice.MAX_LISTED) {
                        return false;
                    }
                    into.read(rs);
                }
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
