package ftop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;

import ftop.app.portfolio.PortfolioRow;
import ftop.app.shell.ShellModel;
import ftop.app.tasks.BackgroundTasks;

/**
 * What a start does by itself once the Portfolio shows, as the command line asks: open a customer
 * ({@code --customer}), save the window as a picture and exit ({@code --screenshot}), or say how
 * long the start took and exit ({@code --exit-when-ready}).
 */
final class UnattendedRun {

    private final ShellModel shell;
    private final Scene scene;
    private final BackgroundTasks tasks;
    /** Told when the run failed, so that the process exits with an error. */
    private final Runnable failed;

    UnattendedRun(ShellModel shell, Scene scene, BackgroundTasks tasks, Runnable failed) {
        this.shell = shell;
        this.scene = scene;
        this.tasks = tasks;
        this.failed = failed;
    }

    /** Opens the customer given by {@code --customer}: a TPID, or a name (case does not matter). */
    void openCustomer(String wanted) {
        String key = wanted.strip().toLowerCase(Locale.ROOT);
        Optional<PortfolioRow> match = shell.portfolio().rows().stream()
                .filter(r -> Long.toString(r.tpid()).equals(key) || r.name().toLowerCase(Locale.ROOT).equals(key))
                .findFirst()
                .or(() -> shell.portfolio().rows().stream()
                        .filter(r -> r.name().toLowerCase(Locale.ROOT).contains(key)).findFirst());
        match.ifPresentOrElse(r -> shell.openCustomer(r.tpid()),
                () -> System.err.println("No customer matches \"" + wanted + "\"; showing the Portfolio."));
    }

    /** {@code --exit-when-ready}: the time from the process start to the populated Portfolio, then exit. */
    void reportStartAndExit() {
        StartupSequence.settle(2, () -> {
            Instant now = Instant.now();
            String since = ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, now).toMillis() + " ms after the process started")
                    .orElse("(the process start time is unknown here)");
            System.out.println("Portfolio ready: " + shell.portfolio().rows().size() + " customers, " + since);
            Platform.exit();
        });
    }

    /** Waits for the customer (if one is opening) and a few pulses of layout, then saves the window. */
    void screenshotWhenSettled(Path file) {
        Runnable shoot = () -> StartupSequence.settle(3, () -> {
            WritableImage image = scene.snapshot(null);
            tasks.run(() -> {
                        Path parent = file.toAbsolutePath().getParent();
                        if (parent != null) {
                            Files.createDirectories(parent);
                        }
                        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
                            throw new IOException("No PNG writer available");
                        }
                        return file;
                    },
                    saved -> {
                        System.out.println("Screenshot saved to " + saved.toAbsolutePath());
                        Platform.exit();
                    },
                    failure -> {
                        // file system errors carry only the path as their message; the type says what went wrong
                        System.err.println("The screenshot could not be saved to " + file + ": "
                                + failure.getClass().getSimpleName() + " " + failure.getMessage());
                        failed.run();
                        Platform.exit();
                    });
        });
        // the customer first, then its usage trend (read, then fetched from the server)
        StartupSequence.whenFalse(shell.customer().loadingProperty(),
                () -> StartupSequence.settle(1, () -> StartupSequence.whenFalse(shell.customer().trend().loadingProperty(),
                        shoot)));
    }
}
