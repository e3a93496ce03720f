package ftop.sync.server;

import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.RowChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The commits this instance has heard of lately, to answer without the database the most common
 * pulls of all: one that finds nothing new in the caller's scope (a long-poll arriving after the
 * last change, an incremental pull of a quiet desktop), and one whose new rows all come from this
 * instance's own recent commits (the desktops a push wakes, pulling what it changed).
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
 *
 * <p>The rows of this instance's own commits ({@link CommittedChanges}) are kept too, the newest
 * {@link #ROWS_KEPT} of them. A pull after S whose new rows all lie in commits with kept rows gets
 * them from here: the rows of its customers, each at its last revision up to {@code knownUpTo}, as
 * the database would page them (every commit whole). It goes to the database when a commit after S
 * named the caller (its scope changed: grown customers go out whole, dropped ones are listed), was
 * too large to list or to keep, came from another instance, or when the caller is a partner (who
 * sees only some tenants of a customer), or the rows exceed the page.
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
    /** Rows of recent commits kept at most (a health row is about 2 KB: some 40 MB). */
    static final int ROWS_KEPT = 20_000;

    private final String serverId;
    /** Known commits by last revision, within (knownFrom, knownUpTo]. */
    private final NavigableMap<Long, ChangeNotice> log = new TreeMap<>();
    /** Notices that arrived before one they follow, by the revision they begin after. */
    private final NavigableMap<Long, ChangeNotice> waiting = new TreeMap<>();
    /** The rows of commits in the log whose rows are kept, by the commit's last revision. */
    private final NavigableMap<Long, List<StoredRow>> rows = new TreeMap<>();
    /** The rows of notices in {@code waiting}, by the notice's last revision. */
    private final Map<Long, List<StoredRow>> waitingRows = new HashMap<>();
    private int rowsKept;
    private final Map<String, Scope> scopes = new HashMap<>();
    /** False until started, and again after a gap: nothing is answered from memory then. */
    private boolean known;
    private long knownFrom;
    private long knownUpTo;
    /** The epochs of revisions from {@code knownFrom} on: {@code currentEpoch} from {@code currentFrom}, else {@code earlierEpoch}. */
    private String earlierEpoch;
    private String currentEpoch;
    private long currentFrom;
    /** Pulls answered from memory so far: quiet ones, and ones with rows. */
    private long answered;
    private long answeredWithRows;

    /**
     * One caller's scope, sorted, known unchanged up to revision {@code checkedUpTo} (first the
     * revision it was read at); {@code partner} when the caller sees only some tenants of a customer.
     */
    private record Scope(long[] tpids, boolean partner, long checkedUpTo) {
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
        dropRows(Long.MAX_VALUE);
        for (Long revision : waiting.headMap(latest, false).values().stream().map(ChangeNotice::revision).toList()) {
            waitingRows.remove(revision);
        }
        waiting.headMap(latest, false).clear();
        drain();
    }

    /**
     * Hears of a commit, with its rows when it is this instance's own and small enough (or of an
     * epoch started by an instance opening the database).
     */
    synchronized void publish(CommittedChanges committed) {
        ChangeNotice notice = committed.notice();
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
            // Heard of already: on PostgreSQL an instance hears its own commits as notifications
            // too, without rows, and may hear them first.
            if (committed.rows() != null && log.containsKey(notice.revision()) && !rows.containsKey(notice.revision())) {
                keepRows(notice.revision(), committed.rows());
            }
            return;
        }
        if (known && after < knownUpTo) {
            forget();
            return;
        }
        ChangeNotice earlier = waiting.put(after, notice);
        if (earlier != null && earlier.revision() != notice.revision()) {
            waitingRows.remove(earlier.revision());
        }
        if (committed.rows() != null) {
            // A notification of the same commit without rows, arriving before or after, keeps them.
            waitingRows.put(notice.revision(), committed.rows());
        }
        if (known) {
            drain();
        }
        if (waiting.size() > MOST_WAITING) {
            forget();
            waiting.clear();
            waitingRows.clear();
        }
    }

    /** Moves the notices that follow on from {@code knownUpTo} into the log. */
    private void drain() {
        ChangeNotice next;
        while ((next = waiting.remove(knownUpTo)) != null) {
            log.put(next.revision(), next);
            knownUpTo = next.revision();
            List<StoredRow> kept = waitingRows.remove(next.revision());
            if (kept != null) {
                keepRows(next.revision(), kept);
            }
        }
        while (log.size() > KEPT) {
            knownFrom = log.pollFirstEntry().getKey();
        }
        dropRows(knownFrom);
    }

    /** Keeps the rows of the commit that ended at {@code revision}, dropping the oldest beyond {@link #ROWS_KEPT}. */
    private void keepRows(long revision, List<StoredRow> committed) {
        rows.put(revision, committed);
        rowsKept += committed.size();
        while (rowsKept > ROWS_KEPT && !rows.isEmpty()) {
            rowsKept -= rows.pollFirstEntry().getValue().size();
        }
    }

    /** Forgets the rows of commits up to {@code revision}. */
    private void dropRows(long revision) {
        while (!rows.isEmpty() && rows.firstKey() <= revision) {
            rowsKept -= rows.pollFirstEntry().getValue().size();
        }
    }

    /** Stops answering from memory until {@link #startIfNeeded} starts afresh. */
    private void forget() {
        known = false;
        log.clear();
        dropRows(Long.MAX_VALUE);
        scopes.clear();
    }

    /**
     * Keeps {@code userId}'s scope (sorted), read when the database's latest revision was
     * {@code readAt}; {@code partner} when they see only some tenants of a customer.
     */
    synchronized void rememberScope(String userId, long[] tpids, boolean partner, long readAt) {
        if (scopes.size() >= SCOPES && !scopes.containsKey(userId)) {
            scopes.clear();
        }
        scopes.put(userId, new Scope(tpids, partner, readAt));
    }

    /**
     * {@code userId}'s scope (sorted) when it is kept and no commit since it was read changed it;
     * null when not known.
     */
    synchronized long[] scope(String userId) {
        Scope scope = scopes.get(userId);
        if (scope == null || !known || scope.checkedUpTo() < knownFrom) {
            return null;
        }
        // Only the notices since the last look: a desktop asks every few seconds, and walking
        // every notice since the scope was read (up to KEPT of them) each time was most of a pull.
        for (ChangeNotice notice : log.tailMap(scope.checkedUpTo(), false).values()) {
            if (notice.everyone() || notice.users().contains(userId)) {
                scopes.remove(userId);
                return null;
            }
        }
        if (scope.checkedUpTo() < knownUpTo) {
            scopes.put(userId, new Scope(scope.tpids(), scope.partner(), knownUpTo));
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
        return page(userId, scope, since, epoch, 0);
    }

    /**
     * The page answering a pull by {@code userId} (who sees {@code scope}, sorted) after revision
     * {@code since}, of at most {@code limit} rows, when it is known here: everything up to the latest
     * revision known, quiet or with the rows of this instance's commits. Null when it is not known
     * (see the class comment): the database answers. {@code epoch} as in {@link #quietPage}.
     */
    synchronized ChangesPage page(String userId, long[] scope, long since, String epoch, int limit) {
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
        Map<String, StoredRow> latest = new HashMap<>();
        for (ChangeNotice notice : after.values()) {
            if (!notice.touches(userId, scope)) {
                continue;
            }
            List<StoredRow> committed = rows.get(notice.revision());
            if (limit == 0 || notice.everyone() || notice.users().contains(userId) || committed == null || since == 0) {
                return null;
            }
            for (StoredRow row : committed) {
                if (Arrays.binarySearch(scope, row.tpid()) >= 0) {
                    // A row changed by several commits goes out once, as it stands after the last.
                    latest.put(row.kind().wireName() + ":" + row.id(), row);
                }
            }
            if (latest.size() > limit) {
                return null;
            }
        }
        List<RowChange> changes = List.of();
        if (!latest.isEmpty()) {
            Scope kept = scopes.get(userId);
            if (kept == null || kept.partner()) {
                // A partner sees only some tenants of a customer: the database sorts out which.
                return null;
            }
            changes = latest.values().stream().sorted(Comparator.comparingLong(StoredRow::revision))
                    .map(StoredRow::toChange).toList();
            answeredWithRows++;
        } else {
            answered++;
        }
        ChangesPage page = new ChangesPage(since, knownUpTo, false, knownUpTo, changes, List.of(), serverId);
        return epoch == null ? page : page.withNextEpoch(epochOf(knownUpTo));
    }

    /** The epoch of {@code revision}, known from {@code knownFrom} on (as {@link RevisionEpochs#of}). */
    private String epochOf(long revision) {
        if (revision <= 0) {
            return null;
        }
        return revision >= currentFrom ? currentEpoch : earlierEpoch;
    }

    /** How many pulls with nothing new were answered from memory. */
    synchronized long answered() {
        return answered;
    }

    /** How many pulls with new rows were answered from memory. */
    synchronized long answeredWithRows() {
        return answeredWithRows;
    }

    /** How many rows of recent commits are kept. */
    synchronized int rowsKept() {
        return rowsKept;
    }

    /** The range of revisions whose every commit is known; empty when none is. */
    synchronized long[] knownRange() {
        return known ? new long[] {knownFrom, knownUpTo} : new long[0];
    }
}
