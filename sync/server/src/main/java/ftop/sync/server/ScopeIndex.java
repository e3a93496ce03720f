package ftop.sync.server;

import ftop.core.assignment.Assignment;
import ftop.core.change.EntityKind;
import ftop.core.customer.Customer;
import ftop.core.permission.CustomerAccess;
import ftop.core.permission.Permissions;
import ftop.core.user.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps {@code user_scope} (which customers each user sees, and since when) and the scope log
 * {@code scope_drop} up to date as assignments, customers and people change. The rules
 * themselves are {@link Permissions}; this class only records their answers so that a pull can
 * find what came into and went out of scope.
 */
final class ScopeIndex {

    /** The directory of people: every user sees it. */
    static final long DIRECTORY_TPID = 0;

    private ScopeIndex() {
    }

    /**
     * What a user sees of one customer: nothing ({@code null}), the whole customer ({@link #ALL}),
     * or, for partners, the customer with only the listed tenants.
     */
    record Visibility(String tenantFilter) {
        static final Visibility ALL = new Visibility(null);
    }

    /** What {@code user} sees of {@code customer}, given the user's own assignments on it; null for nothing. */
    static Visibility visibility(User user, Customer customer, List<Assignment> usersAssignments) {
        CustomerAccess access = CustomerAccess.of(customer, usersAssignments);
        if (Permissions.canSee(user, access).denied()) {
            return null;
        }
        return Permissions.tenantFilter(user, access).map(ScopeIndex::encode).map(Visibility::new).orElse(Visibility.ALL);
    }

    static String encode(Set<UUID> tenants) {
        return tenants.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
    }

    static Set<UUID> decode(String filter) {
        Set<UUID> tenants = new LinkedHashSet<>();
        if (filter != null && !filter.isEmpty()) {
            for (String id : filter.split(",")) {
                tenants.add(UUID.fromString(id));
            }
        }
        return tenants;
    }

    /** Re-decides what {@code userId} sees of customer {@code tpid} after a change at {@code revision}. */
    static void refresh(Connection c, String userId, long tpid, long revision) throws SQLException {
        Optional<User> user = RowStore.find(c, EntityKind.USER, userId, false).filter(r -> !r.deleted()).map(StoredRow::entity);
        Optional<Customer> customer = RowStore.find(c, EntityKind.CUSTOMER, Long.toString(tpid), false)
                .filter(r -> !r.deleted()).map(StoredRow::entity);
        Visibility wanted = null;
        if (user.isPresent() && customer.isPresent()) {
            List<Assignment> own = new ArrayList<>();
            for (StoredRow row : RowStore.byTpid(c, EntityKind.ASSIGNMENT, tpid)) {
                Assignment a = row.entity();
                if (a.userId().equals(userId)) {
                    own.add(a);
                }
            }
            wanted = visibility(user.get(), customer.get(), own);
        }
        set(c, userId, tpid, wanted, revision);
    }

