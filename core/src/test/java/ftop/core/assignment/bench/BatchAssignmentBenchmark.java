package ftop.core.assignment.bench;

import ftop.core.assignment.AppliedBatch;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.AssignmentCsv;
import ftop.core.assignment.AssignmentEdit;
import ftop.core.assignment.AssignmentReader;
import ftop.core.assignment.AssignmentScope;
import ftop.core.assignment.BatchAssignment;
import ftop.core.assignment.BatchPreview;
import ftop.core.assignment.CsvImport;
import ftop.core.assignment.EditPermission;
import ftop.core.assignment.Role;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DatasetGenerator.Scale;
import ftop.core.store.LocalStore;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Batch assignment over 500 customers of the S1500 set in a local store on disk: an FTA is
 * assigned to 500 customers, then replaced by another FTA on all of them (500 removed, 500 added:
 * 1,000 outbox entries in one transaction), then the replace is undone. Prints preview and apply
 * milliseconds for each, cold and best of 3 (target: preview and apply under 300 ms). Before that,
 * all 10,000 assignments are exported to CSV and read back as a dry-run import.
 *
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ftop.core.assignment.bench.BatchAssignmentBenchmark
 * </pre>
 */
public final class BatchAssignmentBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 3);
    private static final int CUSTOMERS = 500;
    private static final int RUNS = 3;

    private BatchAssignmentBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Dataset s1500 = DatasetGenerator.generate(Scale.S1500, 1, TODAY);
        Path dir = Files.createTempDirectory("ftop-batch-bench");
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (LocalStore store = LocalStore.open(dir, clock)) {
            long start = System.nanoTime();
            store.bulkLoad(s1500, 1);
            System.out.printf("machine: %d processors, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("S1500 bulk load: %d ms (%,d rows, %,d assignments)%n", millisSince(start), s1500.size(),
                    s1500.assignments().size());

            List<Long> tpids = s1500.customers().stream().map(Customer::tpid).sorted().limit(CUSTOMERS).toList();
            List<String> ftas = s1500.users().stream().filter(u -> u.has(UserRole.FTA)).map(User::userId).sorted()
                    .limit(2).toList();
            String from = ftas.get(0);
            String to = ftas.get(1);
            AssignmentReader reader = AssignmentReader.of(store, TODAY);

            csv(store);
            if (Boolean.getBoolean("bench.parts")) {
                parts(tpids, reader, store);
            }
            AssignmentEdit assign = new AssignmentEdit.Assign(AssignmentArea.CUSTOMER_HEALTH, Role.FTA, from,
                    AssignmentScope.CUSTOMER_AND_WINNER);
            run("assign " + from + " (cold)", tpids, assign, reader, store);

            AssignmentEdit replace = new AssignmentEdit.Replace(AssignmentArea.CUSTOMER_HEALTH, Role.FTA, from, to);
            long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
            for (int run = 0; run < RUNS; run++) {
                long[] figures = run("replace " + from + " with " + to + (run == 0 ? " (cold)" : " (run " + (run + 1) + ")"),
                        tpids, replace, reader, store);
                for (int i = 0; i < best.length; i++) {
                    best[i] = Math.min(best[i], figures[i]);
                }
            }
            System.out.printf("replace over %d customers, best of %d: preview %d ms (cpu %d), apply %d ms (cpu %d), "
                    + "undo %d ms (cpu %d); target < 300 ms each%n", CUSTOMERS, RUNS, best[0], best[3], best[1], best[4],
                    best[2], best[5]);
            System.out.printf("outbox: %,d pending edits%n", store.outbox().pendingCount());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Exports every assignment of the workspace to CSV and reads the file back, as a dry run would. */
    private static void csv(LocalStore store) throws IOException {
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            StringWriter out = new StringWriter();
            int count = AssignmentCsv.export(store.assignments().all(), store.validationContext(TODAY), out);
            long exportMillis = millisSince(start);
            start = System.nanoTime();
            CsvImport read = AssignmentCsv.read(new StringReader(out.toString()), AssignmentReader.of(store, TODAY),
                    EditPermission.anything());
            long readMillis = millisSince(start);
            System.out.printf("CSV%s: export %,d assignments %d ms (%,d KB), dry-run import %d ms (%s)%n",
                    run == 0 ? " (cold)" : "", count, exportMillis, out.getBuffer().length() / 1024, readMillis,
                    read.summary());
        }
    }

    /** Where a preview's time goes: the reads it makes of the store. */
    private static void parts(List<Long> tpids, AssignmentReader reader, LocalStore store) {
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            List<ftop.core.assignment.Assignment> assignments = reader.assignmentsOf(tpids);
            long read = millisSince(start);
            start = System.nanoTime();
            tpids.forEach(tpid -> reader.context().customer(tpid));
            long customers = millisSince(start);
            start = System.nanoTime();
            tpids.forEach(tpid -> reader.context().tenantsOf(tpid));
            long tenants = millisSince(start);
            start = System.nanoTime();
            assignments.forEach(a -> store.assignments().get(a.id().toString()));
            long gets = millisSince(start);
            start = System.nanoTime();
            store.customers().all();
            long allCustomers = millisSince(start);
            start = System.nanoTime();
            store.tenants().all();
            long allTenants = millisSince(start);
            System.out.printf("parts: assignmentsOf %d ms (%d rows), 500 customer() %d ms, 500 tenantsOf() %d ms, "
                    + "%d assignment get() %d ms, customers().all() %d ms, tenants().all() %d ms%n", read,
                    assignments.size(), customers, tenants, assignments.size(), gets, allCustomers, allTenants);
        }
    }

    /** Previews, applies and undoes {@code edit}; returns the wall and then the CPU milliseconds of each. */
    private static long[] run(String what, List<Long> tpids, AssignmentEdit edit, AssignmentReader reader,
            LocalStore store) {
        long start = System.nanoTime();
        long cpu = cpuNanos();
        BatchPreview preview = BatchAssignment.preview(tpids, edit, reader, EditPermission.anything());
        long previewMillis = millisSince(start);
        long previewCpu = (cpuNanos() - cpu) / 1_000_000;

        start = System.nanoTime();
        cpu = cpuNanos();
        AppliedBatch applied = BatchAssignment.apply(preview, store);
        long applyMillis = millisSince(start);
        long applyCpu = (cpuNanos() - cpu) / 1_000_000;

        long undoMillis = -1;
        long undoCpu = -1;
        if (edit instanceof AssignmentEdit.Replace) {
            start = System.nanoTime();
            cpu = cpuNanos();
            applied.undo(store);
            undoMillis = millisSince(start);
            undoCpu = (cpuNanos() - cpu) / 1_000_000;
        }
        // CPU time of this thread next to wall time: on a busy machine the wall clock mostly measures the others.
        System.out.printf("%s: preview %d ms (cpu %d ms; %s), apply %d ms (cpu %d ms; %d edits)%s%n", what,
                previewMillis, previewCpu, preview.summary(), applyMillis, applyCpu, applied.mutations().size(),
                undoMillis < 0 ? "" : ", undo " + undoMillis + " ms (cpu " + undoCpu + " ms)");
        return new long[] {previewMillis, applyMillis, undoMillis, previewCpu, applyCpu, undoCpu};
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
