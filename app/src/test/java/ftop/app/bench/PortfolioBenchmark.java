package ftop.app.bench;

import static ftop.app.bench.BenchWindow.onFx;
import static ftop.app.bench.BenchWindow.percentile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import ftop.app.FtopApplication;
import ftop.app.portfolio.PortfolioRows;
import ftop.app.portfolio.PortfolioSnapshot;
import ftop.app.portfolio.PortfolioViewModel;
import ftop.app.portfolio.TenantRow;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.dataset.DatasetGenerator;

/**
 * Times the Portfolio with the generated S1500 set (1,500 customers, 6,000 tenants) in a real local
 * store: from launch (JavaFX start included) to a populated Portfolio table, and then the time one
 * search keystroke takes in the Tenants section over the 6,000 tenants: the filter alone, and the
 * filter plus the CSS and layout pass of the window that follows it. Target: under 16 ms (one frame).
 * Wall and FX-thread CPU times are both printed: on a shared, loaded machine the wall time mostly
 * measures waiting for a core.
 *
 * <p>200 keystrokes are timed after 20 unmeasured ones that warm up the JIT: for 20 tenants spread
 * over the set, the first 8 characters of the name typed one by one, then 2 backspaces.
 *
 * <p>The launch starts as a second start does: the workspace keeps the Portfolio's rows from the
 * last run (its snapshot), which show first; the time until the rows are read from the workspace
 * follows. {@code --no-snapshot} starts without them, as the first start of a workspace does.
 *
 * <p>Run from the repository root (the store is generated on the first run into the directory, or a
 * fresh temporary one when none is given):
 * <pre>
 * ./mvnw -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp app/target/test-classes:app/target/classes:$(cat /tmp/cp.txt) ftop.app.bench.PortfolioBenchmark /tmp/ftop-portfolio-bench
 * </pre>
 * Without a display it renders headless (Monocle, software pipeline); under {@code xvfb-run} it uses
 * the real window system.
 */
public final class PortfolioBenchmark {

