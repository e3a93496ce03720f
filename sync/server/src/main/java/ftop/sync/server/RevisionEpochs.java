package ftop.sync.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The epochs of the revision history ({@code revision_epoch}): each opening of the database starts
 * one at the next revision, with a random id. The epoch of revision R is the one with the highest
 * first revision not above R.
 *
 * <p>A client keeps the epoch of its cursor and sends it back. When the server's revision at that
 * cursor belongs to another epoch, the revision the client saw is not the one the server holds now:
 * it was lost (a crash that lost commits, a database restored from a backup) and the number was
 * given out again. The client must then sync afresh; otherwise it would skip the new change.
 */
final class RevisionEpochs {

    private RevisionEpochs() {
    }

    /**
     * Starts a new epoch at the revision after the latest. An epoch that never got a revision (its
     * first revision is still ahead) is dropped: no client can hold it, and it would share its first
     * revision with the new one. Runs in a revision transaction, so no revision is taken meanwhile.
     */
    static String start(Connection c, Instant now) throws SQLException {
        // Taking no revision still locks the counter row until the commit.
        long next = RowStore.takeRevisions(c, 0);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM revision_epoch WHERE first_revision >= ?")) {
            ps.setLong(1, next);
            ps.executeUpdate();
        }
        String epoch = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO revision_epoch (epoch, first_revision, started_at) VALUES (?, ?, ?)")) {
            ps.setString(1, epoch);
            ps.setLong(2, next);
            ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
        return epoch;
    }

    /** The epoch of {@code revision}; null for revision 0 (nothing yet) or one before every epoch. */
    static String of(Connection c, long revision) throws SQLException {
        if (revision <= 0) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT epoch FROM revision_epoch WHERE first_revision <= ? ORDER BY first_revision DESC")) {
            ps.setLong(1, revision);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
