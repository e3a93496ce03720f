package ftop.sync.server;

import ftop.core.assignment.Assignment;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.customer.Customer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL on {@code sync_row} and the revision counter, always on the caller's connection and transaction. */
final class RowStore {

    static final String COLUMNS = "kind, id, tpid, revision, body, changed_by, changed_at";

    private RowStore() {
    }

    /** The last revision committed (or given out in this transaction). */
    static long currentRevision(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM revision_counter WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Takes {@code count} new revisions and returns the first. The counter row stays locked until
     * the transaction ends, so writers commit in revision order and a reader never sees a later
     * revision before an earlier one.
     */
    static long takeRevisions(Connection c, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE revision_counter SET revision = revision + ? WHERE id = 1")) {
            ps.setLong(1, count);
            ps.executeUpdate();
        }
        return currentRevision(c) - count + 1;
    }

    static Optional<StoredRow> find(Connection c, EntityKind kind, String id, boolean forUpdate) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM sync_row WHERE kind = ? AND id = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind.wireName());
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The live rows of one kind (second parameter) of one customer (first). */
    static final String BY_TPID = "SELECT " + COLUMNS
            + " FROM sync_row WHERE tpid = ? AND kind = ? AND deleted = FALSE ORDER BY revision";

    /**
     * The live rows of {@code kind} of one customer, through the index on (tpid, kind, deleted):
     * only those rows are read, not every row of the customer.
     */
    static List<StoredRow> byTpid(Connection c, EntityKind kind, long tpid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BY_TPID)) {
            ps.setLong(1, tpid);
            ps.setString(2, kind.wireName());
            return readAll(ps);
        }
    }

    private static List<StoredRow> ofKind(List<StoredRow> rows, EntityKind kind) {
        List<StoredRow> out = new ArrayList<>();
        for (StoredRow row : rows) {
            if (row.kind() == kind) {
                out.add(row);
            }
        }
        return out;
    }

    /** The live rows of {@code kind}, all customers. */
    static List<StoredRow> all(Connection c, EntityKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM sync_row WHERE kind = ? AND deleted = FALSE ORDER BY revision")) {
            ps.setString(1, kind.wireName());
            return readAll(ps);
        }
    }

    /** The live assignments held by {@code userId}, all customers (the kind picked out here, as in {@link #byTpid}). */
    static List<Assignment> assignmentsOf(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM sync_row WHERE ref_user = ? AND deleted = FALSE")) {
            ps.setString(1, userId);
            List<Assignment> out = new ArrayList<>();
            for (StoredRow row : ofKind(readAll(ps), EntityKind.ASSIGNMENT)) {
                out.add(row.entity());
            }
            return out;
        }
    }

    /** Updates a row that is in {@code sync_row} already (a tombstone too); {@link #bindWrite} fills it. */
    static final String UPDATE_ROW = "UPDATE sync_row SET tpid = ?, revision = ?, body = ?, deleted = ?, ref_user = ?, "
            + "region = ?, changed_by = ?, changed_at = ? WHERE kind = ? AND id = ?";
    /** Inserts a row new to {@code sync_row}; {@link #bindWrite} fills it. */
    static final String INSERT_ROW = "INSERT INTO sync_row (tpid, revision, body, deleted, ref_user, region, changed_by, "
            + "changed_at, kind, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Writes the server copy of a row at {@code revision}: {@code entity} null leaves a tombstone.
     * {@code changedBy} and {@code changedAt} say whose change it is, and when.
     */
    static void write(Connection c, EntityKind kind, String id, long tpid, long revision, Object entity,
                      String changedBy, Instant changedAt) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement(UPDATE_ROW)) {
            bindWrite(ps, kind, id, tpid, revision, entity, changedBy, changedAt);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_ROW)) {
                bindWrite(ps, kind, id, tpid, revision, entity, changedBy, changedAt);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Binds the write of a row to {@code ps}, prepared from {@link #UPDATE_ROW} or {@link #INSERT_ROW}
     * (both take the same parameters in the same order): the one place that decides what a row's
     * columns hold.
     */
    static void bindWrite(PreparedStatement ps, EntityKind kind, String id, long tpid, long revision, Object entity,
                          String changedBy, Instant changedAt) throws SQLException {
        String body = entity == null ? null : EntityCodec.toJson(entity);
        ps.setLong(1, tpid);
        ps.setLong(2, revision);
        if (body == null) {
            ps.setNull(3, Types.VARCHAR);
        } else {
            ps.setString(3, body);
        }
        ps.setBoolean(4, body == null);
        ps.setString(5, entity instanceof Assignment a ? a.userId() : null);
        ps.setString(6, entity instanceof Customer customer ? customer.region().name() : null);
        ps.setString(7, changedBy);
        ps.setObject(8, changedAt == null ? null : OffsetDateTime.ofInstant(changedAt, ZoneOffset.UTC));
        ps.setString(9, kind.wireName());
        ps.setString(10, id);
    }

    static List<StoredRow> readAll(PreparedStatement ps) throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs));
            }
        }
        return rows;
    }

    /** Reads the {@link #COLUMNS} of the current result row. */
    static StoredRow read(ResultSet rs) throws SQLException {
        EntityKind kind = EntityKind.fromWireName(rs.getString(1))
                .orElseThrow(() -> new SQLException("Unknown row kind in the database"));
        OffsetDateTime changedAt = rs.getObject(7, OffsetDateTime.class);
        return new StoredRow(kind, rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                changedAt == null ? null : changedAt.toInstant());
    }
}
