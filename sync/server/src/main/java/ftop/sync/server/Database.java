package ftop.sync.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's JDBC database: an H2 file by default, PostgreSQL for a real deployment, through
 * the same SQL. Opening migrates the schema with Flyway ({@code db/server}).
 *
 * <p>A transaction of {@link #inTransaction} is on disk when it returns: PostgreSQL flushes its
 * write-ahead log at commit ({@code synchronous_commit} on, its default, which {@link #open}
 * checks); H2 writes the commit to its file ({@code WRITE_DELAY=0}) and this class then forces
 * the file to the disk ({@code CHECKPOINT SYNC}, one sync for every commit that waits for it).
 * H2 shows a commit to other connections before it is on disk, so on H2 the revisions readers may
 * hand out stop at the last revision synced ({@link #latestRevision}).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String url;
    private final DataSource target;
    private final AdmissionQueue admission;
    private HikariDataSource pool;
    private final boolean postgres;
    private final ReentrantLock revisionLock = new ReentrantLock(true);
    private final List<Consumer<CommittedChanges>> commitListeners = new CopyOnWriteArrayList<>();
    /** H2: commits made, and the number of them known to be on disk (guarded by {@code syncLock}). */
    private final AtomicLong commits = new AtomicLong();
    private final Object syncLock = new Object();
    private long synced;
    /** H2: the latest revision whose transaction is on disk. */
    private final AtomicLong durableRevision = new AtomicLong();
    private final int passwordIterations;
    private String serverId;
    private boolean metricsBound;
    private String schemaVersion;

    private Database(String url, DataSource target, AdmissionQueue admission, boolean postgres, int passwordIterations) {
        this.url = url;
        this.target = target;
        this.admission = admission;
        this.postgres = postgres;
        this.passwordIterations = passwordIterations;
    }

    /** The rounds of PBKDF2-HMAC-SHA512 a password set in production is hashed with (OWASP's advice). */
    public static final int DEFAULT_PASSWORD_ITERATIONS = Accounts.ITERATIONS;

    /**
     * How many connections the server keeps and how requests queue for them.
     *
     * @param size       connections kept open; 0 for the default of the database
     * @param maxWaiting requests that may wait for a connection at once; more are answered 503 at once
     * @param maxWait    how long a request waits for a connection before it is answered 503
     */
    public record PoolSettings(int size, int maxWaiting, Duration maxWait) {

        /** Requests queued for a connection beyond which the server answers 503 "busy" at once. */
        public static final int DEFAULT_MAX_WAITING = 256;
        /** Well inside the server's idle timeout and a client's read timeout. */
        public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(20);

        public PoolSettings {
            if (size < 0) {
                throw new IllegalArgumentException("The database pool size must be 0 (default) or more, not " + size);
            }
            if (maxWaiting < 0) {
                throw new IllegalArgumentException("The number of waiting requests must not be negative");
            }
            Objects.requireNonNull(maxWait, "maxWait");
        }

        /** The default pool of the database: see {@link #defaultSize}. */
        public static PoolSettings defaults() {
            return of(0);
        }

        /** {@code size} connections (0: the default), the default queue. */
        public static PoolSettings of(int size) {
            return new PoolSettings(size, DEFAULT_MAX_WAITING, DEFAULT_MAX_WAIT);
        }

        /**
         * The default number of connections: four per core, at least 8. Fewer (4 on two cores)
         * made short pulls queue behind long pages and pushes (S1500, 200 clients: pull p50
         * 74 ms); 16 let pushes crawl among them (push p50 1.6 s). PostgreSQL overlaps its
         * network and disk waits with other work; it is served well by as many.
         */
        static int defaultSize() {
            return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Opens the database at {@code jdbcUrl} and brings its schema up to date.
     *
     * @throws IllegalArgumentException when the URL is neither H2 nor PostgreSQL
     * @throws IllegalStateException    when the database cannot be reached or migrated, with the reason
     */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, PoolSettings.defaults());
    }

    /**
     * Opens the database at {@code jdbcUrl} with the connection pool {@code settings} describe, and
     * brings its schema up to date.
     *
     * @throws IllegalArgumentException when the URL is neither H2 nor PostgreSQL
     * @throws IllegalStateException    when the database cannot be reached or migrated, with the reason
     */
    public static Database open(String jdbcUrl, PoolSettings settings) {
        return open(jdbcUrl, settings, DEFAULT_PASSWORD_ITERATIONS);
    }

    /**
     * Opens the database as {@link #open(String, PoolSettings)}, hashing the passwords it sets with
     * {@code passwordIterations} rounds of PBKDF2 instead of {@link #DEFAULT_PASSWORD_ITERATIONS}.
     * Fewer rounds make signing in cheaper and a stolen hash easier to crack: tests lower it, production
     * should not. Passwords already set keep the rounds they were hashed with.
     *
     * @throws IllegalArgumentException when {@code passwordIterations} is below 1
     */
    public static Database open(String jdbcUrl, PoolSettings settings, int passwordIterations) {
        if (passwordIterations < 1) {
            throw new IllegalArgumentException("The password hash needs at least 1 iteration, not " + passwordIterations);
        }
        boolean postgres;
        DataSource target;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            jdbcUrl = withQueryCache(durableH2Url(jdbcUrl));
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(jdbcUrl);
            target = h2;
            postgres = false;
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(jdbcUrl);
            target = pg;
            postgres = true;
        } else {
            throw new IllegalArgumentException("Unsupported JDBC URL \"" + jdbcUrl
                    + "\": use jdbc:h2:file:... or jdbc:postgresql://host:port/database");
        }
        int size = settings.size() > 0 ? settings.size() : PoolSettings.defaultSize();
        Database db = new Database(jdbcUrl, target, new AdmissionQueue(size, settings.maxWaiting(), settings.maxWait()),
                postgres, passwordIterations);
        try {
            // Straight to the database, not through the pool: Flyway holds two connections at once,
            // more than a pool of one has.
            Flyway flyway = Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/server")
                    .load();
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            db.schemaVersion = current == null ? "" : current.getVersion().getVersion();
            db.serverId = ServerIdentity.ensure(target);
            startEpoch(target, postgres ? ChangeNotice.channel(db.serverId) : null);
            db.checkDurability(target);
            db.pool = pool(target, size);
        } catch (RuntimeException e) {
            db.close();
            throw new IllegalStateException("Cannot open the server database at " + redact(jdbcUrl) + ": "
                    + rootMessage(e), e);
        }
        return db;
    }

    /**
     * HikariCP over {@code target}: {@code size} connections kept open and replaced after 30
     * minutes, checked only when idle for a while, and a warning with the borrower's stack when one
     * is held longer than {@link #LEAK_WARNING}. Requests reach it through the admission queue, so
     * a connection is free whenever one is asked for.
     */
    private static HikariDataSource pool(DataSource target, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ftop-db");
        config.setDataSource(target);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setLeakDetectionThreshold(LEAK_WARNING.toMillis());
        return new HikariDataSource(config);
    }

    /** A connection held longer than this is logged as a possible leak (with where it was taken). */
    static final Duration LEAK_WARNING = Duration.ofMinutes(2);

    /**
     * Runs {@code work} on a pooled connection once this request's turn comes (see
     * {@link AdmissionQueue}); the connection goes back to the pool after, rolled back if left
     * in a transaction.
     *
     * @throws DatabaseBusyException when the admission queue is full or the wait ran out
     */
    private <T> T withConnection(AdmissionQueue.Lane lane, SqlWork<T> work) throws SQLException {
        HikariDataSource open = pool;
        if (open == null || open.isClosed()) {
            throw new SQLException("The database " + redact(url) + " is closed");
        }
        admission.enter(lane);
        try (Connection c = open.getConnection()) {
            return work.run(c);
        } finally {
            admission.leave();
        }
    }

    /**
     * A connection of its own, outside the pool and the admission queue, for long administrative
     * work (a backup) that must not hold one of the requests' connections; the caller closes it.
     */
    Connection unpooledConnection() throws SQLException {
        return target.getConnection();
    }

    /**
     * Reports the pool (HikariCP's own {@code hikaricp_} series: connections in use, pending,
     * acquire time) and the admission queue in front of it ({@code ftop_db_admission_*}: how long
     * requests waited for their turn, how many wait now, how many were refused) to {@code registry}.
     * Once per database: a pool reports to one registry.
     */
    synchronized void bindMetrics(MeterRegistry registry) {
        if (metricsBound) {
            return;
        }
        metricsBound = true;
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        Timer wait = Timer.builder("ftop.db.admission.wait")
                .description("Time requests waited for a database connection in the admission queue")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(100),
                        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(20))
                .register(registry);
        Counter refused = Counter.builder("ftop.db.admission.refused")
                .description("Requests answered 503 busy: the queue was full or the wait ran out").register(registry);
        Gauge.builder("ftop.db.admission.waiting", admission::waiting)
                .description("Requests waiting for a database connection now").register(registry);
        Gauge.builder("ftop.db.connections", admission::size).description("Connections in the pool").register(registry);
        admission.observe(new AdmissionQueue.Observer() {
            @Override
            public void admitted(long waitedNanos) {
                wait.record(waitedNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void refused() {
                refused.increment();
            }
        });
    }

    /** How many connections the pool keeps. */
    public int poolSize() {
        return admission.size();
    }

    /** How many requests may wait for a connection at once. */
    public int maxWaiting() {
        return admission.maxWaiting();
    }

    /** How many requests are waiting for a connection now. */
    int waiting() {
        return admission.waiting();
    }

    /**
     * This database's id: random, made once and kept in the database, so clients can tell a reset,
     * restored or different database from the one they synced with.
     */
    public String serverId() {
        return serverId;
    }

    /** The schema version this server migrated the database to when it opened it (e.g. {@code "10"}). */
    String schemaVersion() {
        return schemaVersion;
    }

    /** The rounds of PBKDF2 new passwords are hashed with. */
    public int passwordIterations() {
        return passwordIterations;
    }

    /** True on PostgreSQL, false on H2. */
    public boolean postgres() {
        return postgres;
    }

    /**
     * Runs {@code work} in one transaction: committed and on disk when it returns, rolled back
     * when it throws.
     */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        return inTransaction(work, false);
    }

    /**
     * Runs {@code work} in one transaction that takes revisions. Such transactions run one at a
     * time in this process (the counter row lock does the same across processes), so revisions
     * commit in order; holding the lock here keeps H2 from timing out on that row under load. The
     * revisions it took are recorded as one commit ({@link RevisionCommits}), so that no page of
     * changes ends inside it.
     */
    public <T> T inRevisionTransaction(SqlWork<T> work) throws SQLException {
        CommittedChanges[] committed = new CommittedChanges[1];
        T outcome;
        revisionLock.lock();
        try {
            outcome = inTransaction(c -> {
                long before = RowStore.currentRevision(c);
                T result = work.run(c);
                long last = RowStore.currentRevision(c);
                RevisionCommits.record(c, before, last);
                if (last > before) {
                    committed[0] = changesOf(c, before, last);
                }
                return result;
            }, true);
        } finally {
            revisionLock.unlock();
        }
        if (committed[0] != null) {
            tellCommitted(committed[0]);
        }
        return outcome;
    }

    /**
     * Calls {@code listener} after every transaction that took revisions has committed (and, on H2,
     * reached the disk, so that a pull can hand its revisions out), on the committing thread, with
     * the commit's rows when it wrote few enough ({@link CommittedChanges}). Commits through other
     * instances on the same PostgreSQL database come through {@link PgChangeListener} instead.
     */
    void onCommitted(Consumer<CommittedChanges> listener) {
        commitListeners.add(listener);
    }

    /** What the transaction changed; on PostgreSQL also told to the other instances when it commits. */
    private CommittedChanges changesOf(Connection c, long before, long last) throws SQLException {
        CommittedChanges committed = CommittedChanges.read(c, before, last);
        if (postgres) {
            committed.notice().notifyOthers(c, ChangeNotice.channel(serverId));
        }
        return committed;
    }

    private void tellCommitted(CommittedChanges committed) {
        for (Consumer<CommittedChanges> listener : commitListeners) {
            try {
                listener.accept(committed);
            } catch (RuntimeException e) {
                LOG.warn("A commit listener failed", e);
            }
        }
    }

    /**
     * Takes {@code count} revisions for rows that are then written in transactions of their own (a
     * bulk load into an empty database, slice by slice): they are not recorded as one commit, so
     * pages of changes may end between any of them.
     *
     * @return the first revision taken
     */
    public long reserveRevisions(int count) throws SQLException {
        revisionLock.lock();
        try {
            return inTransaction(c -> RowStore.takeRevisions(c, count), true);
        } finally {
            revisionLock.unlock();
        }
    }

    private <T> T inTransaction(SqlWork<T> work, boolean takesRevisions) throws SQLException {
        return withConnection(AdmissionQueue.Lane.WRITE, c -> {
            c.setAutoCommit(false);
            T result;
            long revision;
            try {
                result = work.run(c);
                revision = takesRevisions && !postgres ? RowStore.currentRevision(c) : 0;
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            // Back to auto-commit before anything else runs on it: a connection returned in a
            // transaction (the sync to disk opens one) is rolled back by the pool, and H2 forgets
            // every statement it keeps parsed for the connection on a rollback.
            c.setAutoCommit(true);
            if (!postgres) {
                syncToDisk(c);
                durableRevision.accumulateAndGet(revision, Math::max);
            }
            return result;
        });
    }

    /**
     * H2: forces every commit made so far to the disk. Commits that arrive while a sync runs share
     * the next one (group commit), so under load one sync covers many.
     */
    private void syncToDisk(Connection c) throws SQLException {
        long mine = commits.incrementAndGet();
        synchronized (syncLock) {
            if (synced >= mine) {
                return;
            }
            long upTo = commits.get();
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
            synced = upTo;
        }
    }

    /**
     * The latest revision that may be handed out to a client: the latest committed on PostgreSQL
     * (a commit is visible there only once it is on disk), the latest on disk on H2.
     */
    long latestRevision(Connection c) throws SQLException {
        long committed = RowStore.currentRevision(c);
        return postgres ? committed : Math.min(committed, durableRevision.get());
    }

    /**
     * Starts a new epoch of the revision history (see {@link RevisionEpochs}) for this opening, and
     * tells the instances listening on {@code channel} (PostgreSQL; null on H2) when it commits.
     */
    private static void startEpoch(DataSource target, String channel) {
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try {
                RevisionEpochs.start(c, Instant.now());
                if (channel != null) {
                    ChangeNotice.epochStarted(RowStore.currentRevision(c)).notifyOthers(c, channel);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start a new epoch of the revision history: " + e.getMessage(), e);
        }
    }

    /**
     * Makes sure acknowledged commits reach the disk: on H2, syncs what an earlier run left in the
     * operating system's cache before anything is read from it; on PostgreSQL, turns
     * {@code synchronous_commit} back on for this server's sessions if the database has it off, and
     * warns when {@code fsync} is off (nothing then survives a power loss for sure).
     */
    private void checkDurability(DataSource target) {
        try (Connection c = target.getConnection(); Statement s = c.createStatement()) {
            if (!postgres) {
                s.execute("CHECKPOINT SYNC");
                durableRevision.set(RowStore.currentRevision(c));
                return;
            }
            if ("off".equalsIgnoreCase(setting(s, "fsync"))) {
                LOG.warn("PostgreSQL runs with fsync = off: a power loss or an operating system crash can lose or "
                        + "corrupt acknowledged changes. Turn fsync on for production.");
            }
            String commit = setting(s, "synchronous_commit");
            if ("off".equalsIgnoreCase(commit)) {
                LOG.warn("PostgreSQL has synchronous_commit = off; this server turns it on for its own connections, "
                        + "so that a change is on disk before the client is told it was applied.");
                PGSimpleDataSource pg = (PGSimpleDataSource) target;
                String options = pg.getOptions() == null ? "" : pg.getOptions() + " ";
                pg.setOptions(options + "-c synchronous_commit=on");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the database's durability settings: " + e.getMessage(), e);
        }
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /**
     * An H2 URL that writes every commit to the file at once ({@code WRITE_DELAY=0}, added when
     * absent).
     *
     * @throws IllegalArgumentException when the URL asks for another write delay
     */
    static String durableH2Url(String url) {
        for (String part : url.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("WRITE_DELAY")) {
                if (!part.substring(eq + 1).trim().equals("0")) {
                    throw new IllegalArgumentException("The H2 URL sets " + part.trim() + ": the server needs WRITE_DELAY=0 "
                            + "(or none), so that a change is on disk before a client is told it was applied");
                }
                return url;
            }
        }
        return url + ";WRITE_DELAY=0";
    }

    /**
     * Statements H2 keeps parsed per connection, unless the URL says otherwise. Its default of 8 is
     * fewer than a push runs (about 20 different ones), so every statement was parsed and planned
     * again each time: a fifth of a push's CPU.
     */
    static final int H2_QUERY_CACHE_SIZE = 64;

    /** An H2 URL with {@code QUERY_CACHE_SIZE} of {@link #H2_QUERY_CACHE_SIZE} added when it sets none. */
    static String withQueryCache(String url) {
        for (String part : url.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("QUERY_CACHE_SIZE")) {
                return url;
            }
        }
        return url + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
    }

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        return withConnection(AdmissionQueue.Lane.READ, work);
    }

    /**
     * Runs read-only {@code work} as {@link #read}, but in the writes' lane of the admission queue:
     * the reads of a request that then writes (a push's authentication) do not queue behind pulls.
     */
    <T> T readForWrite(SqlWork<T> work) throws SQLException {
        return withConnection(AdmissionQueue.Lane.WRITE, work);
    }

    @Override
    public void close() {
        try {
            if (pool != null) {
                pool.close();
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot close the database " + redact(url), e);
        }
    }

    /** The URL without credentials, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
