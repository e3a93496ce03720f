package ftop.sync.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The server's JDBC database: an H2 file by default, PostgreSQL for a real deployment, through
 * the same SQL. Opening migrates the schema with Flyway ({@code db/server}).
 */
public final class Database implements AutoCloseable {

    private final String url;
    private final ConnectionPool pool;
    private final boolean postgres;
    private final ReentrantLock revisionLock = new ReentrantLock(true);
    private String serverId;

    private Database(String url, ConnectionPool pool, boolean postgres) {
        this.url = url;
        this.pool = pool;
        this.postgres = postgres;
    }

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
        boolean postgres;
        DataSource target;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
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
        Database db = new Database(jdbcUrl, new ConnectionPool(target, size, settings.maxWaiting(), settings.maxWait()),
                postgres);
        try {
            // Straight to the database, not through the pool: Flyway holds two connections at once,
            // more than a pool of one has.
            Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/server")
                    .load()
                    .migrate();
            db.serverId = ServerIdentity.ensure(target);
        } catch (RuntimeException e) {
            db.close();
            throw new IllegalStateException("Cannot open the server database at " + redact(jdbcUrl) + ": "
                    + rootMessage(e), e);
        }
        return db;
    }

    /** A connection from the pool; closing it gives it back. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** How many connections the pool keeps. */
    public int poolSize() {
        return pool.size();
    }

    /** How many requests may wait for a connection at once. */
    public int maxWaiting() {
        return pool.maxWaiting();
    }

    /** How many requests are waiting for a connection now. */
    int waiting() {
        return pool.waiting();
    }

    /**
     * This database's id: random, made once and kept in the database, so clients can tell a reset,
     * restored or different database from the one they synced with.
     */
    public String serverId() {
        return serverId;
    }

    /** True on PostgreSQL, false on H2. */
    public boolean postgres() {
        return postgres;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Runs {@code work} in one transaction that takes revisions. Such transactions run one at a
     * time in this process (the counter row lock does the same across processes), so revisions
     * commit in order; holding the lock here keeps H2 from timing out on that row under load. The
     * revisions it took are recorded as one commit ({@link RevisionCommits}), so that no page of
     * changes ends inside it.
     */
    public <T> T inRevisionTransaction(SqlWork<T> work) throws SQLException {
        revisionLock.lock();
        try {
            return inTransaction(c -> {
                long before = RowStore.currentRevision(c);
                T result = work.run(c);
                RevisionCommits.record(c, before, RowStore.currentRevision(c));
                return result;
            });
        } finally {
            revisionLock.unlock();
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
            return inTransaction(c -> RowStore.takeRevisions(c, count));
        } finally {
            revisionLock.unlock();
        }
    }

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection c = connection()) {
            return work.run(c);
        }
    }

    @Override
    public void close() {
        try {
            pool.close();
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
