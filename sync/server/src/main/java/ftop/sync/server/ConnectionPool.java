package ftop.sync.server;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small fixed-size pool over any {@link DataSource} (H2's or PostgreSQL's), with admission
 * control: a request that finds every connection busy waits its turn in a fair queue (first come,
 * first served) for up to {@code maxWait}; when {@code maxWaiting} requests are already queued,
 * or the wait runs out, it gets a {@link DatabaseBusyException} (the server's 503 "busy") instead
 * of piling more work on an overloaded database. Closing a borrowed connection rolls back what
 * was left open and returns it; a connection that fails validation is replaced.
 */
final class ConnectionPool implements DataSource, AutoCloseable {

    private final DataSource target;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final int size;
    private final int maxWaiting;
    private final long waitMillis;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean closed;

    ConnectionPool(DataSource target, int size, int maxWaiting, Duration maxWait) {
        if (size < 1) {
            throw new IllegalArgumentException("A connection pool needs at least one connection, not " + size);
        }
        this.target = target;
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.maxWaiting = Math.max(0, maxWaiting);
        this.waitMillis = maxWait.toMillis();
    }

    /** How many connections the pool keeps. */
    int size() {
        return size;
    }

    /** How many requests may wait for a connection at once. */
    int maxWaiting() {
        return maxWaiting;
    }

    /** How many requests are waiting for a connection now. */
    int waiting() {
        return waiting.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("The connection pool is closed");
        }
        try {
            // tryAcquire with a timeout, even of 0, keeps the queue's order; without one it would barge.
            if (!permits.tryAcquire(0, TimeUnit.MILLISECONDS)) {
                if (waiting.incrementAndGet() > maxWaiting) {
                    waiting.decrementAndGet();
                    throw new DatabaseBusyException("No database connection free and " + maxWaiting
                            + " requests already waiting for one", 1);
                }
                try {
                    if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                        throw new DatabaseBusyException("No database connection free after " + waitMillis + " ms",
                                (int) Math.max(1, Math.min(30, waitMillis / 4000)));
                    }
                } finally {
                    waiting.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a database connection", e);
        }
        try {
            Connection physical = takeIdle();
            if (physical == null) {
                physical = target.getConnection();
            }
            return wrap(physical);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection takeIdle() {
        while (true) {
            Connection c;
            synchronized (idle) {
                c = idle.pollFirst();
            }
            if (c == null) {
                return null;
            }
            try {
                if (c.isValid(2)) {
                    return c;
                }
            } catch (SQLException ignored) {
                // fall through: replace it
            }
            quietlyClose(c);
        }
    }

    private Connection wrap(Connection physical) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close" -> {
                        giveBack();
                        return null;
                    }
                    case "isClosed" -> {
                        return returned || physical.isClosed();
                    }
                    default -> {
                        if (returned) {
                            throw new SQLException("Connection already returned to the pool");
                        }
                        try {
                            return method.invoke(physical, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                }
            }

            private void giveBack() {
                if (returned) {
                    return;
                }
                returned = true;
                boolean reusable = !closed;
                try {
                    if (!physical.getAutoCommit()) {
                        physical.rollback();
                        physical.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    reusable = false;
                }
                if (reusable) {
                    synchronized (idle) {
                        idle.addLast(physical);
                    }
                } else {
                    quietlyClose(physical);
                }
                permits.release();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(ConnectionPool::quietlyClose);
            idle.clear();
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken; nothing more to do
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The pool uses the credentials it was built with");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
