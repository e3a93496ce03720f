package ftop.sync.server;

import ftop.core.change.EntityKind;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.RowChange;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/changes?since=REV&limit=N}: everything the caller may see that changed after
 * revision REV, in revision order, paged.
 *
 * <p>Two streams are merged by revision. Ordinary changes: rows of customers in the caller's
 * scope whose revision is after REV. Scope growth: a customer that came into scope at revision
 * G after REV is sent whole at G (all its rows, whatever their revision). Both are numbered by
 * unique revisions, so {@code next} is exact. A customer that left the scope in the page's range
 * is listed in {@code droppedCustomers}. Every query is bounded by the revision read first, so
 * rows committed during the request are left for the next pull rather than skipped.
 *
 * <p>A page ends only where a writing transaction ended ({@link RevisionCommits}), so a client
 * never shows a state the server never had, such as half of a push batch: when the limit falls
 * inside a transaction, the page stops before it, or, when the transaction starts the page, runs
 * over the limit to take it whole (up to {@link #MAX_TRANSACTION_ROWS} rows).
 *
 * <p>Every page carries the database's id ({@link Database#serverId()}). A cursor beyond the
 * server's latest revision cannot come from this history (the database was restored from an older
 * copy): it is answered 409 {@code resync}, so the client syncs afresh instead of waiting for
 * revisions it will never get. A client that sends {@code epoch=E} with its cursor (the
 * {@code nextEpoch} of the page that gave it the cursor; see {@link RevisionEpochs}) is answered
 * 409 {@code resync} too when the server's revision at the cursor belongs to another epoch: the
 * number was lost and given out again, and the client would otherwise skip the new change.
 *
 * <p>{@code wait=S} makes it a long-poll: a page with something new is answered at once; an empty
 * one is held, without a thread, until a commit touches the caller's scope ({@link LiveChanges})
 * or S seconds pass (at most {@link #MAX_WAIT_SECONDS}), then answered. The header
 * {@value #WAIT_HEADER} says how long the server was ready to wait, so a client can tell a server
 * that holds requests from an older one that answers at once.
 */
final class ChangesApi {

    private static final Logger LOG = LoggerFactory.getLogger(ChangesApi.class);

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;
    /**
     * The most rows a page takes to finish a transaction it would otherwise end inside. A larger
     * transaction (for one caller) is split across pages as if it were several.
     */
    static final int MAX_TRANSACTION_ROWS = 4 * MAX_LIMIT;
    /**
     * Up to this many customers in scope, a page is found through the customers' rows rather than
     * by walking the revision index (see {@link #ordinaryByCustomers}).
     */
    static final int SMALL_SCOPE = 1000;
    /** Roughly what seeking one customer's rows costs, in steps of the revision walk. */
    private static final long SEEK_COST = 16;

    private final Database db;
    private final LiveChanges live;
    private final RecentCommits recent;

    ChangesApi(Database db, LiveChanges live, RecentCommits recent) {
        this.db = db;
        this.live = live;
        this.recent = recent;
    }

    void register(RoutesConfig routes) {
        routes.get(FtopServer.API + "/changes", this::changes);
    }

    /** The longest a request may wait for changes ({@code wait=}); longer asks are cut to it. */
    static final int MAX_WAIT_SECONDS = 30;
    /** The answer's header saying how long the server was ready to wait: a client learns the server can. */
    static final String WAIT_HEADER = "Ftop-Wait";

    /** What one request asked for. */
    private record Ask(User user, long since, int limit, String epoch) {
    }

    /**
     * A page, and when it holds nothing new for the caller, the customers the caller sees (sorted),
     * to wait for changes to them.
     */
    private record Pulled(ChangesPage page, long[] scope) {
    }

    private void changes(Context ctx) throws SQLException {
        User user = Http.user(ctx);
        long since = Http.longParam(ctx, "since", 0, 0, Long.MAX_VALUE);
        int limit = (int) Http.longParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int wait = (int) Math.min(MAX_WAIT_SECONDS, Http.longParam(ctx, "wait", 0, 0, Integer.MAX_VALUE));
        // A client that knows epochs sends one, empty when it holds none for its cursor.
        Ask ask = new Ask(user, since, limit, ctx.queryParam("epoch"));
        if (ctx.queryParam("wait") != null) {
            ctx.header(WAIT_HEADER, Integer.toString(wait));
        }
        Pulled known = fromMemory(ask, wait > 0);
        Pulled pulled = known != null ? known : pull(ask, wait > 0);
        if (pulled.scope() == null) {
            Http.json(ctx, 200, pulled.page());
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(wait);
        ctx.future(() -> {
            live.holding(ctx.req().getAsyncContext());
            return hold(ask, pulled, deadline).thenAccept(page -> Http.json(ctx, 200, page));
        });
    }

    /**
     * Waits for a commit touching the caller's scope, then pulls again; answers the quiet page when
     * the time runs out. A commit that touched the caller's customers but nothing they may see (a
     * partner's hidden tenant) brings an empty page: the request waits on for what time is left.
     */
    private CompletableFuture<ChangesPage> hold(Ask ask, Pulled quiet, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return CompletableFuture.completedFuture(quiet.page());
        }
        return live.await(ask.user().userId(), quiet.scope(), quiet.page().serverRevision(), Duration.ofNanos(left))
                .thenComposeAsync(woken -> {
                    if (!woken) {
                        return CompletableFuture.completedFuture(quiet.page());
                    }
                    Pulled again = fromMemory(ask, true);
                    try {
                        again = again != null ? again : pull(ask, true);
                    } catch (SQLException | RuntimeException e) {
                        // The page answered is still true; the client asks again and meets the failure then.
                        LOG.debug("Pulling again for a woken request failed", e);
                        return CompletableFuture.completedFuture(quiet.page());
                    }
                    return again.scope() == null ? CompletableFuture.completedFuture(again.page()) : hold(ask, again, deadline);
                }, live.workers());
    }

    /**
     * The page {@code ask} asks for when this instance knows it without the database
     * ({@link RecentCommits}): nothing new for the caller after the cursor, or only rows of its own
     * recent commits. Null when it does not.
     */
    private Pulled fromMemory(Ask ask, boolean wait) {
        String userId = ask.user().userId();
        long[] scope = recent.scope(userId);
        if (scope == null) {
            return null;
        }
        ChangesPage page = recent.page(userId, scope, ask.since(), ask.epoch(), ask.limit());
        if (page == null) {
            return null;
        }
        return new Pulled(page, wait && page.changes().isEmpty() ? scope : null);
    }

    /** The page {@code ask} asks for, and the caller's scope when {@code wait} and the page holds nothing new. */
    private Pulled pull(Ask ask, boolean wait) throws SQLException {
        long since = ask.since();
        String epoch = ask.epoch();
        return db.read(c -> {
            long latest = db.latestRevision(c);
            recent.startIfNeeded(c, latest);
            if (epoch != null && !epoch.isBlank() && since > 0 && since <= latest) {
                String current = RevisionEpochs.of(c, since);
                if (!epoch.equals(current)) {
                    throw resyncFromOtherEpoch(since);
                }
            }
            if (since > 0 && since < Retention.Marks.read(c).tombstonesBefore() - 1) {
                throw resyncAfterPrune(since);
            }
            ChangesPage page = pull(c, db.serverId(), latest, ask.user().userId(), since, ask.limit(), Plan.CHOOSE);
            page = epoch == null ? page : page.withNextEpoch(RevisionEpochs.of(c, page.next()));
            boolean quiet = page.changes().isEmpty() && page.droppedCustomers().isEmpty() && !page.more();
            String userId = ask.user().userId();
            long[] scope = null;
            if (quiet && (wait || recent.scope(userId) == null)) {
                // Kept, so that the caller's next quiet pulls are answered from memory.
                scope = rememberScope(c, userId, latest);
            }
            return new Pulled(page, wait && quiet ? scope : null);
        });
    }

    /**
     * Reads the customers {@code userId} sees (0 for the directory of people), sorted, and keeps them
     * for the caller's next pulls, as read when the latest revision was {@code latest}.
     */
    private long[] rememberScope(Connection c, String userId, long latest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tpid, tenant_filter FROM user_scope WHERE user_id = ?")) {
            ps.setString(1, userId);
            LongStream.Builder tpids = LongStream.builder();
            boolean partner = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tpids.add(rs.getLong(1));
                    partner |= rs.getString(2) != null;
                }
            }
            long[] scope = tpids.build().sorted().toArray();
            recent.rememberScope(userId, scope, partner, latest);
            return scope;
        }
    }

    private static ApiException resyncFromOtherEpoch(long since) {
        return new ApiException(409, "resync", "Revision " + since + ", where this workspace has synced up to, now "
                + "stands for other changes on the server (its data was restored from a backup, or changes were lost and "
                + "the number given out again). A full sync is needed; the workspace's unsynced edits are kept.", "epoch");
    }

    private static ApiException resyncAfterPrune(long since) {
        return new ApiException(409, "resync", "This workspace last synced at revision " + since + ", longer ago than "
                + "the server keeps deletions; a full sync is needed. The workspace's unsynced edits are kept.", "since");
    }

    /** How a page's ordinary changes are found; both find the same rows. */
    enum Plan {
        /** Seek the customers' rows for a small scope and a long way to go, else walk the revisions. */
        CHOOSE,
        /** Walk the revision index from the cursor. */
        WALK,
        /** Seek each customer's rows (when the scope is small; a large one is walked). */
        SEEK
    }

    /**
     * One page of changes for {@code userId} up to revision {@code latest} (the latest that may be
     * handed out: {@link Database#latestRevision}), found the way {@code plan} says, from the
     * database {@code serverId} names.
     *
     * @throws ApiException 409 {@code resync} when {@code since} is beyond the latest revision
     */
    static ChangesPage pull(Connection c, String serverId, long latest, String userId, long since, int limit, Plan plan)
            throws SQLException {
        long upTo = latest;
        if (since > upTo) {
            throw resync(since, upTo);
        }
        if (since == upTo) {
            return new ChangesPage(since, since, false, upTo, List.of(), List.of(), serverId);
        }
        Map<Long, Set<UUID>> partnerTenants = new HashMap<>();
        List<long[]> grown = new ArrayList<>();
        Map<Long, Long> scope = smallScope(c, userId, since, upTo, partnerTenants, grown);
        if (scope == null) {
            partnerTenants.clear();
            grown.clear();
            readScope(c, userId, since, upTo, partnerTenants, grown);
        }
        Scope seen = new Scope(userId, scope, partnerTenants, grown);
        Draft page = draft(c, seen, since, upTo, limit, plan);
        // A page ends only where a transaction ended: a client never shows half of a push batch or
        // an import. It stops before the transaction when it holds something before it, else runs
        // over its limit to take the transaction whole (up to MAX_TRANSACTION_ROWS).
        for (int step = 0; page.full() && step < 64; step++) {
            Optional<RevisionCommits.Range> open = RevisionCommits.around(c, page.next());
            if (open.isEmpty()) {
                break;
            }
            long before = open.get().first() - 1;
            if (before > since) {
                page = draft(c, seen, since, before, limit, plan);
            } else {
                Draft whole = draft(c, seen, since, open.get().last(), MAX_TRANSACTION_ROWS, plan);
                if (!whole.full()) {
                    page = whole;
                }
                break;
            }
        }
        return new ChangesPage(since, page.next(), page.next() < upTo, upTo, page.changes(),
                dropped(c, userId, since, page.next()), serverId);
    }

    /** Who asks and what they see: read once per request, used by every draft of its page. */
    private record Scope(String userId, Map<Long, Long> small, Map<Long, Set<UUID>> partnerTenants, List<long[]> grown) {
    }

    /**
     * A page's rows after {@code since} up to {@code bound}, at most {@code limit} of them (a
     * customer that came into scope counts as one item, however many rows it has).
     *
     * @param next the revision the page ends at: {@code bound} when everything up to it fitted
     * @param full true when the limit stopped the page before {@code bound}
     */
    private record Draft(List<RowChange> changes, long next, boolean full) {
    }

    private static Draft draft(Connection c, Scope scope, long since, long bound, int limit, Plan plan)
            throws SQLException {
        // Seeking each customer's rows costs a few index steps per customer; walking the revisions
        // one step per revision. A short way to go (the usual incremental pull) is walked.
        boolean seek = scope.small() != null && switch (plan) {
            case CHOOSE -> (long) scope.small().size() * SEEK_COST < bound - since;
            case WALK -> false;
            case SEEK -> true;
        };
        List<StoredRow> ordinary = seek
                ? ordinaryByCustomers(c, scope.small(), since, bound, limit + 1)
                : ordinaryByRevision(c, scope.userId(), since, bound, limit + 1);
        List<long[]> grown = scope.grown();

        List<RowChange> changes = new ArrayList<>();
        int i = 0;
        int g = 0;
        long next = since;
        while (i < ordinary.size() || (g < grown.size() && grown.get(g)[1] <= bound)) {
            if (changes.size() >= limit) {
                return new Draft(changes, next, true);
            }
            long ordinaryRev = i < ordinary.size() ? ordinary.get(i).revision() : Long.MAX_VALUE;
            long grownRev = g < grown.size() ? grown.get(g)[1] : Long.MAX_VALUE;
            if (ordinaryRev < grownRev) {
                StoredRow row = ordinary.get(i++);
                if (row.deleted() || visible(row, scope.partnerTenants().get(row.tpid()))) {
                    changes.add(row.toChange());
                }
                next = ordinaryRev;
            } else {
                long tpid = grown.get(g++)[0];
                for (StoredRow row : wholeCustomer(c, tpid, grownRev, since)) {
                    // A partner's hidden tenants go out as tombstones: they may have seen them before.
                    changes.add(row.deleted() || visible(row, scope.partnerTenants().get(tpid))
                            ? row.toChange() : row.toTombstone());
                }
                next = grownRev;
            }
        }
        return new Draft(changes, bound, false);
    }

    private static ApiException resync(long since, long upTo) {
        return new ApiException(409, "resync", "This workspace is ahead of the server: it has synced up to revision "
                + since + " but the server's latest is " + upTo + " (its data was restored from an older copy or "
                + "reset). A full sync is needed; the workspace's unsynced edits are kept.", "since");
    }

    /**
     * The customers of a small scope (at most {@link #SMALL_SCOPE} of them) with the revision at
     * which each came into scope, its partners' tenant filters and the customers that came into
     * scope in (since, upTo] (in revision order), in one reading; null for a larger scope.
     */
    private static Map<Long, Long> smallScope(Connection c, String userId, long since, long upTo,
                                              Map<Long, Set<UUID>> partnerTenants, List<long[]> grown) throws SQLException {
        Map<Long, Long> scope = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tpid, granted_revision, tenant_filter FROM user_scope WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.setMaxRows(SMALL_SCOPE + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    scope.put(rs.getLong(1), rs.getLong(2));
                    noteScopeRow(rs, since, upTo, partnerTenants, grown);
                }
            }
        }
        if (scope.size() > SMALL_SCOPE) {
            return null;
        }
        grown.sort(Comparator.comparingLong(g -> g[1]));
        return scope;
    }

    /**
     * Partners' tenant filters and the customers that came into scope in (since, upTo], in revision
     * order, of a large scope: only its rows that say either are read.
     */
    private static void readScope(Connection c, String userId, long since, long upTo,
                                  Map<Long, Set<UUID>> partnerTenants, List<long[]> grown) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tpid, granted_revision, tenant_filter FROM user_scope "
                + "WHERE user_id = ? AND ((granted_revision > ? AND granted_revision <= ?) OR tenant_filter IS NOT NULL) "
                + "ORDER BY granted_revision")) {
            ps.setString(1, userId);
            ps.setLong(2, since);
            ps.setLong(3, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    noteScopeRow(rs, since, upTo, partnerTenants, grown);
                }
            }
        }
    }

    /**
     * Notes a row of {@code user_scope} ({@code tpid, granted_revision, tenant_filter}): its partner
     * filter, and whether its customer came into scope in (since, upTo].
     */
    private static void noteScopeRow(ResultSet rs, long since, long upTo, Map<Long, Set<UUID>> partnerTenants,
                                     List<long[]> grown) throws SQLException {
        long tpid = rs.getLong(1);
        long granted = rs.getLong(2);
        String filter = rs.getString(3);
        if (filter != null) {
            partnerTenants.put(tpid, ScopeIndex.decode(filter));
        }
        if (granted > since && granted <= upTo) {
            grown.add(new long[] {tpid, granted});
        }
    }

    /**
     * A large scope (a lead, the assignment team): most rows are the caller's, so the database walks
     * the revision index from the cursor, checks each row's customer against user_scope's primary
     * key and stops after {@code count} rows. As a join it fetched and sorted every row of the
     * user's customers after the cursor, per page.
     */
    private static List<StoredRow> ordinaryByRevision(Connection c, String userId, long since, long upTo, int count)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.kind, r.id, r.tpid, r.revision, r.body, r.changed_by, r.changed_at "
                + "FROM sync_row r WHERE r.revision > ? AND r.revision <= ?"
                + (since == 0 ? " AND r.deleted = FALSE" : "")
                + " AND EXISTS (SELECT 1 FROM user_scope s WHERE s.user_id = ? AND s.tpid = r.tpid"
                + " AND s.granted_revision < r.revision)"
                + " ORDER BY r.revision LIMIT ?")) {
            ps.setLong(1, since);
            ps.setLong(2, upTo);
            ps.setString(3, userId);
            ps.setInt(4, count);
            return RowStore.readAll(ps);
        }
    }

    /**
     * A small scope (an FM, an FTA, a partner) and a long way to go: the caller's rows are a sliver
     * of the table, so walking the revision index would read most of the table to fill a page.
     * Instead each customer's revisions after the cursor come from the (tpid, revision, deleted)
     * index alone, one range seek per customer, and only the first {@code count} rows are read
     * whole: the cost follows what the caller sees, not the size of the table.
     */
    private static List<StoredRow> ordinaryByCustomers(Connection c, Map<Long, Long> scope, long since, long upTo,
                                                       int count) throws SQLException {
        List<Long> revisions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM sync_row "
                + "WHERE tpid = ? AND revision > ? AND revision <= ?"
                + (since == 0 ? " AND deleted = FALSE" : "") + " ORDER BY revision LIMIT ?")) {
            for (Map.Entry<Long, Long> customer : scope.entrySet()) {
                ps.setLong(1, customer.getKey());
                // Rows from before a customer came into scope travel with it whole (the grown stream).
                ps.setLong(2, Math.max(since, customer.getValue()));
                ps.setLong(3, upTo);
                ps.setInt(4, count);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        revisions.add(rs.getLong(1));
                    }
                }
            }
        }
        if (revisions.isEmpty()) {
            return List.of();
        }
        revisions.sort(null);
        List<StoredRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RowStore.COLUMNS + " FROM sync_row WHERE revision = ?")) {
            for (long revision : revisions.subList(0, Math.min(count, revisions.size()))) {
                ps.setLong(1, revision);
                rows.addAll(RowStore.readAll(ps));
            }
        }
        return rows;
    }

    /**
     * All live rows of a customer up to {@code upTo}, and its tombstones after {@code since} (none on
     * a first sync, when the client holds nothing to delete).
     */
    private static List<StoredRow> wholeCustomer(Connection c, long tpid, long upTo, long since) throws SQLException {
        String tombstones = since == 0 ? "" : " OR revision > ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RowStore.COLUMNS + " FROM sync_row "
                + "WHERE tpid = ? AND revision <= ? AND (deleted = FALSE" + tombstones + ") ORDER BY revision")) {
            ps.setLong(1, tpid);
            ps.setLong(2, upTo);
            if (since > 0) {
                ps.setLong(3, since);
            }
            return RowStore.readAll(ps);
        }
    }

    /**
     * Customers that left the scope in (since, next] and are not back in it by {@code next}
     * (one that came back is sent whole instead).
     */
    private static List<Long> dropped(Connection c, String userId, long since, long next) throws SQLException {
        Set<Long> tpids = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT d.tpid FROM scope_drop d "
                + "WHERE d.user_id = ? AND d.revision > ? AND d.revision <= ? AND NOT EXISTS ("
                + "SELECT 1 FROM user_scope s WHERE s.user_id = d.user_id AND s.tpid = d.tpid AND s.granted_revision <= ?)")) {
            ps.setString(1, userId);
            ps.setLong(2, since);
            ps.setLong(3, next);
            ps.setLong(4, next);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tpids.add(rs.getLong(1));
                }
            }
        }
        return List.copyOf(tpids);
    }

    /** Partners see only their tenants, and the status notes kept on them. */
    static boolean visible(StoredRow row, Set<UUID> partnerTenants) {
        if (partnerTenants == null) {
            return true;
        }
        if (row.kind() == EntityKind.TENANT) {
            return partnerTenants.contains(row.<Tenant>entity().tenantId());
        }
        if (row.kind() == EntityKind.STATUS_NOTE) {
            return partnerTenants.contains(row.<EnterpriseStatusNote>entity().tenantId());
        }
        return true;
    }
}
