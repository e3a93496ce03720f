package ftop.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one group of pushed batches ({@link GroupCommit}) reads, read for the whole group in a few
 * queries at its start and kept up to date by the group's own writes, so a later batch sees an
 * earlier one's changes without asking the database: the rows the mutations name, their
 * customers' customer, assignment and contact rows, the answers already given to the mutation ids,
 * the desktops' high-water marks and the retention marks.
 *
 * <p>It may be incomplete, never stale: what it was not given at the start it reads when asked.
 * Single rows, answers and marks are read as they are, since every one the group wrote is held
 * here; a customer's rows of a kind are read after the group's held-back writes are sent.
 */
final class GroupCache implements ServerValidationContext.RowSource {

    /** Which desktop of which user: the key of a high-water mark. */
    record ClientKey(String userId, String clientId) {
    }

    /** An answer already given: to whom, and as stored. */
    record Answer(String userId, String resultJson) {
    }

    private record RowKey(EntityKind kind, String id) {
    }

    private record KindOf(long tpid, EntityKind kind) {
    }

    /** The most values one {@code IN (...)} list of the start takes; what is beyond is read when asked. */
    private static final int IN_LIMIT = 500;
    /** The most customers whose rows the start reads (a part of the query each per kind); the rest are read when asked. */
    private static final int CUSTOMERS_AT_ONCE = 64;
    /** The kinds of a customer's rows read at the start: permissions need its assignments, health rules its contacts. */
    private static final List<EntityKind> PER_CUSTOMER = List.of(EntityKind.ASSIGNMENT, EntityKind.CONTACT);

    private final Connection c;
    private final DeferredWrites writes;
    private final Retention.Marks pruned;
    private final Map<RowKey, Optional<StoredRow>> rows = new HashMap<>();
    /** Live rows of a kind of a customer, oldest revision first (as {@link RowStore#byTpid}). */
    private final Map<KindOf, List<StoredRow>> live = new HashMap<>();
    private final Map<UUID, Optional<Answer>> answers = new HashMap<>();
    private final Map<ClientKey, Optional<Long>> marks = new HashMap<>();

    private GroupCache(Connection c, DeferredWrites writes, Retention.Marks pruned) {
        this.c = c;
        this.writes = writes;
        this.pruned = pruned;
    }

    /**
     * Reads what the group's {@code mutations} and {@code clients} will need. The caller has locked
     * the revision counter ({@link DeferredWrites#lockRevisions}), so none of it changes meanwhile.
     * {@code postgres} says the database is PostgreSQL: the shape of one query depends on it.
     */
    static GroupCache load(Connection c, DeferredWrites writes, List<Mutation> mutations, Set<ClientKey> clients,
                           boolean postgres) throws SQLException {
        GroupCache cache = new GroupCache(c, writes, Retention.Marks.read(c));
        cache.loadMarks(clients);
        cache.loadAnswers(mutations);
        Set<Long> tpids = cache.loadRows(mutations);
        cache.loadCustomers(tpids, postgres);
        return cache;
    }

    Retention.Marks pruned() {
        return pruned;
    }

    /** The high-water mark of a desktop ({@link ClientMarks#ackedBelow}). */
    Optional<Long> ackedBelow(ClientKey client) throws SQLException {
        Optional<Long> mark = marks.get(client);
        if (mark == null) {
            mark = ClientMarks.ackedBelow(c, client.userId(), client.clientId());
            marks.put(client, mark);
        }
        return mark;
    }

    /** Raises a desktop's high-water mark (it never goes down), written with the group. */
    void recordMark(ClientKey client, long ackedBelow, Instant now) throws SQLException {
        Optional<Long> stored = ackedBelow(client);
        writes.mark(client, stored.isPresent(), ackedBelow, now);
        marks.put(client, Optional.of(Math.max(stored.orElse(ackedBelow), ackedBelow)));
    }

    /** The answer already given to mutation {@code id}, if any. */
    Optional<Answer> answer(UUID id) throws SQLException {
        Optional<Answer> answer = answers.get(id);
        if (answer == null) {
            answer = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, result FROM applied_mutation WHERE id = ?")) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        answer = Optional.of(new Answer(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            answers.put(id, answer);
        }
        return answer;
    }

