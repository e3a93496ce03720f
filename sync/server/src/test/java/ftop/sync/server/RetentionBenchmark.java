package ftop.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.user.User;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a year of use leaves in the server's database, and what pruning takes back: loads the SERVER
 * set into a fresh H2 file, simulates a year of edits from the FMs' desktops (health fields, new and
 * deleted contacts, a sign-in per editor per working day; each desktop numbering its mutations and
 * acknowledging answers as this version does), then prunes with the default retention (and again
 * keeping 180 days of history) and prints the size of each table and of the database file, each
 * time after {@code SHUTDOWN COMPACT} so that the file holds only what is live.
 *
 * <pre>
 * ./bench RetentionBenchmark [--scale=SERVER] [--edits-per-day=400] [--days=365] [--editors-per-day=150]
 * </pre>
 * Runs in the server's package: it drives the mutation service and the pruning in-process, with a
 * clock of its own walking through the year.
 */
public final class RetentionBenchmark {

    private static final String[] STATUSES = {"BLOCKED_BUSINESS", "NO_INTENT", "BLOCKED_TECHNICAL"};
    private static final String[] MINDSETS = {"AVERSE", "ALIGNED", "COMPETE"};
    private static final String[] TABLES = {"sync_row", "field_change", "applied_mutation", "session_token",
        "scope_drop", "revision_commit", "sync_client", "user_scope"};

    private RetentionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        DatasetGenerator.Scale scale = DatasetGenerator.Scale.valueOf(options.getOrDefault("scale", "SERVER"));
        int perDay = Integer.parseInt(options.getOrDefault("edits-per-day", "400"));
        int days = Integer.parseInt(options.getOrDefault("days", "365"));
        int editorsPerDay = Integer.parseInt(options.getOrDefault("editors-per-day", "150"));
        Path dir = Files.createTempDirectory("ftop-retention");
        String url = ServerConfig.h2Url(dir);
        Path file = dir.resolve(ServerConfig.H2_FILE_NAME + ".mv.db");
        LocalDate start = LocalDate.of(2025, 1, 6);
        SteppedClock clock = new SteppedClock(start.atStartOfDay(ZoneOffset.UTC).toInstant());

        long t0 = System.nanoTime();
        Map<String, User> users = new HashMap<>();
        Map<String, List<Long>> healthFm = new LinkedHashMap<>();
        try (Database db = Database.open(url)) {
            long rows = DatasetLoader.loadChunks(db, sink -> DatasetGenerator.generate(scale, 42, start, 500, chunk -> {
                chunk.users().forEach(u -> users.put(u.userId(), u));
                for (Assignment a : chunk.assignments()) {
                    if (a.area() == AssignmentArea.CUSTOMER_HEALTH && a.role() == Role.FM && a.customerScope()) {
                        healthFm.computeIfAbsent(a.userId(), k -> new ArrayList<>()).add(a.tpid());
                    }
                }
                sink.accept(chunk);
            }), DemoUsers.DEMO_PASSWORD);
            System.out.printf("%s loaded: %,d rows in %.0f s; %,d FMs edit health%n", scale, rows, seconds(t0), healthFm.size());
        }

        long t1 = System.nanoTime();
        Map<Outcome3, Integer> outcomes = simulateYear(url, clock, users, healthFm, start, days, perDay, editorsPerDay);
        System.out.printf("a year of edits: %,d days, %s in %.0f s%n", days, outcomes, seconds(t1));
        Measure year = Measure.of(url, file);
        System.out.println("after the year:       " + year);

