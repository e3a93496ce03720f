package ftop.sync.server;

import ftop.core.assignment.Assignment;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.UsageHistory;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.core.validation.Problem;
import ftop.core.validation.Validator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Loads a whole {@link Dataset} (the demo workspace, a generated scale set) into an empty server
 * database in one transaction: every row gets its own revision, every user their scope and an
 * account with the given password. Rows loaded this way have no field history of their own; on
 * request, the usage rows come with the months of usage history before them
 * ({@link UsageHistory}), recorded as the usage feed's earlier imports would have been.
 */
public final class DatasetLoader {

    private static final int BATCH = 1000;
    private static final int BATCH_ROWS = 5000;

    /** Months of usage history the demo workspace and the S1500 set are loaded with. */
    public static final int DEMO_HISTORY_MONTHS = 12;

    /** Who the field history says brought the generated usage history in. */
    public static final String USAGE_FEED = "usage-feed";

    private DatasetLoader() {
    }

    /** True when the database holds no synced rows yet. */
    public static boolean isEmpty(Database db) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sync_row");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    /**
     * Loads {@code data} into the empty database {@code db}.
     *
     * @param password the password every user of the data set signs in with
     * @return the revision of the last row loaded
     * @throws IllegalStateException when the database already holds rows
     */
    public static long load(Database db, Dataset data, String password) throws SQLException {
        return load(db, data, password, 0);
    }

    /**
     * Loads {@code data} into the empty database {@code db}, with {@code historyMonths} months of
     * usage history before each usage row: one back-dated change per row and month by the
     * {@value #USAGE_FEED} user, field history entries as a usage-feed import writes them, ending in
     * the row's current figures. Clients fetch it with {@code GET /customers/{tpid}/history}.
     *
     * @param historyMonths months of usage history, 0 for none
     * @return the revision of the last row loaded
     * @throws IllegalStateException when the database already holds rows
     */
    public static long load(Database db, Dataset data, String password, int historyMonths) throws SQLException {
        Chunks chunks = new Chunks(db, password, historyMonths);
        chunks.accept(data);
        return chunks.lastRevision();
    }

    /**
     * Loads a large set chunk by chunk, as {@link ftop.core.dataset.DatasetGenerator} hands it over,
     * one transaction per chunk so that memory and transaction size stay bounded. The users must
     * come with the first chunk and no chunk may refer to a customer of a later one.
     *
     * @param producer hands each chunk to the consumer it is given
     * @return the revision of the last row loaded
     */
    public static long loadChunks(Database db, Consumer<Consumer<Dataset>> producer, String password) throws SQLException {
        return loadChunks(db, producer, password, 0);
    }

    /**
     * As {@link #loadChunks(Database, Consumer, String)}, with {@code historyMonths} months of usage
     * history as {@link #load(Database, Dataset, String, int)} writes it.
     */
    public static long loadChunks(Database db, Consumer<Consumer<Dataset>> producer, String password, int historyMonths)
            throws SQLException {
        Chunks chunks = new Chunks(db, password, historyMonths);
        try {
            producer.accept(chunk -> {
                try {
                    chunks.accept(chunk);
                } catch (SQLException e) {
                    throw new UncheckedSqlException(e);
                }
            });
        } catch (UncheckedSqlException e) {
            throw e.sql;
        }
        return chunks.lastRevision();
    }

    /** Carries a SQL failure out of a chunk consumer. */
    private static final class UncheckedSqlException extends RuntimeException {
        final SQLException sql;

        UncheckedSqlException(SQLException sql) {
            super(sql);
            this.sql = sql;
        }
    }

    private static final class Chunks {
        private final Database db;
        private final String password;
        private final int historyMonths;
        private final List<User> users = new ArrayList<>();
        private long lastRevision;
        private boolean first = true;

        Chunks(Database db, String password, int historyMonths) {
            if (historyMonths < 0) {
                throw new IllegalArgumentException("historyMonths must not be negative: " + historyMonths);
            }
            this.db = db;
            this.password = password;
            this.historyMonths = historyMonths;
        }

        long lastRevision() {
            return lastRevision;
        }

