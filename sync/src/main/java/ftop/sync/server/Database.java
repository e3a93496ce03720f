package ftop.sync.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The server's JDBC database: an H2 file by default, PostgreSQL for a real deployment, through
 * the same SQL. Opening migrates the schema with Flyway ({@code db/server}).
 */
public final class Database implements AutoCloseable {

    /** Connections kept open; Jetty's threads beyond that wait briefly for one. */
    private static final int POOL_SIZE = 16;

    private final String url;
    private final DataSource dataSource;
    private final AutoCloseable closer;
    private final boolean postgres;
    private final ReentrantLock revisionLock = new ReentrantLock(true);

    private Database(String url, DataSource dataSource, AutoCloseable closer, boolean postgres) {
        this.url = url;
        this.dataSource = dataSource;
        this.closer = closer;
        this.postgres = postgres;
    }

    /**
     * Opens the database at {@code jdbcUrl} and brings its schema up to date.
     *
     * @throws IllegalArgumentException when the URL is neither H2 nor PostgreSQL
     * @throws IllegalStateException    when the database cannot be reached or migrated, with the reason
     */
    public static Database open(String jdbcUrl) {
        Database db;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "", "");
            pool.setMaxConnections(POOL_SIZE);
            db = new Database(jdbcUrl, pool, pool::dispose, false);
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(jdbcUrl);
            ConnectionPool pool = new ConnectionPool(pg, POOL_SIZE, 30_000);
            db = new Database(jdbcUrl, pool, pool, true);
        } else {
            throw new IllegalArgumentException("Unsupported JDBC URL \"" + jdbcUrl
                    + "\": use jdbc:h2:file:... or jdbc:postgresql://host:port/database");
        }
        try {
            Flyway.configure()
                    .dataSource(db.dataSource)
                    .locations("classpath:db/server")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            db.close();
            throw new IllegalStateException("Cannot open the server database at " + redact(jdbcUrl) + ": "
                    + rootMessage(e), e);
        }
        return db;
    }

    /** A connection from the pool; closing it gives it back. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
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
     * commit in order; holding the lock here keeps H2 from timing out on that row under load.
     */
    public <T> T inRevisionTransaction(SqlWork<T> work) throws SQLException {
        revisionLock.lock();
        try {
            return inTransaction(work);
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
            closer.close();
        } catch (Exception e) {
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
