package ftop.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import ftop.app.customer.CustomerDetails;
import ftop.app.customer.CustomerView;
import ftop.app.customer.CustomerViewModel;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.widgets.DialogService;
import ftop.app.widgets.Theme;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.change.EntityKind;
import ftop.core.change.FieldChange;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.dataset.UsageHistory;
import ftop.core.store.LocalStore;
import ftop.core.usage.WorkloadUsage;

/**
 * How fast the Customer tab fills when switching customers on the S1500 data set (1,500 customers,
 * 6,000 tenants, 30,000 status notes...) in a local store in a temporary folder: from asking for
 * a customer to its dashboard filled, styled and laid out (store read off the FX thread, then every
 * card drawn). Target: under 100 ms. Runs headless (Monocle). Prints the median, 90th percentile and
 * maximum, and the two parts (background read, drawing); then the time until the Workload health
 * card's usage trend is drawn too, from a year of usage history cached in the workspace.
 *
 * <pre>
 * ./mvnw -q -pl app -am -DskipTests package dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)" \
 *     ftop.app.bench.CustomerSwitchBenchmark
 * </pre>
 * (exec:java with {@code -am} also runs in the sync module, which has no such class.)
 */
public final class CustomerSwitchBenchmark {

    private static final int WARM_UP = 15;
    private static final int SWITCHES = 60;

    private CustomerSwitchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");

        LocalDate today = LocalDate.now();
        Path home = Files.createTempDirectory("ftop-customer-bench");
        BackgroundTasks tasks = BackgroundTasks.create();
        try {
            Dataset data = DatasetGenerator.generate(DatasetGenerator.Scale.S1500, 42, today);
            List<Customer> customers = data.customers().stream().sorted(Comparator.comparing(Customer::name)).toList();
            int historyEntries;
            try (LocalStore store = LocalStore.open(home)) {
                store.bulkLoad(data, 1);
                store.putSetting(StoreWorkspace.USER_SETTING, DemoUsers.DEMO_USER);
                historyEntries = cacheHistory(store, data, customers);
            }
            System.out.printf(Locale.US, "S1500 set: %,d customers, %,d tenants, %,d notes, %,d contacts, %,d rows in all%n",
                    data.customers().size(), data.tenants().size(), data.notes().size(), data.contacts().size(), data.size());

            try (StoreWorkspace workspace = StoreWorkspace.open("s1500", Optional.of(home), today)) {
                CountDownLatch toolkit = new CountDownLatch(1);
                Platform.startup(toolkit::countDown);
                toolkit.await();
                Platform.setImplicitExit(false);

                CompletableFuture<Bench> ready = new CompletableFuture<>();
                Platform.runLater(() -> {
                    Theme.apply(false);
                    CustomerViewModel model = new CustomerViewModel(workspace, tasks, Clock.systemDefaultZone());
                    CustomerView view = new CustomerView(model, DialogService.always(true));
                    var screen = Screen.getPrimary().getVisualBounds();
                    Scene scene = new Scene(view, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
                    Theme.style(scene);
                    Stage stage = new Stage();
                    stage.setScene(scene);
                    stage.show();
                    ready.complete(new Bench(model, view, scene));
                });
                Bench bench = ready.get(30, TimeUnit.SECONDS);

                System.out.printf(Locale.US, "Usage history cached for the customers switched to: %,d entries%n",
                        historyEntries);
                for (int i = 0; i < WARM_UP; i++) {
                    bench.switchTo(customers.get((i * 31) % customers.size()).tpid());
                }
                List<long[]> times = new ArrayList<>();
                for (int i = 0; i < SWITCHES; i++) {
                    times.add(bench.switchTo(customers.get((i * 97 + 7) % customers.size()).tpid()));
                }
                print("Switch to a filled Customer tab", times, 0);
                print("  of which reading the customer off the FX thread", times, 1);
                print("  of which filling, styling and laying out the cards", times, 2);
                print("Switch until the usage trend (12 months, from the cached history) is drawn too", times, 5);
                print("CPU time reading the customer on the background thread (a busy machine cannot inflate it)",
                        times, 4);
                print("CPU time filling, styling and laying out the cards on the FX thread", times, 3);
                System.out.printf(Locale.US, "Target: under 100 ms. (system load average %.1f on %d processors)%n",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors());
                tasks.close();
            }
            Platform.exit();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void print(String what, List<long[]> times, int part) {
        List<Long> sorted = times.stream().map(t -> t[part]).sorted().toList();
        int n = sorted.size();
        System.out.printf(Locale.US, "%s (%d switches): median %.1f ms, p90 %.1f ms, max %.1f ms%n", what, n,
                sorted.get(n / 2) / 1e6, sorted.get(n * 9 / 10) / 1e6, sorted.get(n - 1) / 1e6);
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the background thread that reads the store (there is one). */
    static long workerCpu() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("ftop-io-")) {
                return CPU.getThreadCpuTime(t.getId());
            }
        }
        return 0;
    }