    private static final int WARM_UP = 20;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private PortfolioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args).stream().filter(a -> a.startsWith("--")).toList();
        List<String> paths = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        Path dir = !paths.isEmpty() ? Path.of(paths.get(0)) : Files.createTempDirectory("ftop-portfolio-bench");
        boolean snapshot = !options.contains("--no-snapshot");
        LocalDate today = LocalDate.now();

        long prepare = System.nanoTime();
        try (StoreWorkspace store = StoreWorkspace.openGenerated("bench", Optional.of(dir), today,
                DatasetGenerator.Scale.S1500)) {
            // every run starts from the same screen: all customers, no remembered search
            store.putSetting(PortfolioViewModel.FILTER_SETTING, "");
            store.putSetting(PortfolioViewModel.SECTION_SETTING, PortfolioViewModel.Section.CUSTOMERS.name());
            if (snapshot) {
                // the Portfolio as the last run left it, as the app keeps it when it closes
                PortfolioSnapshot.write(store, PortfolioRows.build(PortfolioRows.Source.of(store), today),
                        store.userId());
            } else {
                // a snapshot of another format: ignored, as by a start without one
                store.writes().putViewSnapshot(PortfolioSnapshot.NAME, "{}");
            }
        }
        System.out.printf(Locale.US, "S1500 store ready in %s (%.1f s, generated and loaded unless it was there)%n",
                dir, seconds(System.nanoTime() - prepare));

        long launch = System.nanoTime();
        long launchCpu = processCpu();
        FtopApplication app = BenchWindow.start(dir);
        Stage stage = onFx(() -> (Stage) javafx.stage.Window.getWindows().get(0));
        // whether the rows kept from the last run showed before the rows were read
        AtomicBoolean keptRowsShown = new AtomicBoolean();
        BenchWindow.awaitOnFx(() -> populated(app, stage, keptRowsShown), Duration.ofMinutes(5),
                () -> "The Portfolio did not fill within 5 minutes" + (app.shell() == null
                        ? " (the workspace did not open)" : ": " + app.shell().portfolio().errorProperty().get()));
        long populated = System.nanoTime() - launch;
        long populatedCpu = processCpu() - launchCpu;
        PortfolioViewModel model = app.shell().portfolio();
        boolean fromSnapshot = keptRowsShown.get();
        System.out.printf(Locale.US, "Launch to a populated Portfolio: %.0f ms, %.0f ms CPU of the process "
                        + "(%,d customers, %,d tenants; %s)%n", populated / 1e6, populatedCpu / 1e6,
                onFx(() -> model.rows().size()), onFx(() -> model.tenants().size()),
                fromSnapshot ? "the rows kept from the last run showed first" : "rows read from the workspace");
        BenchWindow.awaitOnFx(() -> model.currentProperty().get(), Duration.ofMinutes(5),
                () -> "The Portfolio's rows were not read within 5 minutes");
        System.out.printf(Locale.US, "Launch to the Portfolio's rows read from the workspace: %.0f ms, %.0f ms CPU%n",
                (System.nanoTime() - launch) / 1e6, (processCpu() - launchCpu) / 1e6);

        onFx(() -> {
            model.sectionProperty().set(PortfolioViewModel.Section.TENANTS);
            return null;
        });
        List<String> texts = keystrokes(onFx(() -> List.copyOf(model.tenants())));
        TextField search = onFx(() -> (TextField) stage.getScene().lookup("#portfolioSearch"));
        Parent root = onFx(() -> stage.getScene().getRoot());

        double[] filterMs = new double[texts.size() - WARM_UP];
        double[] frameMs = new double[texts.size() - WARM_UP];
        double[] filterCpuMs = new double[texts.size() - WARM_UP];
        double[] frameCpuMs = new double[texts.size() - WARM_UP];
        int minShown = Integer.MAX_VALUE;
        int maxShown = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            long[] times = onFx(() -> {
                long c0 = CPU.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                search.setText(text);
                long t1 = System.nanoTime();
                long c1 = CPU.getCurrentThreadCpuTime();
                root.applyCss();
                root.layout();
                long t2 = System.nanoTime();
                long c2 = CPU.getCurrentThreadCpuTime();
                return new long[] {t1 - t0, t2 - t0, model.shownTenants().size(), c1 - c0, c2 - c0};
            });
            if (i >= WARM_UP) {
                filterMs[i - WARM_UP] = times[0] / 1e6;
                frameMs[i - WARM_UP] = times[1] / 1e6;
                filterCpuMs[i - WARM_UP] = times[3] / 1e6;
                frameCpuMs[i - WARM_UP] = times[4] / 1e6;
                minShown = (int) Math.min(minShown, times[2]);
                maxShown = (int) Math.max(maxShown, times[2]);
            }
        }
        System.out.printf(Locale.US, "Filter keystroke over %,d tenants, %d keystrokes (%,d to %,d shown):%n",
                onFx(() -> model.tenants().size()), filterMs.length, minShown, maxShown);
        print("filter only, wall", filterMs);
        print("filter only, FX thread CPU", filterCpuMs);
        print("filter + CSS/layout, wall", frameMs);
        print("filter + CSS/layout, FX thread CPU", frameCpuMs);
        System.out.printf(Locale.US, "Machine: %d cores, load average %.1f (wall times grow with the load; CPU times do not)%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        onFx(() -> {
            search.setText("");
            return null;
        });
        BenchWindow.stopAndExit(app);
    }

    /**
     * The model loaded and the table has drawn its rows in a pulse; notes in {@code keptRowsShown}
     * whether the rows showing are still the ones kept from the last run.
     */
    private static boolean populated(FtopApplication app, Stage stage, AtomicBoolean keptRowsShown) {
        if (app.shell() == null || !app.shell().portfolio().loadedProperty().get()) {
            return false;
        }
        if (!app.shell().portfolio().currentProperty().get()) {
            keptRowsShown.set(true);
        }
        return stage.getScene().lookup("#portfolioTable") instanceof TableView<?> t && !t.getItems().isEmpty()
                && stage.getScene().lookup("#portfolioTable .health-chip") != null;
    }

    private static void print(String what, double[] ms) {
        System.out.printf(Locale.US, "  %-34s median %7.2f ms  p95 %7.2f ms  max %7.2f ms%n", what,
                percentile(ms, 50), percentile(ms, 95), percentile(ms, 100));
    }

    /** For 20 tenants spread over the set: their first 8 characters typed, then 2 backspaces. */
    static List<String> keystrokes(List<TenantRow> tenants) {
        List<String> texts = new ArrayList<>();
        int step = Math.max(1, tenants.size() / 22);
        for (int t = step / 2; texts.size() < WARM_UP + 200 && t < tenants.size(); t += step) {
            String name = tenants.get(t).name();
            String typed = "";
            for (int c = 0; c < Math.min(8, name.length()); c++) {
                typed = name.substring(0, c + 1);
                texts.add(typed);
            }
            texts.add(typed.substring(0, typed.length() - 1));
            texts.add(typed.substring(0, typed.length() - 2));
        }
        return texts.subList(0, Math.min(texts.size(), WARM_UP + 200));
    }

    /** CPU time of the whole process so far (every thread: FX, background, JIT, GC), in ns. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