    /**
     * Re-decides who sees customer {@code tpid} after it was created, changed region or was deleted:
     * everyone who sees it now, and everyone who could see it afterwards (administrators, the
     * assignment team, leads, its assigned users).
     */
    static void refreshCustomer(Connection c, long tpid, long revision) throws SQLException {
        Set<String> users = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM user_scope WHERE tpid = ?")) {
            ps.setLong(1, tpid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                }
            }
        }
        for (StoredRow row : RowStore.byTpid(c, EntityKind.ASSIGNMENT, tpid)) {
            users.add(row.<Assignment>entity().userId());
        }
        for (StoredRow row : RowStore.all(c, EntityKind.USER)) {
            User user = row.entity();
            // Everyone else sees only assigned customers, and those are listed above.
            if (Permissions.seesUnassignedCustomers(user)) {
                users.add(user.userId());
            }
        }
        for (String userId : users) {
            refresh(c, userId, tpid, revision);
        }
    }

    /**
     * Re-decides everything {@code userId} sees after the person changed (roles, region) or was
     * created or removed. Each customer that comes into scope takes a revision of its own, so a
     * pull can page between them.
     */
    static void recomputeUser(Connection c, String userId) throws SQLException {
        Optional<User> user = RowStore.find(c, EntityKind.USER, userId, false).filter(r -> !r.deleted()).map(StoredRow::entity);
        Map<Long, Visibility> wanted = new HashMap<>();
        if (user.isPresent()) {
            wanted.put(DIRECTORY_TPID, Visibility.ALL);
            Map<Long, List<Assignment>> own = new HashMap<>();
            for (Assignment a : RowStore.assignmentsOf(c, userId)) {
                own.computeIfAbsent(a.tpid(), t -> new ArrayList<>()).add(a);
            }
            List<Customer> candidates = new ArrayList<>();
            if (Permissions.seesUnassignedCustomers(user.get())) {
                for (StoredRow row : RowStore.all(c, EntityKind.CUSTOMER)) {
                    candidates.add(row.entity());
                }
            } else {
                for (long tpid : own.keySet()) {
                    RowStore.find(c, EntityKind.CUSTOMER, Long.toString(tpid), false).filter(r -> !r.deleted())
                            .ifPresent(r -> candidates.add(r.entity()));
                }
            }
            for (Customer customer : candidates) {
                Visibility v = visibility(user.get(), customer, own.getOrDefault(customer.tpid(), List.of()));
                if (v != null) {
                    wanted.put(customer.tpid(), v);
                }
            }
        }
        Map<Long, Visibility> current = current(c, userId);
        List<Long> changed = new ArrayList<>();
        Set<Long> tpids = new LinkedHashSet<>(current.keySet());
        tpids.addAll(wanted.keySet());
        for (long tpid : tpids) {
            if (!Objects.equals(current.get(tpid), wanted.get(tpid))) {
                changed.add(tpid);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        long first = RowStore.takeRevisions(c, changed.size());
        for (int i = 0; i < changed.size(); i++) {
            set(c, userId, changed.get(i), wanted.get(changed.get(i)), first + i);
        }
    }

    /** Records that {@code userId} sees {@code wanted} of {@code tpid} from {@code revision} on (null: nothing). */
    static void set(Connection c, String userId, long tpid, Visibility wanted, long revision) throws SQLException {
        Visibility current = current(c, userId, tpid);
        if (Objects.equals(current, wanted)) {
            return;
        }
        if (wanted == null) {
            exec(c, "DELETE FROM user_scope WHERE user_id = ? AND tpid = ?", userId, tpid);
            exec(c, "INSERT INTO scope_drop (user_id, tpid, revision) VALUES (?, ?, ?)", userId, tpid, revision);
        } else if (current == null) {
            exec(c, "INSERT INTO user_scope (user_id, tpid, granted_revision, tenant_filter) VALUES (?, ?, ?, ?)",
                    userId, tpid, revision, wanted.tenantFilter());
        } else {
            // A partner's tenants changed: the customer is sent again whole, hiding the tenants they lost.
            exec(c, "UPDATE user_scope SET granted_revision = ?, tenant_filter = ? WHERE user_id = ? AND tpid = ?",
                    revision, wanted.tenantFilter(), userId, tpid);
        }
    }

    /**
     * Writes the scope of {@code users} over {@code customers} at once, for a fresh database being
     * loaded (possibly chunk by chunk): customers count as in scope from revision 0, so the first
     * pull brings them as ordinary changes. {@code withDirectory} adds everyone's view of the people.
     */
    static void load(Connection c, Collection<User> users, Collection<Customer> customers, Collection<Assignment> assignments,
                     boolean withDirectory) throws SQLException {
        Map<Long, Customer> byTpid = new HashMap<>();
        customers.forEach(customer -> byTpid.put(customer.tpid(), customer));
        Map<String, Map<Long, List<Assignment>>> byUser = new HashMap<>();
        for (Assignment a : assignments) {
            byUser.computeIfAbsent(a.userId(), u -> new HashMap<>()).computeIfAbsent(a.tpid(), t -> new ArrayList<>()).add(a);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO user_scope (user_id, tpid, granted_revision, tenant_filter) VALUES (?, ?, 0, ?)")) {
            int pending = 0;
            for (User user : users) {
                Map<Long, List<Assignment>> own = byUser.getOrDefault(user.userId(), Map.of());
                if (withDirectory) {
                    ps.setString(1, user.userId());
                    ps.setLong(2, DIRECTORY_TPID);
                    ps.setString(3, null);
                    ps.addBatch();
                    pending++;
                }
                // Most people see only their assigned customers: skip the rest instead of asking for each.
                Collection<Customer> candidates = Permissions.seesUnassignedCustomers(user) ? customers
                        : own.keySet().stream().map(byTpid::get).filter(Objects::nonNull).toList();
                for (Customer customer : candidates) {
                    Visibility v = visibility(user, customer, own.getOrDefault(customer.tpid(), List.of()));
                    if (v != null) {
                        ps.setString(1, user.userId());
                        ps.setLong(2, customer.tpid());
                        ps.setString(3, v.tenantFilter());
                        ps.addBatch();
                        if (++pending >= 1000) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static Map<Long, Visibility> current(Connection c, String userId) throws SQLException {
        Map<Long, Visibility> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tpid, tenant_filter FROM user_scope WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Visibility(rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static Visibility current(Connection c, String userId, long tpid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tenant_filter FROM user_scope WHERE user_id = ? AND tpid = ?")) {
            ps.setString(1, userId);
            ps.setLong(2, tpid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Visibility(rs.getString(1)) : null;
            }
        }
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            ps.executeUpdate();
        }
    }
}
