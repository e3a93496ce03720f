package ftop.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.customer.CustomerDetails;
import ftop.app.portfolio.PortfolioRows;
import ftop.app.shell.ShellModel;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.store.LocalStore;
import ftop.core.store.WorkspaceKey;
import ftop.core.store.WorkspaceKeys;

/**
 * How fast the window fills with the S1500 data set (1,500 customers, 6,000 tenants...) in the
 * local store: the time from starting the app to a populated Portfolio, and the time to switch
 * the Customer tab to another customer (store read + assessment + drawing), and what the encrypted
 * store costs at start-up against a plain one. Runs headless (Monocle).
 *
 * <p>The cold launches run each in a JVM of their own, interleaved: plain without a class archive,
 * plain with an AppCDS archive of the classes a start loads (made by a training launch first, see
 * {@link ColdLaunch}), and encrypted without one. Each prints the time from the app's start and
 * from the process start to the populated Portfolio, the process's CPU time, and the steps of the
 * start ({@code StartupSequence}: window shown, workspace open, first frame, rows read...).
 * {@code --launches=N} makes N launches of each kind (3 by default).
 *
 * <pre>
 * ./mvnw -q -pl app -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ftop.app.bench.StartupBenchmark
 * </pre>
 * ({@code -Dexec.skip=true} keeps core and sync, built by {@code -am}, from running it; the app
 * module runs it regardless.) Or {@code ./bench StartupBenchmark}. Wall-clock times on a loaded
 * machine are noisy; the CPU times printed beside them are steadier. With the environment variable
 * {@code STARTUP_JFR_DIR} set to a folder, each cold launch records a Flight Recorder profile there.
 */
public final class StartupBenchmark {

    private static final int SWITCHES = 30;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");

