package ftop.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.assignment.Assignment;
import ftop.core.change.EntityKind;
import ftop.core.change.FieldChange;
import ftop.core.customer.Customer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The one way a row changes on the server, whoever asks (a client's mutation, a feed import):
 * a new revision, the server copy (or tombstone), one field-history entry per changed field and
 * the scope effects (assignments, customers and people change who sees what). Permission and
 * validation are the caller's job; this must run in a transaction of
 * {@link Database#inRevisionTransaction}.
 */
final class RowWrites {

    private RowWrites() {
    }

    /**
     * Turns {@code before} into {@code after} ({@code before} null: create; {@code after} null:
     * delete) on behalf of {@code userId}.
     *
     * @return the new revision of the row
     */
    static long write(Connection c, String userId, Instant now, EntityKind kind, String id, Object before, Object after)
            throws SQLException {
        Object row = after != null ? after : before;
        long tpid = kind.tpidOf(row);
        long revision = RowStore.takeRevisions(c, 1);
        RowStore.write(c, kind, id, tpid, revision, after, userId, now);
        recordHistory(c, userId, now, revision, kind, id, tpid, before, after);
        updateScope(c, kind, before, after, revision);
        return revision;
    }

    /**
     * Whether a change of a row of {@code kind} changes who sees what (and so does more than write
     * the row and its history): assignments, customers and people.
     */
    static boolean changesScope(EntityKind kind) {
        return kind == EntityKind.ASSIGNMENT || kind == EntityKind.CUSTOMER || kind == EntityKind.USER;
    }

    private static void updateScope(Connection c, EntityKind kind, Object before, Object after, long revision)
            throws SQLException {
        switch (kind) {
            case ASSIGNMENT -> {
                Assignment b = (Assignment) before;
                Assignment a = (Assignment) after;
                if (b != null) {
                    ScopeIndex.refresh(c, b.userId(), b.tpid(), revision);
                }
                if (a != null && (b == null || !a.userId().equals(b.userId()) || a.tpid() != b.tpid())) {
                    ScopeIndex.refresh(c, a.userId(), a.tpid(), revision);
                }
            }
            case CUSTOMER -> {
                Customer b = (Customer) before;
                Customer a = (Customer) after;
                if (b == null || a == null || b.region() != a.region()) {
                    ScopeIndex.refreshCustomer(c, (a != null ? a : b).tpid(), revision);
                }
            }
            case USER -> {
                String userId = EntityKind.USER.idOf(after != null ? after : before);
                if (after == null) {
                    Accounts.forget(c, userId);
                }
                ScopeIndex.recomputeUser(c, userId);
            }
            default -> {
                // Other rows do not change who sees what.
            }
        }
    }

    /** Inserts field history entries; {@link #addHistory} fills its batch. */
    static final String INSERT_HISTORY = "INSERT INTO field_change (revision, changed_at, user_id, kind, "
            + "entity_id, tpid, field, from_value, to_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static void recordHistory(Connection c, String userId, Instant now, long revision, EntityKind kind,
                                      String entityId, long tpid, Object before, Object after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
            addHistory(ps, userId, now, revision, kind, entityId, tpid, before, after);
            ps.executeBatch();
        }
    }

    /**
     * Adds to the batch of {@code ps} (prepared from {@link #INSERT_HISTORY}) one history entry per
     * field that differs between {@code before} and {@code after}; a deletion is one entry for the
     * whole row (field ""). The one place that decides what a change records.
     *
     * @return the number of entries added
     */
    static int addHistory(PreparedStatement ps, String userId, Instant now, long revision, EntityKind kind,
                          String entityId, long tpid, Object before, Object after) throws SQLException {
        List<FieldChange> changes = FieldChange.between(revision, now, userId, kind, entityId, before, after);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        for (FieldChange change : changes) {
            ps.setLong(1, revision);
            ps.setObject(2, at);
            ps.setString(3, userId);
            ps.setString(4, kind.wireName());
            ps.setString(5, entityId);
            ps.setLong(6, tpid);
            ps.setString(7, change.field());
            setJson(ps, 8, change.from());
            setJson(ps, 9, change.to());
            ps.addBatch();
        }
        return changes.size();
    }

    private static void setJson(PreparedStatement ps, int index, JsonNode value) throws SQLException {
        if (value == null || value.isNull() || value.isMissingNode()) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.toString());
        }
    }
}
