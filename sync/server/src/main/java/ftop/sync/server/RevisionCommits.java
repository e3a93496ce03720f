package ftop.sync.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Which revisions were committed together ({@code revision_commit}), so that a page of changes ends
 * only where a transaction ended: a client then never shows half of a push batch or of an import,
 * a state the server never had. Transactions that took one revision are not recorded: every
 * revision is a boundary unless a recorded range holds it short of its end.
 */
final class RevisionCommits {

    /**
     * The revisions one transaction took: {@code first} to {@code last}, both included.
     *
     * @param first the first; {@code first - 1} was the latest committed revision when it began
     * @param last  the last; the revision a page may end at
     */
    record Range(long first, long last) {
    }

    private RevisionCommits() {
    }

    /**
     * Records, in the writing transaction itself, that it took the revisions after {@code before}
     * up to {@code last}; nothing when it took one or none. {@code before} is a committed revision
     * read when the transaction began: with several server processes it may be older than the one
     * the transaction's first revision followed, which only makes the recorded range wider (pages
     * then end before the other process's transaction or after this one, both real boundaries).
     */
    static void record(Connection c, long before, long last) throws SQLException {
        if (last - before < 2) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO revision_commit (last_revision, first_revision) VALUES (?, ?)")) {
            ps.setLong(1, last);
            ps.setLong(2, before + 1);
            ps.executeUpdate();
        }
    }

    /**
     * The transaction that holds {@code revision} but did not end at it, if one does: a page must
     * not end at {@code revision}. One index seek: the first range ending after {@code revision}.
     * Ranges of one process never overlap; should a wider one from another process overlap it, the
     * range found still ends at a real boundary, and its first revision - 1 is one too.
     */
    static Optional<Range> around(Connection c, long revision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT first_revision, last_revision FROM revision_commit "
                + "WHERE last_revision > ? ORDER BY last_revision FETCH FIRST 1 ROWS ONLY")) {
            ps.setLong(1, revision);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) <= revision) {
                    return Optional.of(new Range(rs.getLong(1), rs.getLong(2)));
                }
                return Optional.empty();
            }
        }
    }
}
