package ftop.sync.server;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small fixed-size pool over any {@link DataSource}, for PostgreSQL (whose driver has no pool
 * of its own). Closing a borrowed connection rolls back what was left open and returns it;
 * a connection that fails validation is replaced.
 */
final class ConnectionPool implements DataSource, AutoCloseable {

    private final DataSource target;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final long waitMillis;
    private volatile boolean closed;

    ConnectionPool(DataSource target, int size, long waitMillis) {
        this.target = target;
        this.permits = new Semaphore(size, true);
        this.waitMillis = waitMillis;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("The connection pool is closed");
        }
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLException("No database connection free after " + waitMillis + " ms");
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
