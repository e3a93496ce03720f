package ftop.app.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.stage.Stage;

import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.workspace.StoreWorkspace;

/**
 * What the app's benchmarks share: the real app started on a prepared workspace folder (headless,
 * Monocle, when there is no display), work run on the FX thread and waited for, and percentiles.
 */
final class BenchWindow {

    private BenchWindow() {
    }

    /** Starts the app on the workspace in {@code dir}, on the FX thread; returns once its window shows. */
    static FtopApplication start(Path dir) throws Exception {
        if (System.getenv("DISPLAY") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        CompletableFuture<FtopApplication> started = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                FtopApplication app = new FtopApplication(AppOptions.inDirectory(dir),
                        (profile, home, day) -> StoreWorkspace.open("bench", home, day), Clock.systemDefaultZone());
                app.init();
                app.start(new Stage());
                started.complete(app);
            } catch (Exception e) {
                started.completeExceptionally(e);
            }
        });
        return started.get(60, TimeUnit.SECONDS);
    }

    /**
     * Waits until {@code condition}, read on the FX thread, holds; ends the run with {@code failure}'s
     * message when it does not within {@code limit}.
     */
    static void awaitOnFx(Callable<Boolean> condition, Duration limit, Callable<String> failure) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                System.err.println(onFx(failure));
                System.exit(1);
            }
            Thread.sleep(2);
        }
    }

    /** Stops the app as quitting does (its workspace is closed when this returns) and ends the run. */
    static void stopAndExit(FtopApplication app) throws Exception {
        onFx(() -> {
            app.stop();
            return null;
        });
        System.exit(0);
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** The {@code p}th percentile of {@code values} (nearest rank). */
    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