        LocalDate today = LocalDate.now();
        if (args.length == 3 && args[0].equals("--launch")) {
            // a child JVM: one cold launch of the app on the workspace, plain or encrypted
            launchAndReport(Path.of(args[1]), args[2].equals("encrypted") ? Optional.of(BENCH_KEYS) : Optional.empty());
            System.exit(0);
        }
        launches = java.util.Arrays.stream(args).filter(a -> a.startsWith("--launches="))
                .map(a -> Integer.parseInt(a.substring("--launches=".length()))).findFirst().orElse(LAUNCHES);
        if (launches < 1) {
            throw new IllegalArgumentException("--launches takes a number of cold launches of each kind, at least 1");
        }
        Path home = Files.createTempDirectory("ftop-startup-bench");
        try {
            Dataset data = DatasetGenerator.generate(DatasetGenerator.Scale.S1500, 42, today);
            long loadStart = System.nanoTime();
            try (LocalStore store = LocalStore.open(home)) {
                store.bulkLoad(data, 1);
                store.putSetting(StoreWorkspace.USER_SETTING, "megan.bowen");
            }
            System.out.printf(Locale.US, "S1500 set: %,d customers, %,d tenants, %,d rows in all; bulk load %,d ms%n",
                    data.customers().size(), data.tenants().size(), data.size(), ms(System.nanoTime() - loadStart));

            // where the time goes: reading the rows from the store, and turning them into table rows
            try (StoreWorkspace workspace = StoreWorkspace.open("s1500", Optional.of(home), today)) {
                for (int round = 1; round <= 2; round++) {
                    long readStart = System.nanoTime();
                    var customers = workspace.customers();
                    var tenants = workspace.tenants();
                    var health = workspace.health();
                    var usage = workspace.usage();
                    var assignments = workspace.assignments();
                    var users = workspace.users();
                    long read = System.nanoTime() - readStart;
                    long buildStart = System.nanoTime();
                    var rows = PortfolioRows.build(new PortfolioRows.Source(customers, tenants, health, usage,
                            assignments, users, workspace.rules(), workspace.userId()), today).customers();
                    long build = System.nanoTime() - buildStart;
                    System.out.printf(Locale.US, "Round %d: read %,d customers, %,d tenants, %,d health, %,d usage rows "
                            + "from the store %,d ms; build %,d Portfolio rows %,d ms%n", round, customers.size(),
                            tenants.size(), health.size(), usage.size(), ms(read), rows.size(), ms(build));
                }
                long tpid = data.customers().get(data.customers().size() / 2).tpid();
                long oneStart = System.nanoTime();
                int reads = 20;
                for (int i = 0; i < reads; i++) {
                    workspace.customer(tpid);
                    workspace.health(tpid);
                    workspace.contactsOf(tpid);
                    workspace.tenantsOf(tpid);
                    workspace.usageOf(tpid);
                }
                System.out.printf(Locale.US, "Reading one customer's rows from the store: %.1f ms%n",
                        (System.nanoTime() - oneStart) / 1e6 / reads);
            }

            encryptedAgainstPlain(data, home, today);

            CountDownLatch toolkit = new CountDownLatch(1);
            long fxStart = System.nanoTime();
            Platform.startup(toolkit::countDown);
            toolkit.await();
            Platform.setImplicitExit(false);
            System.out.printf(Locale.US, "JavaFX toolkit start: %,d ms%n", ms(System.nanoTime() - fxStart));

            FtopApplication app = new FtopApplication(
                    new AppOptions("s1500", Optional.of(home), Optional.empty(), false, Optional.empty()),
                    StoreWorkspace::open, Clock.systemDefaultZone());
            CompletableFuture<Long> populated = new CompletableFuture<>();
            long launch = System.nanoTime();
            Platform.runLater(() -> {
                app.init();
                app.start(new Stage());
                app.whenStartReaches("Portfolio populated", () -> populated.complete(System.nanoTime() - launch));
            });
            long toPortfolio = populated.get(120, TimeUnit.SECONDS);
            System.out.printf(Locale.US, "Launch to a populated Portfolio (open store, read, assess, draw): %,d ms%n",
                    ms(toPortfolio));

            List<Customer> customers = data.customers().stream().sorted(Comparator.comparing(Customer::name)).toList();
            List<Long> switches = new ArrayList<>();
            for (int i = 0; i < SWITCHES; i++) {
                Customer next = customers.get((i * 97) % customers.size());
                switches.add(switchTo(app.shell(), next.tpid()));
            }
            switches.sort(null);
            System.out.printf(Locale.US, "Switch the Customer tab to another customer (%d switches): median %.1f ms, "
                    + "max %.1f ms%n", SWITCHES, switches.get(SWITCHES / 2) / 1e6, switches.get(SWITCHES - 1) / 1e6);

            System.out.printf(Locale.US, "(system load average %.1f on %d processors)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());

            CountDownLatch stopped = new CountDownLatch(1);
            Platform.runLater(() -> {
                app.stop();
                stopped.countDown();
            });
            stopped.await(30, TimeUnit.SECONDS);
            Platform.exit();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The cost of the encrypted store at start-up: the same S1500 workspace plain and encrypted
     * (H2's CIPHER=AES format), each opened and read as the Portfolio reads it, in alternating rounds
     * after a warm-up, medians of the time and of the process's CPU time compared; the same as cold
     * launches in JVMs of their own; and the one-time encryption of a plain workspace at its first start.
     */
    private static void encryptedAgainstPlain(Dataset data, Path plain, LocalDate today) throws Exception {
        WorkspaceKeys keys = BENCH_KEYS;
        Path encrypted = Files.createTempDirectory("ftop-startup-bench-encrypted");
        try {
            try (LocalStore store = LocalStore.open(encrypted, Clock.systemDefaultZone(), keys)) {
                store.bulkLoad(data, 1);
                store.putSetting(StoreWorkspace.USER_SETTING, "megan.bowen");
            }
            for (int warm = 0; warm < 2; warm++) {
                openAndRead(plain, Optional.empty(), today);
                openAndRead(encrypted, Optional.of(keys), today);
            }
            List<Long> plainTimes = new ArrayList<>();
            List<Long> encryptedTimes = new ArrayList<>();
            List<Long> plainCpu = new ArrayList<>();
            List<Long> encryptedCpu = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long cpu = processCpuTime();
                plainTimes.add(openAndRead(plain, Optional.empty(), today));
                plainCpu.add(processCpuTime() - cpu);
                cpu = processCpuTime();
                encryptedTimes.add(openAndRead(encrypted, Optional.of(keys), today));
                encryptedCpu.add(processCpuTime() - cpu);
            }
            long plainMedian = ColdLaunch.median(plainTimes);
            long encryptedMedian = ColdLaunch.median(encryptedTimes);
            System.out.printf(Locale.US, "Open the S1500 workspace and read what the Portfolio shows (%d rounds, median): "
                    + "plain %,d ms, encrypted %,d ms (%+.1f%%); CPU time of the process plain %,d ms, encrypted %,d ms "
                    + "(%+.1f%%); file %,d KB plain, %,d KB encrypted%n", ROUNDS,
                    ms(plainMedian), ms(encryptedMedian), 100.0 * (encryptedMedian - plainMedian) / plainMedian,
                    ms(ColdLaunch.median(plainCpu)), ms(ColdLaunch.median(encryptedCpu)),
                    100.0 * (ColdLaunch.median(encryptedCpu) - ColdLaunch.median(plainCpu)) / ColdLaunch.median(plainCpu),
                    Files.size(plain.resolve("ftop.mv.db")) / 1024, Files.size(encrypted.resolve("ftop.mv.db")) / 1024);

            try (ColdLaunch cold = ColdLaunch.prepare()) {
                cold.train(plain);
                List<ColdLaunch.Result> plainLaunches = new ArrayList<>();
                List<ColdLaunch.Result> archivedLaunches = new ArrayList<>();
                List<ColdLaunch.Result> encryptedLaunches = new ArrayList<>();
                for (int round = 0; round < launches; round++) {
                    plainLaunches.add(cold.launch(plain, "plain", false));
                    archivedLaunches.add(cold.launch(plain, "plain", true));
                    encryptedLaunches.add(cold.launch(encrypted, "encrypted", false));
                }
                long plainLaunch = ColdLaunch.median(plainLaunches.stream().map(ColdLaunch.Result::appMillis).toList());
                long encryptedLaunch = ColdLaunch.median(encryptedLaunches.stream()
                        .map(ColdLaunch.Result::appMillis).toList());
                System.out.printf(Locale.US, "Cold launch to a populated Portfolio, each in a JVM of its own (%d each, "
                        + "interleaved, median):%n", launches);
                System.out.printf(Locale.US, "  plain, no class archive:        %s%n", ColdLaunch.medians(plainLaunches));
                System.out.printf(Locale.US, "  plain, AppCDS archive (%.0f MB): %s%n", cold.archiveMegabytes(),
                        ColdLaunch.medians(archivedLaunches));
                System.out.printf(Locale.US, "  encrypted, no class archive:    %s (%+.1f%% against plain)%n",
                        ColdLaunch.medians(encryptedLaunches), 100.0 * (encryptedLaunch - plainLaunch) / plainLaunch);
                System.out.printf(Locale.US, "  steps of the last launch without the archive: %s%n",
                        plainLaunches.get(launches - 1).steps());
                System.out.printf(Locale.US, "  steps of the last launch with the archive:    %s%n",
                        archivedLaunches.get(launches - 1).steps());
            }

            Path migrated = Files.createTempDirectory("ftop-startup-bench-migrated");
            try {
                Files.copy(plain.resolve("ftop.mv.db"), migrated.resolve("ftop.mv.db"));
                long start = System.nanoTime();
                try (LocalStore store = LocalStore.open(migrated, Clock.systemDefaultZone(), keys)) {
                    store.customers().count();
                }
                System.out.printf(Locale.US, "First start of a plain S1500 workspace, encrypting it: %,d ms%n",
                        ms(System.nanoTime() - start));
            } finally {
                delete(migrated);
            }
        } finally {
            delete(encrypted);
        }
    }

    private static final int ROUNDS = 7;
    private static final int LAUNCHES = 3;
    /** Cold launches of each kind, {@code --launches=N}. */
    private static int launches = LAUNCHES;

    /** One key for every process of the benchmark, as a credential store would give it. */
    private static final WorkspaceKeys BENCH_KEYS = new WorkspaceKeys() {
        @Override
        public WorkspaceKey key(Path workspace) {
            byte[] key = new byte[WorkspaceKey.BYTES];
            Arrays.fill(key, (byte) 0x5a);
            return WorkspaceKey.of(key);
        }

        @Override
        public void forget(Path workspace) {
        }
    };

    /**
     * A child JVM's launch: starts the toolkit and the app on {@code dir} and prints, once the
     * Portfolio is populated, the time from the app's start, the time from the process start, the
     * process's CPU time, and the steps of the start.
     */
    private static void launchAndReport(Path dir, Optional<WorkspaceKeys> keys) throws Exception {
        CountDownLatch toolkit = new CountDownLatch(1);
        Platform.startup(toolkit::countDown);
        toolkit.await();
        FtopApplication app = new FtopApplication(
                new AppOptions("s1500", Optional.of(dir), Optional.empty(), false, Optional.empty()),
                (profile, home, day) -> StoreWorkspace.open(profile, home, day, Clock.systemDefaultZone(), keys),
                Clock.systemDefaultZone());
        CompletableFuture<Long> populated = new CompletableFuture<>();
        long launch = System.nanoTime();
        Platform.runLater(() -> {
            app.init();
            app.start(new Stage());
            app.whenStartReaches("Portfolio populated", () -> populated.complete(System.nanoTime() - launch));
        });
        long fromApp = populated.get(300, TimeUnit.SECONDS);
        long fromProcess = ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
        long cpu = processCpuTime() / 1_000_000;
        System.out.println("LAUNCH " + ms(fromApp) + " " + fromProcess + " " + cpu);
        // the steps after the first screen too: until the rows are read from the workspace
        CompletableFuture<Void> rowsRead = new CompletableFuture<>();
        Platform.runLater(() -> app.whenStartReaches("rows read", () -> rowsRead.complete(null)));
        rowsRead.get(300, TimeUnit.SECONDS);
        System.out.println("STEPS " + app.startupSteps().stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    /** Opens the workspace and reads every row the Portfolio is built from; the time taken. */
    private static long openAndRead(Path dir, Optional<WorkspaceKeys> keys, LocalDate today) {
        long start = System.nanoTime();
        try (StoreWorkspace workspace = StoreWorkspace.open("s1500", Optional.of(dir), today, Clock.systemDefaultZone(),
                keys)) {
            PortfolioRows.build(new PortfolioRows.Source(workspace.customers(), workspace.tenants(), workspace.health(),
                    workspace.usage(), workspace.assignments(), workspace.users(), workspace.rules(),
                    workspace.userId()), today).customers();
        }
        return System.nanoTime() - start;
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Time from asking for the customer to its details being shown and one more pulse drawn. */
    private static long switchTo(ShellModel shell, long tpid) throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            shell.customer().detailsProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends CustomerDetails> obs, CustomerDetails old,
                        CustomerDetails now) {
                    if (now != null && now.customer().tpid() == tpid) {
                        obs.removeListener(this);
                        Platform.runLater(() -> shown.complete(System.nanoTime() - start));
                    }
                }
            });
            shell.openCustomer(tpid);
        });
        return shown.get(30, TimeUnit.SECONDS);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** The CPU time this JVM has used so far, all threads, in ns. */
    private static long processCpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

}
