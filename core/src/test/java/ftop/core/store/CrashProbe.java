package ftop.core.store;

import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.locks.LockSupport;
import org.h2.api.Trigger;

/**
 * Run in a separate JVM by {@link WorkspaceCrashTest} and killed there. The first argument is the
 * workspace folder, the second what to do:
 * <ul>
 * <li>{@code load}: bulk-loads the S1500 set at revision 77 and, when {@link #ROWS_BEFORE_KILL} of its
 * rows are written in the load's one transaction, prints {@code MIDWAY} and holds the load there
 * until it is killed;</li>
 * <li>{@code save}: bulk-loads the demo set at revision 77, prints {@code LOADED}, saves one edit,
 * prints {@code SAVED} and the edited customer's TPID, and waits to be killed.</li>
 * </ul>
 */
public final class CrashProbe {

    static final long REVISION = 77;
    static final String EDITED_NAME = "Edited before the crash";
    /** Five of the load's batches of rows: well into the load, a small part of it. */
    static final int ROWS_BEFORE_KILL = 5_000;

    private CrashProbe() {
    }

    /** The set the {@code load} probe loads. */
    static Dataset longLoad() {
        return DatasetGenerator.generate(DatasetGenerator.Scale.S1500, 1500, LocalDate.of(2021, 5, 3));
    }

    /** The set the {@code save} probe loads before its edit. */
    static Dataset savedLoad() {
        return DatasetGenerator.demo(LocalDate.of(2021, 5, 3));
    }

    public static void main(String[] args) throws SQLException {
        Path dir = Path.of(args[0]);
        if (args[1].equals("load")) {
            Dataset data = longLoad();
            LocalStore store = LocalStore.open(dir);
            try (Connection c = DriverManager.getConnection(store.jdbcUrl(), "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER crash_probe_midway AFTER INSERT ON entity_row FOR EACH ROW CALL '"
                        + MidwayTrigger.class.getName() + "'");
            }
            store.bulkLoad(data, REVISION);
            throw new AssertionError("The load went past the trigger that holds it");
        }
        Dataset data = savedLoad();
        LocalStore store = LocalStore.open(dir);
        store.bulkLoad(data, REVISION);
        System.out.println("LOADED");
        System.out.flush();
        Customer first = data.customers().get(0);
        store.save(new Customer(first.tpid(), EDITED_NAME, first.segment(), first.region(), first.vertical(),
                first.area(), first.phase(), first.renewalDates()));
        System.out.println("SAVED " + first.tpid());
        System.out.flush();
        holdUntilKilled();
    }

    private static void holdUntilKilled() {
        while (true) {
            LockSupport.park();
        }
    }

    /**
     * Counts the rows the load writes and holds the writing thread, inside the load's transaction,
     * at the {@link #ROWS_BEFORE_KILL}th. H2 makes it by name; it stays in the workspace's schema,
     * where reading never fires it.
     */
    public static final class MidwayTrigger implements Trigger {

        private static int rows;

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
            if (++rows == ROWS_BEFORE_KILL) {
                System.out.println("MIDWAY");
                System.out.flush();
                holdUntilKilled();
            }
        }
    }
}
