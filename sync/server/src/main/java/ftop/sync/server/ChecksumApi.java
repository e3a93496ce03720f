package ftop.sync.server;

import ftop.core.change.CacheChecksum;
import ftop.core.user.User;
import ftop.sync.protocol.CustomerRows;
import ftop.sync.protocol.RowChange;
import ftop.sync.protocol.ScopeChecksum;
import ftop.sync.protocol.ScopeChecksum.BucketChecksum;
import ftop.sync.protocol.ScopeChecksum.CustomerChecksum;
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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The cache check: {@code GET /api/v1/checksum?revision=R[&buckets=B,...]} answers a checksum
 * ({@link CacheChecksum}) of every row the caller may see as of revision R, the revision their
 * workspace last pulled up to, by bucket of customers, and per customer for the buckets asked for
 * (then of those buckets only); {@code GET /api/v1/customers/{tpid}/rows} answers a customer's rows
 * whole, to repair a copy that differs. A desktop compares the checksum with its own over its
 * cache and so finds a cache that drifted from the server (a bug, a restored backup, a hand-edited
 * file) without downloading it.
 *
 * <p>The server keeps only the current rows, so a customer whose rows or place in the caller's
 * scope changed after R cannot be checked at R: it is left out and named in {@code unsettled}.
 * Everything else is exactly what R's pulls gave the caller.
 */
final class ChecksumApi {

    private final Database db;

    ChecksumApi(Database db) {
        this.db = db;
    }

    void register(RoutesConfig routes) {
        routes.get(FtopServer.API + "/checksum", this::checksum);
        routes.get(FtopServer.API + "/customers/{tpid}/rows", this::rows);
    }

    private void checksum(Context ctx) throws SQLException {
        User user = Http.user(ctx);
        if (ctx.queryParam("revision") == null || ctx.queryParam("revision").isBlank()) {
            throw ApiException.badRequest("Parameter \"revision\" is required: the revision the workspace last pulled up to",
                    "revision");
        }
        long revision = Http.longParam(ctx, "revision", 0, 0, Long.MAX_VALUE);
        Set<Integer> buckets = buckets(ctx.queryParam("buckets"));
        ScopeChecksum answer = db.read(c -> checksum(c, db.latestRevision(c), user.userId(), revision, buckets));
        Http.json(ctx, 200, answer);
    }

    private void rows(Context ctx) throws SQLException {
        User user = Http.user(ctx);
        long tpid = Http.tpidPath(ctx);
        CustomerRows answer = db.read(c -> rows(c, db.latestRevision(c), user.userId(), tpid));
        Http.json(ctx, 200, answer);
    }