    /** Notes the answer given to mutation {@code id}, written with the group. */
    void remember(UUID id, Answer answer, Instant now, String clientId, Long clientSeq) throws SQLException {
        writes.answer(id.toString(), answer.userId(), answer.resultJson(), now, clientId, clientSeq);
        answers.put(id, Optional.of(answer));
    }

    @Override
    public Optional<StoredRow> find(EntityKind kind, String id) throws SQLException {
        RowKey key = new RowKey(kind, id);
        Optional<StoredRow> row = rows.get(key);
        if (row == null) {
            // The counter is locked: nobody else writes rows until the group commits, so no lock is needed.
            row = RowStore.find(c, kind, id, false);
            rows.put(key, row);
        }
        return row;
    }

    @Override
    public List<StoredRow> live(EntityKind kind, long tpid) throws SQLException {
        KindOf key = new KindOf(tpid, kind);
        List<StoredRow> found = live.get(key);
        if (found == null) {
            found = new ArrayList<>(RowStore.byTpid(writes.connection(), kind, tpid));
            live.put(key, found);
        }
        return List.copyOf(found);
    }

    /** Notes a row the group just wrote (or handed to {@link RowWrites#write}), so later reads see it. */
    void written(StoredRow row) {
        RowKey key = new RowKey(row.kind(), row.id());
        Optional<StoredRow> before = rows.put(key, Optional.of(row));
        if (before != null && before.isPresent()) {
            List<StoredRow> old = live.get(new KindOf(before.get().tpid(), row.kind()));
            if (old != null) {
                old.removeIf(r -> r.id().equals(row.id()));
            }
        }
        List<StoredRow> now = live.get(new KindOf(row.tpid(), row.kind()));
        if (now != null) {
            now.removeIf(r -> r.id().equals(row.id()));
            if (!row.deleted()) {
                // Its revision is the newest: it goes last, as the database would order it.
                now.add(row);
            }
        }
    }

