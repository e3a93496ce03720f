package ftop.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.assignment.Assignment;
import ftop.core.change.EntityKind;
import ftop.core.customer.Customer;
import ftop.core.permission.CustomerAccess;
import ftop.core.permission.Decision;
import ftop.core.permission.Permissions;
import ftop.core.user.User;
import ftop.sync.protocol.HistoryEntry;
import ftop.sync.protocol.ProtocolJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/v1/customers/{tpid}/history}: who changed which field of a customer's rows,
 * when, from what to what, oldest first. Optional {@code since} (revision) and {@code limit}; a
 * page holds all entries of its last revision, so it may exceed the limit by the rest of that revision.
 */
final class HistoryApi {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    private final Database db;

    HistoryApi(Database db) {
        this.db = db;
    }

    void register(RoutesConfig routes) {
        routes.get(FtopServer.API + "/customers/{tpid}/history", this::history);
    }

    private void history(Context ctx) throws SQLException {
        User user = Http.user(ctx);
        long tpid = Http.tpidPath(ctx);
        long since = Http.longParam(ctx, "since", 0, 0, Long.MAX_VALUE);
        int limit = (int) Http.longParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<HistoryEntry> entries = db.read(c -> read(c, user, tpid, since, db.latestRevision(c), limit));
        Http.json(ctx, 200, entries);
    }

    private static List<HistoryEntry> read(Connection c, User user, long tpid, long since, long latest, int limit)
            throws SQLException {
        Optional<Customer> customer = RowStore.find(c, EntityKind.CUSTOMER, Long.toString(tpid), false)
                .filter(r -> !r.deleted()).map(StoredRow::entity);
        if (customer.isEmpty()) {
            throw ApiException.notFound("There is no customer with TPID " + tpid);
        }
        List<Assignment> assignments = new ArrayList<>();
        for (StoredRow row : RowStore.byTpid(c, EntityKind.ASSIGNMENT, tpid)) {
            assignments.add(row.entity());
        }
        CustomerAccess access = CustomerAccess.of(customer.get(), assignments);
        Decision see = Permissions.canSee(user, access);
        if (see.denied()) {
            throw ApiException.forbidden(see.reason());
        }
        Optional<Set<UUID>> tenants = Permissions.tenantFilter(user, access);
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT revision, changed_at, user_id, kind, entity_id, field, "
                + "from_value, to_value FROM field_change WHERE tpid = ? AND revision > ? AND revision <= ? ORDER BY revision, kind, entity_id, field")) {
            ps.setLong(1, tpid);
            ps.setLong(2, since);
            // Only revisions that may be handed out: on H2, those already on disk.
            ps.setLong(3, latest);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long revision = rs.getLong(1);
                    if (out.size() >= limit && revision != out.get(out.size() - 1).revision()) {
                        // A page ends between revisions, never inside one: the next page asks for
                        // what came after the last revision it has, so a split revision would lose entries.
                        break;
                    }
                    String kind = rs.getString(4);
                    String entityId = rs.getString(5);
                    if (tenants.isPresent() && hiddenFromPartner(c, kind, entityId, tenants.get())) {
                        continue;
                    }
                    out.add(new HistoryEntry(revision, rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), kind, entityId, rs.getString(6), json(rs.getString(7)), json(rs.getString(8))));
                }
            }
        }
        return out;
    }

    /** Partners see the history of their own tenants only (and of the notes on them). */
    private static boolean hiddenFromPartner(Connection c, String kind, String entityId, Set<UUID> tenants) throws SQLException {
        if (kind.equals(EntityKind.TENANT.wireName())) {
            return !tenants.contains(UUID.fromString(entityId));
        }
        if (kind.equals(EntityKind.STATUS_NOTE.wireName())) {
            Optional<StoredRow> note = RowStore.find(c, EntityKind.STATUS_NOTE, entityId, false);
            return note.isEmpty() || note.get().deleted()
                    || !tenants.contains(UUID.fromString(note.get().tree().path("tenantId").asText()));
        }
        return false;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ProtocolJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored history value is not valid JSON", e);
        }
    }
}
