package ftop.sync.server;

import ftop.sync.protocol.ChangesPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The commits this instance has heard of lately, to answer without the database the most common
 * pull of all: one that finds nothing new in the caller's scope (a long-poll arriving after the
 * last change, an incremental pull of a quiet desktop).
 *
 * <p>It knows every commit in a range of revisions {@code (knownFrom, knownUpTo]}: its own commits
 * and, on PostgreSQL, every instance's through {@code LISTEN/NOTIFY}, each {@link ChangeNotice}
 * saying where its revisions began and ended. Notices arriving out of order wait until the ones
 * before them arrive; a notice that never arrives (a lost listening connection, revisions taken
 * without one) leaves the range where it was, and when too many wait behind such a gap the range is
 * started afresh from the database's latest revision at the next pull that reads it
 * ({@link #startIfNeeded}). A pull after revision S with {@code knownFrom <= S <= knownUpTo}, whose
 * caller's scope no notice after S touches, has nothing new up to {@code knownUpTo}: the same
 * predicate that wakes long-polls ({@link ChangeNotice#touches}). Anything else (an older or newer
 * cursor, an unknown scope, another epoch) is answered from the database, as before.
 *
 * <p>A caller's scope (the customers they see) is kept from the last time it was read, with the
 * revision it was read at, and used only while no notice after that revision names the caller
 * (every grant and drop does).
 */
final class RecentCommits {

    /** Notices kept; older ones are forgotten and {@code knownFrom} moves up past them. */
    static final int KEPT = 4096;
    /** Notices after a cursor beyond which the database answers instead (walking them would cost more). */
    static final int MOST_TO_CHECK = 256;
    /** Notices waiting behind a missing one beyond which the range is started afresh. */
    static final int MOST_WAITING = 64;
    /** Callers whose scope is kept at most (each a few KB). */
    static final int SCOPES = 20_000;

    private final String serverId;
    /** Known commits by last revision, within (knownFrom, knownUpTo]. */
    private final NavigableMap<Long, ChangeNotice> log = new TreeMap<>();
    /** Notices that arrived before one they follow, by the revision they begin after. */
    private final NavigableMap<Long, ChangeNotice> waiting = new TreeMap<>();
    private final Map<String, Scope> scopes = new HashMap<>();
    /** False until started, and again after a gap: nothing is answered from memory then. */
    private boolean known;
    private long knownFrom;
    private long knownUpTo;
    /** The epochs of revisions from {@code knownFrom} on: {@code currentEpoch} from {@code currentFrom}, else {@code earlierEpoch}. */
    private String earlierEpoch;
    private String currentEpoch;
    private long currentFrom;
    /** Pulls answered from memory so far. */
    private long answered;

    /** One caller's scope, sorted, as read at {@code readAt}. */
    private record Scope(long[] tpids, long readAt) {
    }

    RecentCommits(String serverId) {
        this.serverId = serverId;
    }

    /**
     * Starts the known range at {@code latest} (read on {@code c} just before) when it is not
     * started: the epochs are read on {@code c}.
     */
    void startIfNeeded(Connection c, long latest) throws SQLException {
        synchronized (this) {
            if (known) {
                return;
            }
        }
        String before = RevisionEpochs.of(c, latest);
        String current = null;
        long from = Long.MAX_VALUE;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT epoch, first_revision FROM revision_epoch ORDER BY first_revision DESC")) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    current = rs.getString(1);
                    from = rs.getLong(2);
                }
            }
        }
        start(latest, before, current, from);
    }

    /** Starts the known range at {@code latest}, whose epoch is {@code before}; {@code current} begins at {@code from}. */
    synchronized void start(long latest, String before, String current, long from) {
        if (known) {
            return;
        }
        known = true;
        knownFrom = latest;
        knownUpTo = latest;
        earlierEpoch = before;
        currentEpoch = current;
        currentFrom = from;
        log.clear();
        waiting.headMap(latest, false).clear();
        drain();
    }

    /** Hears of a commit (or of an epoch started by an instance opening the database). */
    synchronized void publish(ChangeNotice notice) {
        if (notice.epochStarted()) {
            forget();
            return;
        }
        Long after = notice.after();
        if (after == null) {
            // An older server's notice: where it began is not known.
            forget();
            return;
        }
        if (known && notice.revision() <= knownUpTo) {
            return;
        }
        if (known && after < knownUpTo) {
            forget();
            return;
        }
        waiting.put(after, notice);
        if (known) {
            drain();
        }
        if (waiting.size() > MOST_WAITING) {
            forget();
            waiting.clear();
        }
    }

    /** Moves the notices that follow on from {@code knownUpTo} into the log. */
    private void drain() {
        ChangeNotice next;
        while ((next = waiting.remove(knownUpTo)) != null) {
            log.put(next.revision(), next);
            knownUpTo = next.revision();
        }
        while (log.size() > KEPT) {
            knownFrom = log.pollFirstEntry().getKey();
        }
    }

    /** Stops answering from memory until {@link #startIfNeeded} starts afresh. */
    private void forget() {
        known = false;
        log.clear();
        scopes.clear();
    }

    /** Keeps {@code userId}'s scope (sorted), read when the database's latest revision was {@code readAt}. */
    synchronized void rememberScope(String userId, long[] tpids, long readAt) {
        if (scopes.size() >= SCOPES && !scopes.containsKey(userId)) {
            scopes.clear();
        }
        scopes.put(userId, new Scope(tpids, readAt));
    }

    /**
     * {@code userId}'s scope (sorted) when it is kept and no commit since it was read changed it;
     * null when not known.
     */
    synchronized long[] scope(String userId) {
        Scope scope = scopes.get(userId);
        if (scope == null || !known || scope.readAt() < knownFrom) {
            return null;
        }
        for (ChangeNotice notice : log.tailMap(scope.readAt(), false).values()) {
            if (notice.everyone() || notice.users().contains(userId)) {
                scopes.remove(userId);
                return null;
            }
        }
        return scope.tpids();
    }

    /**
     * The page answering a pull by {@code userId} (who sees {@code scope}, sorted) after revision
     * {@code since} when nothing after it is new for them: empty, up to the latest revision known.
     * Null when that is not known: the database answers. {@code epoch} is the request's (null when
     * it sent none); a cursor of another epoch is left to the database, which answers it 409.
     */
    synchronized ChangesPage quietPage(String userId, long[] scope, long since, String epoch) {
        if (!known || since < knownFrom || since > knownUpTo) {
            return null;
        }
        if (epoch != null && !epoch.isBlank() && since > 0 && !epoch.equals(epochOf(since))) {
            return null;
        }
        NavigableMap<Long, ChangeNotice> after = log.tailMap(since, false);
        if (after.size() > MOST_TO_CHECK) {
            return null;
        }
        for (ChangeNotice notice : after.values()) {
            if (notice.touches(userId, scope)) {
                return null;
            }
        }
        answered++;
        ChangesPage page = new ChangesPage(since, knownUpTo, false, knownUpTo, List.of(), List.of(), serverId);
        return epoch == null ? page : page.withNextEpoch(epochOf(knownUpTo));
    }

    /** The epoch of {@code revision}, known from {@code knownFrom} on (as {@link RevisionEpochs#of}). */
    private String epochOf(long revision) {
        if (revision <= 0) {
            return null;
        }
        return revision >= currentFrom ? currentEpoch : earlierEpoch;
    }

    /** How many pulls were answered from memory. */
    synchronized long answered() {
        return answered;
    }

    /** The range of revisions whose every commit is known; empty when none is. */
    synchronized long[] knownRange() {
        return known ? new long[] {knownFrom, knownUpTo} : new long[0];
    }
}
