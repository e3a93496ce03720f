package ftop.app.customer;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.api.FxToolkit;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.VirtualScheduler;
import ftop.app.widgets.DateText;
import ftop.app.widgets.DialogService;
import ftop.app.widgets.Theme;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;
import ftop.core.store.LocalStore;
import ftop.core.usage.Quarter;

/**
 * The words of the Customer tab's forms: a date in a message reads as in the field it is about, and
 * a field's problem goes as soon as its input is fixed, before any Save.
 */
class FormWordsTest extends FxRobot {

    @TempDir
    Path home;

    private final Clock clock = AppFixtures.clock();
    private StoreWorkspace workspace;
    private LocalStore store;
    private BackgroundTasks tasks;
    private CustomerViewModel model;
    private Customer contoso;

    @BeforeEach
    void start() throws Exception {
        workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY, clock);
        store = workspace.store();
        contoso = store.customers().all().stream().filter(c -> c.name().equals("Contoso")).findFirst().orElseThrow();
        tasks = BackgroundTasks.create();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.apply(false);
            model = new CustomerViewModel(workspace, tasks, clock, new CustomerEdits(workspace, tasks, clock),
                    new VirtualScheduler(clock.instant()));
            Scene scene = new Scene(new CustomerView(model, DialogService.always(true)), 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        interact(() -> model.select(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(label("#customerName")));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        workspace.close();
    }

    @Test
    void aDateProblemGoesOnceTheDateIsFixedAndDatesInMessagesReadAsInTheFields() {
        click("#customerProgressEdit");
        typeDate("#expectedProgressDueField", "sometime soon");
        click("#customerProgressSave");
        waitUntil("the date problem", () -> !label("#expectedProgressDueError").isEmpty());

        typeDate("#expectedProgressDueField", DateText.of(AppFixtures.TODAY.plusMonths(3)));
        assertThat(label("#expectedProgressDueError")).as("gone before any Save").isEmpty();
        assertThat(lookup("#expectedProgressDueField").query().getPseudoClassStates())
                .extracting(Object::toString).doesNotContain("invalid");

        // a rule of the core names dates: they read as the fields write them, not as 2021-04-01
        LocalDate previous = store.health().get(Long.toString(contoso.tpid())).orElseThrow().progress()
                .previousReviewDate().orElseThrow();
        LocalDate before = previous.minusDays(10);
        typeDate("#nextReviewDateField", DateText.of(before));
        click("#customerProgressSave");
        waitUntil("the order problem", () -> !label("#nextReviewDateError").isEmpty());
        assertThat(label("#nextReviewDateError")).contains(DateText.of(before), DateText.of(previous))
                .doesNotContain(before.toString(), previous.toString());
    }

    @Test
    void aContactFieldProblemGoesOnceTheFieldIsChanged() {
        click("#addContactButton");
        click("#contactNameField").write("Ana Souza");
        click("#contactEmailField").write("not an address");
        click("#contactSave");
        waitUntil("the e-mail problem", () -> !label("#contactEmailError").isEmpty());

        click("#contactEmailField").push(KeyCode.CONTROL, KeyCode.A).write("ana@contoso.com");
        assertThat(label("#contactEmailError")).isEmpty();
        assertThat(label("#contactMessage")).isEmpty();
    }

    @Test
    void aForecastCellLosesItsMarkOnceItHoldsANumber() {
        String cell = "#forecastField-EXCHANGE-" + Quarter.of(AppFixtures.TODAY).next();
        click("#forecastEdit");
        click(cell).push(KeyCode.CONTROL, KeyCode.A).write("lots");
        click("#forecastSave");
        waitUntil("the cell problem", () -> !label("#forecastMessage").isEmpty());
        assertThat(lookup(cell).query().getPseudoClassStates()).extracting(Object::toString).contains("invalid");

        click(cell).push(KeyCode.CONTROL, KeyCode.A).write("1,200");
        assertThat(lookup(cell).query().getPseudoClassStates()).extracting(Object::toString)
                .doesNotContain("invalid");
        assertThat(label("#forecastMessage")).isEmpty();
    }

    private void typeDate(String pickerId, String text) {
        DatePicker picker = lookup(pickerId).queryAs(DatePicker.class);
        reveal(picker);
        clickOn(picker.getEditor()).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write(text);
    }

    private FxRobotInterface click(String id) {
        Node node = lookup(id).query();
        reveal(node);
        return clickOn(node);
    }

    private void reveal(Node node) {
        interact(() -> {
            ScrollPane scroll = lookup("#customerScroll").queryAs(ScrollPane.class);
            Node content = scroll.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
            scroll.layout();
        });
    }

}
