package ftop.app.assignment;

import static ftop.app.testkit.Ui.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;

/**
 * Renders the assignment views to PNG files for a person to look at:
 * {@code ./mvnw -o -q -pl app -am test -Dtest=AssignmentScreensTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dftop.screens=/tmp/uiassign}. Skipped unless {@code ftop.screens} names a folder.
 */
@EnabledIfSystemProperty(named = "ftop.screens", matches = ".+")
class AssignmentScreensTest extends AssignmentFx {

    @TempDir
    Path home;

    private void save(String name) throws Exception {
        Node root = lookup(".root").query();
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

    @Test
    void dialogAndBatch() throws Exception {
        open(home, DemoUsers.LEE_GU);
        Customer contoso = customer("Contoso");
        AssignmentEditor editor = AssignmentDialog.load(workspace, contoso.tpid(), AppFixtures.TODAY);
        show(() -> new AssignmentDialog(editor, AssignmentDialog.saver(workspace, tasks), () -> { }));
        clickOn("#userField").write("Diego Siciliani");
        clickOn("#addButton");
        clickOn("#primary-FM_diego_siciliani");
        save("assignment-dialog");

        List<Long> tpids = store.customers().all().stream().map(Customer::tpid).toList();
        show(() -> new BatchAssignmentDialog(workspace, tasks, tpids, () -> AppFixtures.TODAY, () -> { }));
        clickOn("#operationBox").clickOn("Replace");
        clickOn("#batchUserField").write(DemoUsers.DEMO_USER);
        clickOn("#batchToUserField").write(DemoUsers.PATTI_FERNANDEZ);
        clickOn("#previewButton");
        waitUntil("the preview", () -> !lookup("#previewTable").queryTableView().getItems().isEmpty());
        save("batch-preview");

        List<java.util.UUID> tenants = store.tenants().all().stream().limit(6).map(t -> t.tenantId()).toList();
        show(() -> BatchAssignmentDialog.forTenants(workspace, tasks, tenants, () -> AppFixtures.TODAY, () -> { }));
        clickOn("#batchAreaBox").clickOn("Onboarding");
        clickOn("#batchUserField").write(DemoUsers.DIEGO_SICILIANI);
        clickOn("#previewButton");
        waitUntil("the preview", () -> !lookup("#previewTable").queryTableView().getItems().isEmpty());
        save("tenant-batch-preview");
    }
}