        void accept(Dataset data) throws SQLException {
            if (first && !isEmpty(db)) {
                throw new IllegalStateException("The server database already holds data; load a data set only into an empty one");
            }
            boolean withUsers = first;
            first = false;
            users.addAll(data.users());
            // H2 slows down sharply with very large transactions, so rows go in slices of BATCH_ROWS,
            // each its own transaction; the database was empty, so a failure leaves it to be recreated.
            List<Object[]> rows = new ArrayList<>(data.size());
            data.byKind().forEach((kind, list) -> list.forEach(row -> rows.add(new Object[] {kind, row})));
            if (historyMonths > 0 && !data.usage().isEmpty()) {
                // The history's revisions come before the rows', as its changes came before them.
                int steps = data.usage().size() * (historyMonths + 1);
                long firstHistory = db.reserveRevisions(steps);
                insertHistory(data.usage(), firstHistory);
            }
            long firstRevision = db.reserveRevisions(Math.max(1, rows.size()));
            for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
                List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS));
                long sliceRevision = firstRevision + from;
                db.inTransaction(c -> {
                    insert(c, slice, sliceRevision);
                    return null;
                });
            }
            db.inTransaction(c -> {
                ScopeIndex.load(c, users, data.customers(), data.assignments(), withUsers);
                if (withUsers) {
                    Accounts.setSharedPassword(c, users.stream().map(User::userId).toList(), password,
                            db.passwordIterations());
                }
                return null;
            });
            lastRevision = firstRevision + Math.max(1, rows.size()) - 1;
        }

        /**
         * Writes each usage row's history, month by month and all rows of a month before the next,
         * so that revisions follow time: its oldest month as the row's creation, then each month's
         * change, then the change to today's figures.
         */
        private void insertHistory(List<WorkloadUsage> usage, long firstRevision) throws SQLException {
            Map<String, List<WorkloadUsage>> past = new HashMap<>();
            for (WorkloadUsage month : UsageHistory.monthly(usage, historyMonths)) {
                past.computeIfAbsent(month.id(), id -> new ArrayList<>()).add(month);
            }
            Instant now = Instant.now();
            int perStep = usage.size();
            int slice = Math.max(1, BATCH_ROWS / perStep);
            for (int from = 0; from <= historyMonths; from += slice) {
                int first = from;
                int last = Math.min(historyMonths, from + slice - 1);
                db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(RowWrites.INSERT_HISTORY)) {
                        int pending = 0;
                        for (int step = first; step <= last; step++) {
                            for (int i = 0; i < perStep; i++) {
                                WorkloadUsage current = usage.get(i);
                                List<WorkloadUsage> months = past.get(current.id());
                                WorkloadUsage after = step < historyMonths ? months.get(step) : current;
                                WorkloadUsage before = step == 0 ? null : months.get(step - 1);
                                Instant at = after.asOf().atTime(6, 0).toInstant(ZoneOffset.UTC);
                                pending += RowWrites.addHistory(ps, USAGE_FEED, at.isAfter(now) ? now : at,
                                        firstRevision + (long) step * perStep + i, EntityKind.USAGE, current.id(),
                                        current.tpid(), before, after);
                                if (pending >= BATCH) {
                                    ps.executeBatch();
                                    pending = 0;
                                }
                            }
                        }
                        if (pending > 0) {
                            ps.executeBatch();
                        }
                    }
                    return null;
                });
            }
        }

        private static void insert(Connection c, List<Object[]> rows, long firstRevision) throws SQLException {
            long revision = firstRevision;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_row "
                    + "(kind, id, tpid, revision, body, deleted, ref_user, region) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)")) {
                int pending = 0;
                for (Object[] entry : rows) {
                    EntityKind kind = (EntityKind) entry[0];
                    Object row = entry[1];
                    ps.setString(1, kind.wireName());
                    ps.setString(2, kind.idOf(row));
                    ps.setLong(3, kind.tpidOf(row));
                    ps.setLong(4, revision++);
                    ps.setString(5, EntityCodec.toJson(row));
                    setNullable(ps, 6, row instanceof Assignment a ? a.userId() : null);
                    setNullable(ps, 7, row instanceof Customer customer ? customer.region().name() : null);
                    ps.addBatch();
                    if (++pending >= BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }
    }

    /** Creates or replaces the account of {@code userId}, who must be in the directory. */
    public static void setPassword(Database db, String userId, String password) throws SQLException {
        db.inTransaction(c -> {
            Accounts.setPassword(c, userId, password, db.passwordIterations());
            return null;
        });
    }

    /**
     * Makes sure {@code userId} is in the directory as an administrator and signs in with
     * {@code password}: how the first person gets into a fresh production database, and how a
     * forgotten administrator password is reset. The change takes a revision like any other, so
     * clients pull it.
     *
     * @throws IllegalArgumentException when the user id is not a valid one or the password is shorter than 8 characters
     */
    public static void ensureAdministrator(Database db, String userId, String password) throws SQLException {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("The administrator's password must have at least 8 characters");
        }
        db.inRevisionTransaction(c -> {
            Optional<User> existing = RowStore.find(c, EntityKind.USER, userId, true)
                    .filter(r -> !r.deleted()).map(StoredRow::entity);
            if (existing.isEmpty() || !existing.get().has(UserRole.ADMIN)) {
                Set<UserRole> roles = new HashSet<>();
                existing.ifPresent(u -> roles.addAll(u.roles()));
                roles.add(UserRole.ADMIN);
                User admin = existing.map(u -> new User(u.userId(), u.displayName(), u.email(), roles, u.region(),
                                u.sltWatchlistGroup()))
                        .orElseGet(() -> new User(userId, userId, "", roles, Optional.empty(), false));
                Instant now = Instant.now();
                List<Problem> problems = Validator.validate(admin,
                        new ServerValidationContext(c, LocalDate.now(ServerValidationContext.EARLIEST_ZONE)));
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException(problems.get(0).message());
                }
                RowWrites.write(c, "ftop-server", now, EntityKind.USER, userId, existing.orElse(null), admin);
            }
            Accounts.setPassword(c, userId, password, db.passwordIterations());
            return null;
        });
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