        for (Retention.Policy policy : List.of(Retention.Policy.DEFAULT, new Retention.Policy(90, 730, 180, 180))) {
            try (Database db = Database.open(url)) {
                System.out.printf("prune (answers %d d, desktops %d d, history %d d, tombstones %d d): %s%n",
                        policy.answerDays(), policy.clientDays(), policy.historyDays(), policy.tombstoneDays(),
                        Retention.prune(db, policy, clock.instant()));
            }
            System.out.println("after pruning:        " + Measure.of(url, file));
        }
    }

    private enum Outcome3 { APPLIED, CONFLICT, REJECTED }

    /**
     * Every working day each of {@code editorsPerDay} FMs signs in and pushes their share of the
     * day's edits in one batch from their desktop, acknowledging the answers of the day before.
     */
    private static Map<Outcome3, Integer> simulateYear(String url, SteppedClock clock, Map<String, User> users,
                                                       Map<String, List<Long>> healthFm, LocalDate start, int days,
                                                       int perDay, int editorsPerDay) throws SQLException {
        Random random = new Random(7);
        List<String> editors = new ArrayList<>(healthFm.keySet());
        Map<String, String> desktops = new HashMap<>();
        Map<String, Long> seqs = new HashMap<>();
        Map<String, ArrayDeque<Contact>> contacts = new HashMap<>();
        Map<Outcome3, Integer> outcomes = new EnumMap<>(Outcome3.class);
        ExecutorService desktopsPushing = Executors.newFixedThreadPool(16);
        try (Database db = Database.open(url)) {
            MutationService service = new MutationService(db, clock);
            for (int day = 0; day < days; day++) {
                LocalDate date = start.plusDays(day);
                if (date.getDayOfWeek().getValue() > 5) {
                    continue;
                }
                clock.set(date.atTime(9, 0).atZone(ZoneId.of("UTC")).toInstant());
                List<String> today = new ArrayList<>();
                for (int i = 0; i < editorsPerDay; i++) {
                    today.add(editors.get(random.nextInt(editors.size())));
                }
                db.inTransaction(c -> {
                    for (String editor : today) {
                        Accounts.issueToken(c, editor, clock.instant(), clock.instant().plus(Duration.ofHours(12)));
                    }
                    return null;
                });
                List<Future<List<MutationResult>>> pushes = new ArrayList<>();
                for (int e = 0; e < today.size(); e++) {
                    String editor = today.get(e);
                    int share = perDay / editorsPerDay + (e < perDay % editorsPerDay ? 1 : 0);
                    String desktop = desktops.computeIfAbsent(editor, k -> UUID.randomUUID().toString());
                    long acked = seqs.getOrDefault(editor, 0L) + 1;
                    List<MutationRequest> batch = new ArrayList<>();
                    for (int k = 0; k < share; k++) {
                        long seq = seqs.merge(editor, 1L, Long::sum);
                        batch.add(MutationRequest.of(edit(db, random, healthFm.get(editor),
                                contacts.computeIfAbsent(editor, x -> new ArrayDeque<>())), seq));
                    }
                    User user = users.get(editor);
                    // The day's desktops push at once, as they would: the server commits them in groups.
                    pushes.add(desktopsPushing.submit(() -> service.apply(user, new MutationBatch(batch, desktop, acked))));
                }
                for (Future<List<MutationResult>> push : pushes) {
                    for (MutationResult r : get(push)) {
                        outcomes.merge(Outcome3.valueOf(r.outcome().name()), 1, Integer::sum);
                    }
                }
            }
        } finally {
            desktopsPushing.shutdownNow();
        }
        return outcomes;
    }

    private static <T> T get(Future<T> future) throws SQLException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new SQLException("A push failed: " + e.getCause(), e.getCause());
        }
    }

    /** Most edits change a health field; some add a contact, some delete one added before. */
    private static Mutation edit(Database db, Random random, List<Long> customers, ArrayDeque<Contact> added)
            throws SQLException {
        long tpid = customers.get(random.nextInt(customers.size()));
        int kind = random.nextInt(100);
        if (kind < 8 && !added.isEmpty()) {
            Contact gone = added.removeFirst();
            return Mutation.delete(EntityKind.CONTACT, gone.id().toString(), revision(db, EntityKind.CONTACT, gone.id().toString()));
        }
        if (kind < 18) {
            Contact contact = new Contact(UUID.randomUUID(), tpid, ContactKind.CUSTOMER, "Contact " + random.nextInt(100_000),
                    "Title", "c" + random.nextInt(100_000) + "@example.com", "");
            added.addLast(contact);
            return Mutation.upsert(EntityKind.CONTACT, contact.id().toString(), 0, EntityCodec.fields(contact));
        }
        String id = Long.toString(tpid);
        Map<String, JsonNode> fields = random.nextBoolean()
                ? Map.of("progress.status", TextNode.valueOf(STATUSES[random.nextInt(STATUSES.length)]))
                : Map.of("perspective.mindset", TextNode.valueOf(MINDSETS[random.nextInt(MINDSETS.length)]));
        return Mutation.upsert(EntityKind.HEALTH, id, revision(db, EntityKind.HEALTH, id), fields);
    }

    private static long revision(Database db, EntityKind kind, String id) throws SQLException {
        return db.read(c -> RowStore.find(c, kind, id, false)).map(StoredRow::revision).orElse(0L);
    }

    /** Rows per table and the database file's size once compacted. */
    private record Measure(Map<String, Long> rows, long fileBytes, double compactSeconds) {

        static Measure of(String url, Path file) throws Exception {
            Map<String, Long> rows = new LinkedHashMap<>();
            long started = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        rows.put(table, rs.getLong(1));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sync_row WHERE deleted")) {
                    rs.next();
                    rows.put("tombstones", rs.getLong(1));
                }
                s.execute("SHUTDOWN COMPACT");
            }
            return new Measure(rows, Files.size(file), seconds(started));
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(String.format("database %,.0f MB (compacted in %.0f s); rows:",
                    fileBytes / 1e6, compactSeconds));
            rows.forEach((table, n) -> b.append(String.format(" %s %,d", table, n)));
            return b.toString();
        }
    }

    /** A clock the simulation moves through the year. */
    private static final class SteppedClock extends Clock {
        private volatile Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
