package ftop.core.store;

import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.search.SearchHit;
import ftop.core.search.SearchKind;
import ftop.core.search.SearchResults;
import ftop.core.search.SearchText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's full-text index over customers (name, TPID), tenants (name, tenant id), contacts
 * (name, e-mail, title) and Enterprise Status notes (Executive Summary, Risks, Awareness): what
 * Ctrl+K searches, offline.
 *
 * <p>It is our own pair of H2 tables ({@code search_entry}, {@code search_word}; migration V5), not
 * H2's {@code FullText} nor {@code FullTextLucene}. Both of those index whole columns of a table,
 * and our rows are JSON bodies in {@code entity_row} with the local view laid over the server
 * copy: they would index field names, ids and the copy the user does not see. H2's native search
 * matches whole words only, while a search that follows typing needs prefixes; the Lucene one
 * keeps its index in files beside the database, outside its transactions (and outside an
 * encrypted database), and needs a Lucene release matched to H2's. Here a typed word is a range of
 * the primary key {@code (kind_code, word, doc)}, and the index changes in the same transaction as
 * the rows, so it can never disagree with them.
 *
 * <p>{@link SearchIndexTrigger} keeps it current: every write of {@code entity_row} (a local edit,
 * a pulled page, a bulk load, a fresh sync) re-indexes the rows whose local view changed. When
 * {@code search_state} does not hold {@link #VERSION} (a workspace made before the index, or by
 * an older way of cutting words), {@link #rebuildIfMissing()} rebuilds it from the rows.
 */
final class SearchIndex {

    /** The way words are cut and kept; a change of it rebuilds every workspace's index once. */
    static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    /** How many rows of the word key one kind's query reads, per hit asked for (a row can match through several words). */
    private static final int ROWS_PER_HIT = 6;
    /** Words shorter than this get no row of the word key (see {@link SearchDocument#keyWords()}). */
    static final int MIN_WORD = 2;
    /** Rows per batch of inserts when the whole index is made. */
    private static final int BATCH = 1_000;
    private static final String INSERT_ENTRY = "INSERT INTO search_entry (kind_code, id, tpid, tenant_id, title, texts, "
            + "words, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final StoreDatabase db;

    SearchIndex(StoreDatabase db) {
        this.db = db;
    }

    // ------------------------------------------------------------------ keeping it

    /** Whether the index holds every searched row, made by this version's way of cutting words. */
    boolean current() {
        Integer version = db.read(() -> {
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT version FROM search_state WHERE id = 1")) {
                return rs.next() ? rs.getInt(1) : null;
            }
        });
        return version != null && version == VERSION;
    }

    /** Whether the workspace holds any row the index is made from; call inside a read. */
    boolean anyRowToIndex() throws SQLException {
        try (PreparedStatement st = db.connection().prepareStatement(
                "SELECT 1 FROM entity_row WHERE kind IN (?, ?, ?, ?) LIMIT 1")) {
            st.setString(1, EntityKind.CUSTOMER.wireName());
            st.setString(2, EntityKind.TENANT.wireName());
            st.setString(3, EntityKind.CONTACT.wireName());
            st.setString(4, EntityKind.STATUS_NOTE.wireName());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Rebuilds the index from the rows when it is missing or was made by another version; returns
     * whether it did. Searches answer from the index as last committed meanwhile.
     */
    boolean rebuildIfMissing() {
        if (current()) {
            return false;
        }
        long start = System.nanoTime();
        int indexed = db.write(StoreChange.Origin.SYNC, touched -> indexAll(db.connection()));
        LOG.info("Search index built from {} rows in {} ms", indexed, (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    /**
     * Indexes every searched row afresh, inside the caller's transaction: what a rebuild and a
     * bulk load (with {@link SearchIndexTrigger#suspended the trigger idle}) do. Entries go in by
     * batches; the word rows are gathered first and go in in the order of their key, so the key
     * only ever grows at its end. Returns how many rows were indexed.
     */
    static int indexAll(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM search_word");
            st.executeUpdate("DELETE FROM search_entry");
        }
        // per kind, each word with the entries it is in (entries come in rising, so each list is sorted)
        Map<SearchKind, TreeMap<String, LongList>> keys = new EnumMap<>(SearchKind.class);
        List<SearchDocument> batch = new ArrayList<>(BATCH);
        int indexed = 0;
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT kind, COALESCE(local_body, server_body) FROM entity_row WHERE kind IN (?, ?, ?, ?) "
                        + "AND NOT local_deleted AND COALESCE(local_body, server_body) IS NOT NULL ORDER BY kind, id")) {
            st.setString(1, EntityKind.CUSTOMER.wireName());
            st.setString(2, EntityKind.TENANT.wireName());
            st.setString(3, EntityKind.CONTACT.wireName());
            st.setString(4, EntityKind.STATUS_NOTE.wireName());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    EntityKind kind = EntityKind.fromWireName(rs.getString(1)).orElseThrow();
                    Optional<SearchDocument> doc = document(kind, rs.getString(2));
                    if (doc.isPresent()) {
                        batch.add(doc.get());
                        indexed++;
                        if (batch.size() == BATCH) {
                            addEntries(connection, batch, keys);
                            batch.clear();
                        }
                    }
                }
            }
        }
        addEntries(connection, batch, keys);
        addWords(connection, keys);
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("MERGE INTO search_state (id, version) KEY (id) VALUES (1, " + VERSION + ")");
        }
        return indexed;
    }

    /**
     * Brings the entries of {@code refs} up to date with their rows, inside the caller's
     * transaction: what a pulled page does, with {@link SearchIndexTrigger#suspended the trigger
     * idle}, instead of a handful of statements per row. Rows of kinds not searched are passed over.
     */
    static void reindex(Connection connection, Collection<RowRef> refs) throws SQLException {
        List<SearchDocument> docs = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT COALESCE(local_body, server_body) FROM entity_row "
                        + "WHERE kind = ? AND id = ? AND NOT local_deleted")) {
            for (RowRef ref : new LinkedHashSet<>(refs)) {
                Optional<SearchKind> searched = SearchDocument.searchKind(ref.kind());
                if (searched.isEmpty()) {
                    continue;
                }
                remove(connection, searched.get(), ref.id());
                read.setString(1, ref.kind().wireName());
                read.setString(2, ref.id());
                try (ResultSet rs = read.executeQuery()) {
                    String body = rs.next() ? rs.getString(1) : null;
                    if (body != null) {
                        document(ref.kind(), body).ifPresent(docs::add);
                    }
                }
            }
        }
        Map<SearchKind, TreeMap<String, LongList>> keys = new EnumMap<>(SearchKind.class);
        for (int from = 0; from < docs.size(); from += BATCH) {
            addEntries(connection, docs.subList(from, Math.min(docs.size(), from + BATCH)), keys);
        }
        addWords(connection, keys);
    }

    /** Inserts the word rows of {@code keys} in the order of the key, by batches. */
    private static void addWords(Connection connection, Map<SearchKind, TreeMap<String, LongList>> keys)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO search_word (kind_code, word, doc) VALUES (?, ?, ?)")) {
            int inBatch = 0;
            for (Map.Entry<SearchKind, TreeMap<String, LongList>> ofKind : keys.entrySet()) {
                for (Map.Entry<String, LongList> word : ofKind.getValue().entrySet()) {
                    LongList docs = word.getValue();
                    for (int i = 0; i < docs.size; i++) {
                        st.setInt(1, ofKind.getKey().code());
                        st.setString(2, word.getKey());
                        st.setLong(3, docs.values[i]);
                        st.addBatch();
                        if (++inBatch == BATCH) {
                            st.executeBatch();
                            inBatch = 0;
                        }
                    }
                }
            }
            if (inBatch > 0) {
                st.executeBatch();
            }
        }
    }

    /** Inserts the entries of {@code docs} in one batch and files their key words under the entries' numbers. */
    private static void addEntries(Connection connection, List<SearchDocument> docs,
                                   Map<SearchKind, TreeMap<String, LongList>> keys) throws SQLException {
        if (docs.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(INSERT_ENTRY, new String[] {"DOC"})) {
            for (SearchDocument doc : docs) {
                bindEntry(st, doc);
                st.addBatch();
            }
            st.executeBatch();
            try (ResultSet generated = st.getGeneratedKeys()) {
                for (SearchDocument doc : docs) {
                    if (!generated.next()) {
                        throw new SQLException("The database did not give the number of every search entry inserted");
                    }
                    long docId = generated.getLong(1);
                    TreeMap<String, LongList> ofKind = keys.computeIfAbsent(doc.kind(), k -> new TreeMap<>());
                    for (String word : doc.keyWords()) {
                        ofKind.computeIfAbsent(word, w -> new LongList()).add(docId);
                    }
                }
            }
        }
    }

    private static void bindEntry(PreparedStatement st, SearchDocument doc) throws SQLException {
        StringBuilder joined = new StringBuilder();
        doc.words().forEach(w -> joined.append(' ').append(w));
        st.setInt(1, doc.kind().code());
        st.setString(2, doc.id());
        st.setLong(3, doc.tpid());
        st.setString(4, doc.tenantId());
        st.setString(5, doc.title());
        st.setString(6, doc.encodedTexts());
        st.setString(7, joined.toString());
        st.setObject(8, doc.writtenAt() == null ? null : OffsetDateTime.ofInstant(doc.writtenAt(), ZoneOffset.UTC));
    }

    /** A growing list of entry numbers: a million boxed Longs would cost more than the rows. */
    private static final class LongList {
        private long[] values = new long[4];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    /** The document of a row's JSON; empty (and logged) when the row cannot be read, which must not fail its write. */
    static Optional<SearchDocument> document(EntityKind kind, String body) {
        try {
            return Optional.of(SearchDocument.of(EntityCodec.fromJson(kind, body)));
        } catch (RuntimeException e) {
            LOG.warn("A {} row could not be read for the search index; it is left out of it", kind.wireName(), e);
            return Optional.empty();
        }
    }

    /** Adds one row to the index, inside the caller's transaction. */
    static void add(Connection connection, SearchDocument doc) throws SQLException {
        long docId;
        try (PreparedStatement st = connection.prepareStatement(INSERT_ENTRY, new String[] {"DOC"})) {
            bindEntry(st, doc);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                docId = keys.getLong(1);
            }
        }
        Set<String> words = doc.keyWords();
        if (words.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO search_word (kind_code, word, doc) VALUES (?, ?, ?)")) {
            for (String word : words) {
                st.setInt(1, doc.kind().code());
                st.setString(2, word);
                st.setLong(3, docId);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Takes one row out of the index, if it is in it, inside the caller's transaction. */
    static void remove(Connection connection, SearchKind kind, String id) throws SQLException {
        long docId;
        String words;
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT doc, words FROM search_entry WHERE kind_code = ? AND id = ?")) {
            st.setInt(1, kind.code());
            st.setString(2, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                docId = rs.getLong(1);
                words = rs.getString(2);
            }
        }
        // the entry lists its words, so each goes by its primary key: no second index on doc to keep
        try (PreparedStatement st = connection.prepareStatement(
                "DELETE FROM search_word WHERE kind_code = ? AND word = ? AND doc = ?")) {
            for (String word : words.trim().split(" ")) {
                // an index made before short words were left out of the key still has their rows: they go too
                if (!word.isEmpty()) {
                    st.setInt(1, kind.code());
                    st.setString(2, word);
                    st.setLong(3, docId);
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
        try (PreparedStatement st = connection.prepareStatement("DELETE FROM search_entry WHERE doc = ?")) {
            st.setLong(1, docId);
            st.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ searching

    /**
     * Finds what {@code query} names: every word of it must start a word of the row (so the last
     * word may be half typed). At most {@code perKind} hits of each kind; status notes newest first,
     * the others by name. Runs inside the caller's read.
     */
    SearchResults search(String query, int perKind) throws SQLException {
        List<String> terms = SearchText.terms(query);
        if (terms.isEmpty() || perKind <= 0) {
            return SearchResults.none(query == null ? "" : query);
        }
        // the longest word reads the fewest rows of the key; the others are checked on the entries it finds
        String driver = terms.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        List<String> others = terms.stream().filter(t -> !t.equals(driver)).toList();
        StringBuilder sql = new StringBuilder(
                "SELECT e.doc, e.id, e.tpid, e.tenant_id, e.title, e.texts, e.written_at "
                        + "FROM search_word w JOIN search_entry e ON e.doc = w.doc "
                        + "WHERE w.kind_code = ? AND w.word >= ? AND w.word < ?");
        others.forEach(t -> sql.append(" AND e.words LIKE ?"));
        sql.append(" LIMIT ?");
        Map<SearchKind, List<SearchHit>> groups = new EnumMap<>(SearchKind.class);
        Set<SearchKind> more = EnumSet.noneOf(SearchKind.class);
        Map<Long, String> customerNames = new HashMap<>();
        try (PreparedStatement st = db.connection().prepareStatement(sql.toString())) {
            for (SearchKind kind : SearchKind.values()) {
                int limit = perKind * ROWS_PER_HIT;
                int p = 1;
                st.setInt(p++, kind.code());
                st.setString(p++, driver);
                st.setString(p++, driver + Character.MAX_VALUE);
                for (String other : others) {
                    // words are letters and digits only: nothing in a term needs escaping for LIKE
                    st.setString(p++, "% " + other + "%");
                }
                st.setInt(p, limit);
                Map<Long, SearchHit> found = new LinkedHashMap<>();
                int rows = 0;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        long doc = rs.getLong(1);
                        if (!found.containsKey(doc)) {
                            found.put(doc, hit(kind, rs, terms));
                        }
                    }
                }
                if (found.isEmpty()) {
                    continue;
                }
                if (found.size() > perKind || rows == limit) {
                    more.add(kind);
                }
                List<SearchHit> hits = new ArrayList<>(found.values());
                hits.sort(kind == SearchKind.STATUS_NOTE
                        ? Comparator.comparing((SearchHit h) -> h.writtenAt().orElse(Instant.EPOCH)).reversed()
                        : Comparator.comparing((SearchHit h) -> h.title(), String.CASE_INSENSITIVE_ORDER));
                groups.put(kind, hits.subList(0, Math.min(perKind, hits.size())));
            }
        }
        for (Map.Entry<SearchKind, List<SearchHit>> group : groups.entrySet()) {
            List<SearchHit> named = new ArrayList<>();
            for (SearchHit hit : group.getValue()) {
                String name = hit.kind() == SearchKind.CUSTOMER ? hit.title()
                        : customerNames.computeIfAbsent(hit.tpid(), this::customerName);
                named.add(new SearchHit(hit.kind(), hit.id(), hit.tpid(), name, hit.tenantId(),
                        hit.kind() == SearchKind.STATUS_NOTE ? hit.field() : hit.title(), hit.field(), hit.text(),
                        hit.writtenAt(), hit.matchedWords()));
            }
            group.setValue(named);
        }
        return new SearchResults(query, terms, groups, more);
    }

    private static SearchHit hit(SearchKind kind, ResultSet rs, List<String> terms) throws SQLException {
        String title = rs.getString(5);
        // show the text that matched most of the query: the Risks of a note found by a risk
        SearchDocument.Field best = null;
        int bestCount = -1;
        for (SearchDocument.Field field : SearchDocument.decodeTexts(rs.getString(6))) {
            int count = 0;
            List<String> words = SearchText.words(field.text());
            for (String term : terms) {
                if (words.stream().anyMatch(w -> w.startsWith(term))) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = field;
                bestCount = count;
            }
        }
        String field = best == null ? "" : best.label();
        String text = best == null ? "" : best.text();
        Set<String> matched = new LinkedHashSet<>(SearchText.matchedWords(title, terms));
        matched.addAll(SearchText.matchedWords(text, terms));
        String tenant = rs.getString(4);
        OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
        return new SearchHit(kind, rs.getString(2), rs.getLong(3), "",
                tenant == null ? Optional.empty() : Optional.of(UUID.fromString(tenant)), title, field, text,
                at == null ? Optional.empty() : Optional.of(at.toInstant()), matched);
    }

    private String customerName(long tpid) {
        try (PreparedStatement st = db.connection().prepareStatement(
                "SELECT title FROM search_entry WHERE kind_code = ? AND id = ?")) {
            st.setInt(1, SearchKind.CUSTOMER.code());
            st.setString(2, Long.toString(tpid));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the search index (" + e.getMessage() + ").", e);
        }
    }
}
