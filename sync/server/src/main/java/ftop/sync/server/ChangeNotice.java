package ftop.sync.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import ftop.sync.protocol.ProtocolJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What one committed transaction changed, as far as waiting clients care: the customers whose rows
 * changed and the people whose scope grew or shrank, up to revision {@code revision}. A commit
 * that touched too many to list wakes {@code everyone}. Sent between server instances as a
 * PostgreSQL notification ({@link #channel}), as JSON well under its 8,000-byte limit.
 *
 * <p>A notice also says where the transaction's revisions began ({@code after}), so that a reader
 * of the notices can tell it has heard of every commit in a range ({@link RecentCommits}); and an
 * instance opening the database tells the others that it started a new epoch of the revision
 * history ({@link #epochStarted}), which no commit announces.
 *
 * @param revision     the last revision the transaction took
 * @param tpids        the customers whose rows changed (the directory of people is customer 0)
 * @param users        the people whose scope changed
 * @param everyone     true when the lists were too long to send: every waiter is woken
 * @param after        the revision before the transaction's first; null when not known (a notice
 *                     of an older server)
 * @param epochStarted true for the notice of an instance that opened the database and started a
 *                     new epoch at the revision after {@code revision}: it names no change
 */
record ChangeNotice(@JsonProperty("r") long revision, @JsonProperty("t") Set<Long> tpids,
                    @JsonProperty("u") Set<String> users, @JsonProperty("all") boolean everyone,
                    @JsonProperty("f") Long after, @JsonProperty("e") boolean epochStarted) {

    /**
     * The PostgreSQL channel the instances of one FTOP database tell each other of commits on,
     * named after its server id: notifications go to the whole PostgreSQL database, which may hold
     * other FTOP databases in other schemas (a staging copy, tests), and those must not wake ours.
     */
    static String channel(String serverId) {
        return "ftop_changes_" + serverId.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Customers or people beyond which a notice names nobody and wakes everyone. */
    static final int MAX_LISTED = 200;

    ChangeNotice {
        tpids = tpids == null ? Set.of() : Set.copyOf(tpids);
        users = users == null ? Set.of() : Set.copyOf(users);
    }

    /** A notice that wakes every waiter, for a commit after {@code after} up to {@code revision} too large to list. */
    static ChangeNotice everyone(Long after, long revision) {
        return new ChangeNotice(revision, Set.of(), Set.of(), true, after, false);
    }

    /** A notice of the changes {@code tpids} and {@code users} of the commit after {@code after} up to {@code revision}. */
    static ChangeNotice of(long after, long revision, Set<Long> tpids, Set<String> users) {
        return new ChangeNotice(revision, tpids, users, false, after, false);
    }

    /** The notice of a new epoch of the revision history starting after {@code latest}. */
    static ChangeNotice epochStarted(long latest) {
        return new ChangeNotice(latest, Set.of(), Set.of(), false, null, true);
    }

    /**
     * True when a client of {@code userId} who sees the customers {@code scope} (sorted) may have
     * something new: a customer it sees changed, or what it sees did.
     */
    boolean touches(String userId, long[] scope) {
        if (epochStarted) {
            return false;
        }
        if (everyone || users.contains(userId)) {
            return true;
        }
        for (long tpid : tpids) {
            if (Arrays.binarySearch(scope, tpid) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells the other instances on the same PostgreSQL database, in the transaction on {@code c}:
     * PostgreSQL delivers the notification when (and only if) it commits.
     */
    void notifyOthers(Connection c, String channel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, payload());
            ps.execute();
        }
    }

    /** This notice as the JSON of a notification; a long one (many user ids) wakes everyone instead. */
    String payload() {
        try {
            String json = ProtocolJson.mapper().writeValueAsString(this);
            return json.length() <= 7000 ? json : ProtocolJson.mapper().writeValueAsString(everyone(after, revision));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a change notice", e);
        }
    }

    /** The notice a notification carries; empty when it is not one (another program on the channel). */
    static Optional<ChangeNotice> parse(String payload) {
        try {
            return Optional.ofNullable(ProtocolJson.mapper().readValue(payload, ChangeNotice.class));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
