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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code GET /api/v1/changes?since=REV&limit=N}: everything the caller may see that changed after
 * revision REV, in revision order, paged.
 *
 * <p>Two streams are merged by revision. Ordinary changes: rows of customers in the caller's
 * scope whose revision is after REV. Scope growth: a customer that came into scope at revision
 * G after REV is sent whole at G (all its rows, whatever their revision). Both are numbered by
 * unique revisions, so a page can end between any two of them and {@code next} is exact. A
 * customer that left the scope in the page's range is listed in {@code droppedCustomers}. Every
 * query is bounded by the revision read first, so rows committed during the request are left for
 * the next pull rather than skipped.
 */
final class ChangesApi {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;

    private final Database db;

    ChangesApi(Database db) {
        this.db = db;
    }

    void register(RoutesConfig routes) {
        routes.get(FtopServer.API + "/changes", this::changes);
    }

    private void changes(Context ctx) throws SQLException {
        User user = Http.user(ctx);
        long since = Http.longParam(ctx, "since", 0, 0, Long.MAX_VALUE);
        int limit = (int) Http.longParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        ChangesPage page = db.read(c -> pull(c, user.userId(), since, limit));
        Http.json(ctx, 200, page);
    }

    /** One page of changes for {@code userId}; see the class comment. */
    static ChangesPage pull(Connection c, String userId, long since, int limit) throws SQLException {
        long upTo = RowStore.currentRevision(c);
        if (since >= upTo) {
            return new ChangesPage(since, since, false, upTo, List.of(), List.of());
        }
        Map<Long, Set<UUID>> partnerTenants = new HashMap<>();
        List<long[]> grown = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tpid, granted_revision, tenant_filter FROM user_scope "
                + "WHERE user_id = ? AND ((granted_revision > ? AND granted_revision <= ?) OR tenant_filter IS NOT NULL) "
                + "ORDER BY granted_revision")) {
            ps.setString(1, userId);
            ps.setLong(2, since);
            ps.setLong(3, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
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
            }
        }

        List<StoredRow> ordinary;
        // sync_row alone in FROM, the scope as a per-row EXISTS on user_scope's primary key: the
        // database walks the revision index from the cursor and stops after limit + 1 rows. As a
        // join it fetched and sorted every row of the user's customers after the cursor, per page.
        try (PreparedStatement ps = c.prepareStatement("SELECT r.kind, r.id, r.tpid, r.revision, r.body "
                + "FROM sync_row r WHERE r.revision > ? AND r.revision <= ?"
                + (since == 0 ? " AND r.deleted = FALSE" : "")
                + " AND EXISTS (SELECT 1 FROM user_scope s WHERE s.user_id = ? AND s.tpid = r.tpid"
                + " AND s.granted_revision < r.revision)"
                + " ORDER BY r.revision LIMIT ?")) {
            ps.setLong(1, since);
            ps.setLong(2, upTo);
            ps.setString(3, userId);
            ps.setInt(4, limit + 1);
            ordinary = RowStore.readAll(ps);
        }

        List<RowChange> changes = new ArrayList<>();
        int i = 0;
        int g = 0;
        long next = since;
        boolean more = false;
        while (i < ordinary.size() || g < grown.size()) {
            if (changes.size() >= limit) {
                more = true;
                break;
            }
            long ordinaryRev = i < ordinary.size() ? ordinary.get(i).revision() : Long.MAX_VALUE;
            long grownRev = g < grown.size() ? grown.get(g)[1] : Long.MAX_VALUE;
            if (ordinaryRev < grownRev) {
                StoredRow row = ordinary.get(i++);
                if (row.deleted() || visible(row, partnerTenants.get(row.tpid()))) {
                    changes.add(row.toChange());
                }
                next = ordinaryRev;
            } else {
                long tpid = grown.get(g++)[0];
                for (StoredRow row : wholeCustomer(c, tpid, grownRev, since)) {
                    // A partner's hidden tenants go out as tombstones: they may have seen them before.
                    changes.add(row.deleted() || visible(row, partnerTenants.get(tpid)) ? row.toChange() : row.toTombstone());
                }
                next = grownRev;
            }
        }
        if (!more) {
            next = upTo;
        }
        return new ChangesPage(since, next, more, upTo, changes, dropped(c, userId, since, next));
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
    private static boolean visible(StoredRow row, Set<UUID> partnerTenants) {
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
