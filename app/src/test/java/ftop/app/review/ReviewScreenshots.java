package ftop.app.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import ftop.app.shell.MainWindow;
import ftop.app.shell.ShellModel;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.widgets.Theme;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.review.MeetingPack;
import ftop.core.review.ReviewItem;

/**
 * Saves pictures of the Review tab and of review mode on the demo workspace, to look at them:
 * <pre>
 * ./mvnw -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * xvfb-run -a -s '-screen 0 1600x1000x24' java -cp app/target/classes:app/target/test-classes:$(cat /tmp/cp.txt) \
 *     ftop.app.review.ReviewScreenshots /tmp/uireview [dark|light] [1280x800]
 * </pre>
 * writes {@code review-tab.png} and {@code review-mode.png} into the folder given; a second argument
 * {@code dark} takes them in the dark theme, named {@code -dark}; a third the window's size (1600x1000
 * unless given), named after it when given.
 */
public final class ReviewScreenshots {

    private ReviewScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/uireview");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("ftop-review-shots");
        StoreWorkspace workspace = StoreWorkspace.open("demo", Optional.of(home), LocalDate.now());
        BackgroundTasks tasks = BackgroundTasks.create();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        String size = args.length > 2 ? args[2] : "";
        shoot(workspace, tasks, out, args.length > 1 && "dark".equals(args[1]), size);
        tasks.close();
        workspace.close();
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(StoreWorkspace workspace, BackgroundTasks tasks, Path out, boolean dark, String size)
            throws Exception {
        String suffix = (dark ? "-dark" : "") + (size.isEmpty() ? "" : "-" + size);
        double width = size.isEmpty() ? 1600 : Double.parseDouble(size.substring(0, size.indexOf('x')));
        double height = size.isEmpty() ? 1000 : Double.parseDouble(size.substring(size.indexOf('x') + 1));
        ShellModel[] shell = new ShellModel[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            Theme.apply(dark);
            shell[0] = new ShellModel(workspace, tasks, Clock.systemDefaultZone());
            MainWindow window = new MainWindow(shell[0]);
            Scene scene = new Scene(window, width, height);
            Theme.style(scene);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            shell[0].refresh();
            for (Tab tab : window.tabs().getTabs()) {
                if ("reviewTab".equals(tab.getId())) {
                    window.tabs().getSelectionModel().select(tab);
                }
            }
        });
        ReviewViewModel model = shell[0].review();
        waitFor(() -> model.loadedProperty().get());
        onFx(() -> {
            List<Long> first = model.queue().stream().limit(6).map(ReviewItem::tpid).toList();
            model.nominateAll(first);
            model.titleProperty().set("Americas Customer Health Review");
            @SuppressWarnings("unchecked")
            TableView<ReviewItem> table = (TableView<ReviewItem>) stage[0].getScene().lookup("#reviewQueue");
            table.getSelectionModel().select(0);
        });
        waitFor(() -> model.briefProperty().get() != null);
        Thread.sleep(800);
        snapshot(stage[0].getScene(), out.resolve("review-tab" + suffix + ".png"));

        MeetingPack pack = model.pack().get();
        Stage[] mode = new Stage[1];
        onFx(() -> {
            ReviewModeView view = new ReviewModeView(pack.title(), pack.briefs());
            Scene scene = new Scene(view, width, height);
            Theme.style(scene);
            mode[0] = new Stage();
            mode[0].setScene(scene);
            mode[0].show();
        });
        Thread.sleep(800);
        snapshot(mode[0].getScene(), out.resolve("review-mode" + suffix + ".png"));
        onFx(() -> {
            mode[0].close();
            stage[0].close();
        });
    }

    private static void snapshot(Scene scene, Path file) throws Exception {
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        onFx(() -> image[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
        System.out.println("Saved " + file);
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("Timed out");
            }
            Thread.sleep(100);
        }
        Thread.sleep(300);
    }
}
