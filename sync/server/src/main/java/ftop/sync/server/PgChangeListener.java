package ftop.sync.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the commits of every server instance on the same PostgreSQL database: one dedicated
 * connection (outside the pool) {@code LISTEN}s on the database's channel ({@link ChangeNotice#channel}), and a thread of
 * its own hands each notification to {@code sink}. A lost connection is opened again after a
 * pause; the commits made meanwhile are covered by the waiters' timeouts, and the instance's own
 * commits never depend on it.
 */
final class PgChangeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgChangeListener.class);
    /** How long one wait for notifications lasts; also how soon {@link #close()} is noticed. */
    private static final int POLL_MILLIS = 500;
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final Database db;
    private final Consumer<ChangeNotice> sink;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;
    private volatile Connection connection;

    private PgChangeListener(Database db, Consumer<ChangeNotice> sink) {
        this.db = db;
        this.sink = sink;
        this.thread = new Thread(this::run, "ftop-pg-listen");
        this.thread.setDaemon(true);
    }

    /** Starts listening on {@code db}'s channel; returns once the first LISTEN is in place. */
    static PgChangeListener start(Database db, Consumer<ChangeNotice> sink) {
        PgChangeListener listener = new PgChangeListener(db, sink);
        try {
            listener.connection = listener.listen();
        } catch (SQLException e) {
            LOG.warn("Cannot listen for other instances' commits yet ({}); trying again in the background", e.getMessage());
        }
        listener.thread.start();
        return listener;
    }

    private Connection listen() throws SQLException {
        Connection c = db.unpooledConnection();
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("LISTEN " + ChangeNotice.channel(db.serverId()));
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void run() {
        while (!closed.get()) {
            try {
                if (connection == null) {
                    connection = listen();
                }
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        ChangeNotice.parse(notification.getParameter()).ifPresent(this::deliver);
                    }
                }
            } catch (SQLException e) {
                if (closed.get()) {
                    return;
                }
                LOG.warn("Listening for other instances' commits failed ({}); listening again in {} s", e.getMessage(),
                        RECONNECT.toSeconds());
                closeQuietly();
                pause();
            }
        }
    }

    private void deliver(ChangeNotice notice) {
        try {
            sink.accept(notice);
        } catch (RuntimeException e) {
            LOG.warn("Handing on a commit notice failed", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed.set(true);
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already broken.
            }
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.join(POLL_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
    }
}
