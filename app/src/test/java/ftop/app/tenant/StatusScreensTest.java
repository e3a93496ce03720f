package ftop.app.tenant;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;

/**
 * Renders the winner tenant's new-status editor and the Customer tab's Enterprise Status with its
 * Undo notice, light and dark, to PNG files for a person to look at:
 * {@code ./mvnw -o -q -pl app -am test -Dtest=StatusScreensTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dftop.screens=/tmp/uistatus}. Skipped unless {@code ftop.screens} names a folder.
 */
@EnabledIfSystemProperty(named = "ftop.screens", matches = ".+")
class StatusScreensTest extends FxRobot {

    @TempDir
    Path home;

    private FtopApplication app;

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void editorAndCustomerCard() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (FtopApplication) FxToolkit.setupApplication(() -> new FtopApplication(AppOptions.inDirectory(home),
                (profile, dir, today) -> StoreWorkspace.open(profile, dir, today, AppFixtures.clock()),
                AppFixtures.clock()));
        waitUntil(() -> app.shell() != null && app.shell().portfolio().loadedProperty().get());
        var store = ((StoreWorkspace) app.shell().workspace()).store();
        Customer contoso = store.customers().all().stream().filter(c -> c.name().equals("Contoso")).findFirst()
                .orElseThrow();
        interact(() -> app.shell().openCustomer(contoso.tpid()));
        waitUntil(() -> lookup("#addStatusButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        reveal("#addStatusButton");
        clickOn("#addStatusButton");
        waitUntil(() -> lookup("#newSummary").tryQuery().map(Node::isFocused).orElse(false));
        write("Exchange Online done for 80% of users; OneDrive migration starts next sprint.");
        clickOn("#newRisks").write("Network readiness in the two Asian sites.");
        save("tenant-editor-light");
        clickOn("#statusSave");
        waitUntil(() -> lookup("#statusUndo").tryQuery().map(Node::isVisible).orElse(false));
        interact(() -> lookup("#newAwareness").queryAs(javafx.scene.control.TextArea.class)
                .setText("Pasted from the meeting notes. ".repeat(130)));
        clickOn("#statusSave");
        waitUntil(() -> lookup("#newAwarenessError").tryQuery().map(Node::isVisible).orElse(false));
        save("tenant-saved-and-invalid-light");
        clickOn("#statusCancel");

        clickOn("#customerTab");
        waitUntil(() -> lookup("#undoBar").tryQuery().map(Node::isVisible).orElse(false));
        reveal("#statusSection");
        save("customer-status-light");

        clickOn("#themeToggle");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        save("customer-status-dark");
        clickOn("#tenantTab");
        clickOn("#newSummary").write("Dark theme check.");
        save("tenant-editor-dark");
    }

    private void reveal(String id) {
        Node node = lookup(id).query();
        interact(() -> {
            ScrollPane scroll = lookup("#customerScroll").queryAs(ScrollPane.class);
            Node content = scroll.getContent();
            javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
            scroll.layout();
        });
    }

    private void save(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node root = lookup("#mainWindow").query();
        WritableImage[] image = new WritableImage[1];
        interact(() -> image[0] = root.getScene().snapshot(null));
        PixelReader pixels = image[0].getPixelReader();
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path dir = Path.of(System.getProperty("ftop.screens"));
        Files.createDirectories(dir);
        ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
    }

    private static void waitUntil(Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::get);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out", e);
        }
    }
}
