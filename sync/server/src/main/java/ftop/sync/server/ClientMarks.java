package ftop.sync.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Each desktop's high-water mark ({@code sync_client}), as Replicache keeps a client's last
 * mutation id: the desktop numbers its mutations and says, with each push, below which number it
 * holds every answer. The desktop only sends a mutation again while it waits for its answer, so
 * never below the mark; answers below it may go. A push whose own mark is below the stored one
 * comes from a workspace that went back in time (restored from a copy, or copied to a second
 * laptop): it is refused with 409 {@code client_behind} and the desktop sends again under a new id,
 * where each mutation is answered by its id while its answer is kept, or judged afresh against the
 * rows as they are now (a stale base is a conflict, never a blind overwrite).
 */
final class ClientMarks {

    private ClientMarks() {
    }

    /** The mark of {@code clientId} of {@code userId}: answers below it are acknowledged; empty when unknown. */
    static Optional<Long> ackedBelow(Connection c, String userId, String clientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT acked_below FROM sync_client WHERE user_id = ? AND client_id = ?")) {
            ps.setString(1, userId);
            ps.setString(2, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * Removes the answers their desktops acknowledged, and answers to mutations sent without a
     * client id once older than {@link Retention.Policy#answerDays} (0: kept).
     */
    static long pruneAnswers(Connection c, Retention.Policy policy, Instant now) throws SQLException {
        long removed;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM applied_mutation WHERE client_id IS NOT NULL AND EXISTS ("
                + "SELECT 1 FROM sync_client s WHERE s.user_id = applied_mutation.user_id "
                + "AND s.client_id = applied_mutation.client_id AND applied_mutation.client_seq < s.acked_below)")) {
            removed = ps.executeUpdate();
        }
        if (policy.answerDays() > 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM applied_mutation WHERE client_id IS NULL AND applied_at < ?")) {
                ps.setObject(1, Retention.at(now.minus(Duration.ofDays(policy.answerDays()))));
                removed += ps.executeUpdate();
            }
        }
        return removed;
    }

    /** Forgets desktops not seen since {@code before}, with every answer kept for them. */
    static long forgetIdle(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM applied_mutation WHERE client_id IS NOT NULL AND EXISTS ("
                + "SELECT 1 FROM sync_client s WHERE s.user_id = applied_mutation.user_id "
                + "AND s.client_id = applied_mutation.client_id AND s.last_seen_at < ?)")) {
            ps.setObject(1, Retention.at(before));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_client WHERE last_seen_at < ?")) {
            ps.setObject(1, Retention.at(before));
            return ps.executeUpdate();
        }
    }
}
