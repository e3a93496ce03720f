package ftop.sync.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Makes the database refuse some JDBC batches of one statement, as a constraint or a full disk
 * would: for tests of what a group of pushes does when a write it held back fails.
 */
final class FailingBatches {

    private final String sqlStart;
    private final Predicate<List<Map<Integer, Object>>> refuse;
    private final java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param sqlStart how the statement's SQL starts
     * @param refuse   given the parameters of each entry of a batch about to be sent, whether the
     *                 database refuses it
     */
    FailingBatches(String sqlStart, Predicate<List<Map<Integer, Object>>> refuse) {
        this.sqlStart = sqlStart;
        this.refuse = refuse;
    }

    /** How many batches were refused so far. */
    int refusals() {
        return refusals.get();
    }

    Connection wrap(Connection c) {
        InvocationHandler connection = (p, method, args) -> {
            Object result = call(c, method, args);
            if (method.getName().equals("prepareStatement") && ((String) args[0]).startsWith(sqlStart)) {
                return watch((PreparedStatement) result);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, connection);
    }

    private PreparedStatement watch(PreparedStatement ps) {
        Map<Integer, Object> bound = new HashMap<>();
        List<Map<Integer, Object>> entries = new ArrayList<>();
        InvocationHandler statement = (p, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                bound.put(index, args[1]);
            } else if (name.equals("addBatch")) {
                entries.add(new HashMap<>(bound));
            } else if (name.equals("executeBatch")) {
                List<Map<Integer, Object>> sent = List.copyOf(entries);
                entries.clear();
                if (refuse.test(sent)) {
                    ps.clearBatch();
                    refusals.incrementAndGet();
                    throw new SQLException("Refused for the test");
                }
            }
            return call(ps, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, statement);
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