    private void loadMarks(Set<ClientKey> clients) throws SQLException {
        List<ClientKey> asked = first(clients);
        if (asked.isEmpty()) {
            return;
        }
        for (ClientKey client : asked) {
            marks.put(client, Optional.empty());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, client_id, acked_below FROM sync_client WHERE "
                + "(user_id, client_id) IN (" + pairs(asked.size()) + ")")) {
            for (int i = 0; i < asked.size(); i++) {
                ps.setString(2 * i + 1, asked.get(i).userId());
                ps.setString(2 * i + 2, asked.get(i).clientId());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ClientKey key = new ClientKey(rs.getString(1), rs.getString(2));
                    if (marks.containsKey(key)) {
                        marks.put(key, Optional.of(rs.getLong(3)));
                    }
                }
            }
        }
    }

    private void loadAnswers(List<Mutation> mutations) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        for (Mutation m : mutations) {
            ids.add(m.id());
        }
        List<UUID> asked = first(ids);
        if (asked.isEmpty()) {
            return;
        }
        for (UUID id : asked) {
            answers.put(id, Optional.empty());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, user_id, result FROM applied_mutation WHERE id IN ("
                + marks(asked.size()) + ")")) {
            for (int i = 0; i < asked.size(); i++) {
                ps.setString(i + 1, asked.get(i).toString());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answers.put(UUID.fromString(rs.getString(1)), Optional.of(new Answer(rs.getString(2), rs.getString(3))));
                }
            }
        }
    }

    /** Reads (and locks, as a single write would) the rows the mutations name; returns their customers. */
    private Set<Long> loadRows(List<Mutation> mutations) throws SQLException {
        Set<RowKey> keys = new LinkedHashSet<>();
        Set<Long> tpids = new LinkedHashSet<>();
        for (Mutation m : mutations) {
            keys.add(new RowKey(m.kind(), m.entityId()));
            // A new row's customer, when its fields name it plainly; if not, it is read when asked.
            JsonNode tpid = m.fields().get("tpid");
            if (tpid != null && tpid.canConvertToLong()) {
                tpids.add(tpid.asLong());
            }
        }
        List<RowKey> asked = first(keys);
        for (RowKey key : asked) {
            rows.put(key, Optional.empty());
        }
        // (kind, id) IN (...) reads the primary key once per pair; "kind = ? AND id IN (...)" reads
        // every row of the kind on H2.
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RowStore.COLUMNS + " FROM sync_row WHERE (kind, id) IN ("
                + pairs(asked.size()) + ") FOR UPDATE")) {
            bindKeys(ps, 1, asked);
            for (StoredRow row : RowStore.readAll(ps)) {
                rows.put(new RowKey(row.kind(), row.id()), Optional.of(row));
                tpids.add(row.tpid());
            }
        }
        return tpids;
    }

    /** Reads the customer row and the live assignments and contacts of each of {@code tpids}, in one query. */
    private void loadCustomers(Set<Long> all, boolean postgres) throws SQLException {
        List<Long> tpids = first(all).subList(0, Math.min(all.size(), CUSTOMERS_AT_ONCE));
        if (tpids.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT " + RowStore.COLUMNS + " FROM sync_row WHERE (kind, id) IN ("
                + pairs(tpids.size()) + ")");
        // Each part on its own index, as RowStore.BY_TPID (an OR would read far more of the table on
        // H2). PostgreSQL seeks "tpid IN (...)" once per customer; H2 walks far more of the index
        // for it, so there each customer and kind is a part of its own (PostgreSQL plans those slowly).
        int parts = postgres ? PER_CUSTOMER.size() : tpids.size() * PER_CUSTOMER.size();
        String part = postgres ? "tpid IN (" + marks(tpids.size()) + ")" : "tpid = ?";
        for (int i = 0; i < parts; i++) {
            sql.append(" UNION ALL SELECT " + RowStore.COLUMNS + " FROM sync_row WHERE " + part
                    + " AND kind = ? AND deleted = FALSE");
        }
        sql.append(" ORDER BY revision");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            List<RowKey> customers = new ArrayList<>();
            for (long tpid : tpids) {
                customers.add(new RowKey(EntityKind.CUSTOMER, Long.toString(tpid)));
            }
            int p = bindKeys(ps, 1, customers);
            for (EntityKind kind : PER_CUSTOMER) {
                if (postgres) {
                    for (long tpid : tpids) {
                        ps.setLong(p++, tpid);
                    }
                    ps.setString(p++, kind.wireName());
                } else {
                    for (long tpid : tpids) {
                        ps.setLong(p++, tpid);
                        ps.setString(p++, kind.wireName());
                    }
                }
            }
            for (long tpid : tpids) {
                rows.putIfAbsent(new RowKey(EntityKind.CUSTOMER, Long.toString(tpid)), Optional.empty());
                for (EntityKind kind : PER_CUSTOMER) {
                    live.put(new KindOf(tpid, kind), new ArrayList<>());
                }
            }
            for (StoredRow row : RowStore.readAll(ps)) {
                if (row.kind() == EntityKind.CUSTOMER) {
                    rows.put(new RowKey(row.kind(), row.id()), Optional.of(row));
                } else {
                    live.get(new KindOf(row.tpid(), row.kind())).add(row);
                }
            }
        }
    }

    private static <T> List<T> first(Collection<T> values) {
        List<T> out = new ArrayList<>(Math.min(values.size(), IN_LIMIT));
        for (T value : values) {
            if (out.size() == IN_LIMIT) {
                break;
            }
            out.add(value);
        }
        return out;
    }

    /** Binds {@code keys} as (kind, id) pairs from parameter {@code first}; returns the next parameter. */
    private static int bindKeys(PreparedStatement ps, int first, List<RowKey> keys) throws SQLException {
        int p = first;
        for (RowKey key : keys) {
            ps.setString(p++, key.kind().wireName());
            ps.setString(p++, key.id());
        }
        return p;
    }

    private static String pairs(int count) {
        return String.join(", ", Collections.nCopies(count, "(?, ?)"));
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
