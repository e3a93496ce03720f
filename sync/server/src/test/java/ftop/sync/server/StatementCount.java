package ftop.sync.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts what a connection sends to the database: every statement executed (a JDBC batch once, as
 * it goes in one round trip) and every savepoint, with its SQL. Wraps the connection a group of
 * pushes runs on ({@link MutationService}'s test constructor).
 */
final class StatementCount {

    private final List<String> sent = new ArrayList<>();

    /** {@code c}, counting what is sent through it. */
    Connection wrap(Connection c) {
        return proxy(Connection.class, c, (method, args, result) -> {
            if (method.getName().equals("setSavepoint")) {
                note("SAVEPOINT");
            }
            if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")) {
                String sql = (String) args[0];
                return proxy(PreparedStatement.class, ps, (m, a, r) -> {
                    if (m.getName().startsWith("execute")) {
                        note(sql);
                    }
                    return r;
                });
            }
            if (result instanceof Statement s && method.getName().equals("createStatement")) {
                return proxy(Statement.class, s, (m, a, r) -> {
                    if (m.getName().startsWith("execute")) {
                        note(a != null && a.length > 0 && a[0] instanceof String sql ? sql : "(batch)");
                    }
                    return r;
                });
            }
            return result;
        });
    }

    /** The statements sent so far, in order. */
    synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    synchronized void reset() {
        sent.clear();
    }

    private synchronized void note(String sql) {
        sent.add(sql);
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        };
        return type.cast(Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
