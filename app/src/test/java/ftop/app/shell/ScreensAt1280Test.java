package ftop.app.shell;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.ElidedText;
import ftop.app.FtopApplication;
import ftop.app.Screenshots;
import ftop.app.testkit.DesktopApp;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;
import ftop.core.store.LocalStore;

/**
 * The main windows and dialogs on a 1280×800 screen: no button, label or field caption cuts a word
 * off. A table cell may cut a long text when its tooltip gives it in full.
 */
class ScreensAt1280Test extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;
    private LocalStore store;
    private Customer contoso;

    @BeforeEach
    void start() throws Exception {
        app = desktop.start(home);
        store = desktop.store();
        contoso = desktop.customer("Contoso");
        Stage main = (Stage) lookup("#mainWindow").query().getScene().getWindow();
        interact(() -> {
            main.setX(0);
            main.setY(0);
            main.setWidth(1280);
            main.setHeight(800);
        });
    }

    @Test
    void nothingANeededControlSaysIsCutOff() {
        List<String> cut = new ArrayList<>();

        cut.addAll(check("Portfolio", main()));

        interact(() -> app.shell().openCustomer(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(text("#customerName")));
        cut.addAll(check("Customer", main()));

        clickOn("#reviewTab");
        waitUntil("the review queue", () -> lookup("#reviewQueue").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        cut.addAll(check("Review", main()));

        interact(() -> app.shell().portfolio().onOpenAssignmentsProperty().get().accept(List.of(contoso.tpid())));
        waitUntil("the assignment dialog", () -> stageTitled("Assignments - ").isPresent());
        cut.addAll(check("Assignment dialog", stageTitled("Assignments - ").orElseThrow().getScene().getRoot()));
        interact(() -> stageTitled("Assignments - ").orElseThrow().hide());

        interact(() -> app.shell().portfolio().onOpenAssignmentsProperty().get()
                .accept(store.customers().all().stream().map(Customer::tpid).toList()));
        waitUntil("the batch dialog", () -> stageTitled("Batch").isPresent());
        clickOn("#operationBox").clickOn("Replace");
        clickOn("#batchUserField").write(DemoUsers.DEMO_USER);
        clickOn("#batchToUserField").write(DemoUsers.PATTI_FERNANDEZ);
        clickOn("#previewButton");
        waitUntil("the preview", () -> !lookup("#previewTable").queryTableView().getItems().isEmpty());
        cut.addAll(check("Batch preview", stageTitled("Batch").orElseThrow().getScene().getRoot()));

        assertThat(cut).as("text cut off at 1280×800").isEmpty();
    }

    /** What is cut off in {@code root}, in the light theme and the dark one (also pictured with -Dftop.screens). */
    private List<String> check(String screen, Parent root) {
        List<String> cut = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            interact(() -> app.shell().setDark(dark));
            WaitForAsyncUtils.waitForFxEvents();
            ElidedText.under(root).forEach(c -> cut.add(screen + (dark ? " (dark)" : "") + ": " + c));
            Screenshots.save(root.getScene(), "1280-" + screen.toLowerCase(Locale.ROOT).replace(' ', '-')
                    + (dark ? "-dark" : "-light"));
        }
        interact(() -> app.shell().setDark(false));
        return cut;
    }

    private Parent main() {
        return lookup("#mainWindow").query().getScene().getRoot();
    }

    private Optional<Window> stageTitled(String titleStart) {
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null
                        && s.getTitle().startsWith(titleStart))
                .findFirst();
    }

    private String text(String query) {
        return lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(null);
    }
}