    private record Bench(CustomerViewModel model, CustomerView view, Scene scene) {

        /** Nanoseconds: total, until the details arrived on the FX thread, and drawing them. */
        long[] switchTo(long tpid) throws Exception {
            CompletableFuture<long[]> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                long start = System.nanoTime();
                long[] arrived = new long[2];
                long[] workerStart = new long[1];
                // the view listened first, so when this runs the cards are filled; CSS and layout are then forced
                model.detailsProperty().addListener(new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends CustomerDetails> obs, CustomerDetails old,
                            CustomerDetails now) {
                        if (now != null && now.customer().tpid() == tpid) {
                            obs.removeListener(this);
                            scene.getRoot().applyCss();
                            scene.getRoot().layout();
                            long end = System.nanoTime();
                            long cpu = CPU.getCurrentThreadCpuTime() - arrived[1];
                            long read = workerCpu() - workerStart[0];
                            long[] result = {end - start, arrived[0] - start, end - arrived[0], cpu, read, 0};
                            // then the trend: read from the workspace's history cache after the details
                            whenTrendDrawn(() -> {
                                scene.getRoot().applyCss();
                                scene.getRoot().layout();
                                result[5] = System.nanoTime() - start;
                                shown.complete(result);
                            });
                        }
                    }
                });
                // when the background read hands its result to the FX thread
                model.loadingProperty().addListener(new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                        if (!now) {
                            obs.removeListener(this);
                            arrived[0] = System.nanoTime();
                            arrived[1] = CPU.getCurrentThreadCpuTime();
                        }
                    }
                });
                long worker = workerCpu();
                model.open(tpid);
                workerStart[0] = worker;
            });
            return shown.get(30, TimeUnit.SECONDS);
        }

        private void whenTrendDrawn(Runnable action) {
            var loading = model.trend().loadingProperty();
            if (!loading.get()) {
                action.run();
                return;
            }
            loading.addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                    if (!now) {
                        obs.removeListener(this);
                        action.run();
                    }
                }
            });
        }
    }

    /**
     * Keeps a year of usage history of the customers the benchmark switches to in the workspace, as
     * fetching it from a server would: each month's figures a change of the usage row.
     *
     * @return the number of history entries kept
     */
    private static int cacheHistory(LocalStore store, Dataset data, List<Customer> customers) {
        java.util.Set<Long> switched = new java.util.HashSet<>();
        for (int i = 0; i < WARM_UP; i++) {
            switched.add(customers.get((i * 31) % customers.size()).tpid());
        }
        for (int i = 0; i < SWITCHES; i++) {
            switched.add(customers.get((i * 97 + 7) % customers.size()).tpid());
        }
        List<WorkloadUsage> usage = data.usage().stream().filter(u -> switched.contains(u.tpid())).toList();
        java.util.Map<String, List<WorkloadUsage>> months = new java.util.HashMap<>();
        for (WorkloadUsage month : UsageHistory.monthly(usage, 12)) {
            months.computeIfAbsent(month.id(), id -> new ArrayList<>()).add(month);
        }
        java.util.Map<Long, List<FieldChange>> byCustomer = new java.util.HashMap<>();
        long revision = 0;
        for (WorkloadUsage now : usage) {
            List<WorkloadUsage> steps = new ArrayList<>(months.get(now.id()));
            steps.add(now);
            WorkloadUsage before = null;
            for (WorkloadUsage after : steps) {
                byCustomer.computeIfAbsent(now.tpid(), t -> new ArrayList<>()).addAll(FieldChange.between(++revision,
                        after.asOf().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), "usage-feed",
                        EntityKind.USAGE, now.id(), before, after));
                before = after;
            }
        }
        int entries = 0;
        for (var e : byCustomer.entrySet()) {
            store.addHistory(e.getKey(), e.getValue(), revision, java.time.Instant.now());
            entries += e.getValue().size();
        }
        return entries;
    }
}