    /** The buckets of {@code raw} ("3,17,200"), none when absent. */
    private static Set<Integer> buckets(String raw) {
        Set<Integer> out = new TreeSet<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String part : raw.split(",")) {
            int bucket;
            try {
                bucket = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Parameter \"buckets\" lists bucket numbers separated by commas, not \""
                        + Http.shorten(raw) + "\"", "buckets");
            }
            if (bucket < 0 || bucket >= CacheChecksum.BUCKETS) {
                throw ApiException.badRequest("A bucket is a number from 0 to " + (CacheChecksum.BUCKETS - 1)
                        + ", not " + bucket, "buckets");
            }
            out.add(bucket);
        }
        return out;
    }

    /**
     * The checksum of what {@code userId} sees at {@code revision}; with {@code detail} buckets,
     * of those buckets only, with their customers one by one.
     *
     * @throws ApiException 409 {@code resync} when {@code revision} is beyond {@code latest}
     */
    static ScopeChecksum checksum(Connection c, long latest, String userId, long revision, Set<Integer> detail)
            throws SQLException {
        if (revision > latest) {
            throw new ApiException(409, "resync", "This workspace has synced up to revision " + revision
                    + " but the server's latest is " + latest + ": it cannot be checked against this server until it "
                    + "has synced afresh.", "revision");
        }
        Set<Long> unsettled = new TreeSet<>();
        Map<Long, Set<UUID>> partnerTenants = new HashMap<>();
        List<Long> settled = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tpid, granted_revision, tenant_filter FROM user_scope WHERE user_id = ? ORDER BY tpid")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long tpid = rs.getLong(1);
                    if (rs.getLong(2) > revision) {
                        unsettled.add(tpid);
                        continue;
                    }
                    String filter = rs.getString(3);
                    if (filter != null) {
                        partnerTenants.put(tpid, ScopeIndex.decode(filter));
                    }
                    settled.add(tpid);
                }
            }
        }
        // A customer that left the scope after the revision is still in the caller's cache.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT tpid FROM scope_drop WHERE user_id = ? AND revision > ?")) {
            ps.setString(1, userId);
            ps.setLong(2, revision);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unsettled.add(rs.getLong(1));
                }
            }
        }
        CacheChecksum sums = new CacheChecksum();
        // Tombstones are read too: a row deleted after the revision unsettles its customer.
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RowStore.COLUMNS + " FROM sync_row WHERE tpid = ?")) {
            for (long tpid : settled) {
                // Asked for some buckets' customers, only those are read: the rest was compared already.
                if (unsettled.contains(tpid) || !detail.isEmpty() && !detail.contains(CacheChecksum.bucketOf(tpid))) {
                    continue;
                }
                ps.setLong(1, tpid);
                Set<UUID> tenants = partnerTenants.get(tpid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredRow row = RowStore.read(rs);
                        if (row.revision() > revision) {
                            unsettled.add(tpid);
                            sums.exclude(tpid);
                            break;
                        }
                        if (!row.deleted() && ChangesApi.visible(row, tenants)) {
                            sums.add(tpid, row.kind(), row.id(), row.revision(), row.body());
                        }
                    }
                }
            }
        }
        List<BucketChecksum> buckets = new ArrayList<>();
        sums.buckets().forEach((bucket, digest) -> buckets.add(new BucketChecksum(bucket, digest.rows(), digest.checksum())));
        List<CustomerChecksum> customers = new ArrayList<>();
        if (!detail.isEmpty()) {
            SortedMap<Long, CacheChecksum.Digest> byCustomer = new TreeMap<>(sums.customers());
            byCustomer.forEach((tpid, digest) -> {
                if (detail.contains(CacheChecksum.bucketOf(tpid))) {
                    customers.add(new CustomerChecksum(tpid, digest.rows(), digest.checksum()));
                }
            });
        }
        CacheChecksum.Digest total = sums.total();
        return new ScopeChecksum(revision, latest, total.rows(), total.checksum(), buckets, List.copyOf(unsettled), customers);
    }

    /**
     * Every live row of customer {@code tpid} that {@code userId} may see now.
     *
     * @throws ApiException 409 {@code changing} when a row changed after {@code latest} (a write on
     *                      its way to the disk): the caller asks again later
     */
    static CustomerRows rows(Connection c, long latest, String userId, long tpid) throws SQLException {
        Set<UUID> tenants;
        try (PreparedStatement ps = c.prepareStatement("SELECT tenant_filter FROM user_scope WHERE user_id = ? AND tpid = ?")) {
            ps.setString(1, userId);
            ps.setLong(2, tpid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new CustomerRows(tpid, latest, false, List.of());
                }
                String filter = rs.getString(1);
                tenants = filter == null ? null : ScopeIndex.decode(filter);
            }
        }
        List<RowChange> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RowStore.COLUMNS
                + " FROM sync_row WHERE tpid = ? AND deleted = FALSE ORDER BY revision")) {
            ps.setLong(1, tpid);
            for (StoredRow row : RowStore.readAll(ps)) {
                if (row.revision() > latest) {
                    throw new ApiException(409, "changing", "Customer " + tpid + " is being changed right now; "
                            + "ask again in a moment.", "tpid");
                }
                if (ChangesApi.visible(row, tenants)) {
                    rows.add(row.toChange());
                }
            }
        }
        return new CustomerRows(tpid, latest, true, rows);
    }
}
