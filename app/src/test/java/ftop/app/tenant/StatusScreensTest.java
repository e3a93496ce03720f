package ftop.app.tenant;

import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.FtopApplication;
import ftop.app.testkit.DesktopApp;
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

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    @Test
    void editorAndCustomerCard() throws Exception {
        FtopApplication app = desktop.start(home);
        Customer contoso = desktop.customer("Contoso");
        interact(() -> app.shell().openCustomer(contoso.tpid()));
        waitUntil("Add new status", () -> lookup("#addStatusButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        reveal("#addStatusButton");
        clickOn("#addStatusButton");
        waitUntil("the focus in Executive Summary", () -> lookup("#newSummary").tryQuery().map(Node::isFocused).orElse(false));
        write("Exchange Online done for 80% of users; OneDrive migration starts next sprint.");
        clickOn("#newRisks").write("Network readiness in the two Asian sites.");
        save("tenant-editor-light");
        clickOn("#statusSave");
        waitUntil("Undo of the saved note", () -> lookup("#statusUndo").tryQuery().map(Node::isVisible).orElse(false));
        interact(() -> lookup("#newAwareness").queryAs(javafx.scene.control.TextArea.class)
                .setText("Pasted from the meeting notes. ".repeat(130)));
        clickOn("#statusSave");
        waitUntil("the message on Awareness", () -> lookup("#newAwarenessError").tryQuery().map(Node::isVisible).orElse(false));
        save("tenant-saved-and-invalid-light");
        clickOn("#statusCancel");

        clickOn("#customerTab");
        waitUntil("the undo bar", () -> lookup("#undoBar").tryQuery().map(Node::isVisible).orElse(false));
        reveal("#statusSection");
        save("customer-status-light");

        clickOn("#themeToggle");
        waitUntil("the dark theme", () -> app.shell().darkProperty().get());
        save("customer-status-dark");
        clickOn("#tenantTab");
        clickOn("#newSummary").write("Dark theme check.");
        save("tenant-editor-dark");
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
}
