package ftop.core.store;

import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Run in a separate JVM by {@link WorkspaceCrashTest} and killed there: opens the workspace given
 * as the first argument, bulk-loads the S1500 set at revision 77, saves one edit, and then waits
 * to be killed, printing {@code STARTED}, {@code LOADED} and {@code SAVED} as it goes.
 */
public final class CrashProbe {

    static final long REVISION = 77;
    static final String EDITED_NAME = "Edited before the crash";

    private CrashProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Dataset data = DatasetGenerator.generate(DatasetGenerator.Scale.S1500, 1500, LocalDate.of(2021, 5, 3));
        LocalStore store = LocalStore.open(Path.of(args[0]));
        System.out.println("STARTED");
        System.out.flush();
        store.bulkLoad(data, REVISION);
        System.out.println("LOADED");
        System.out.flush();
        Customer first = data.customers().get(0);
        store.save(new Customer(first.tpid(), EDITED_NAME, first.segment(), first.region(), first.vertical(),
                first.area(), first.phase(), first.renewalDates()));
        System.out.println("SAVED " + first.tpid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
