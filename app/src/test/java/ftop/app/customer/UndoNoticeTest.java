package ftop.app.customer;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.Screenshots;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.VirtualScheduler;
import ftop.app.widgets.DialogService;
import ftop.app.widgets.Theme;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.health.Workload;
import ftop.core.store.LocalStore;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;

/**
 * The notice after an edit ("Customer Progress saved. Undo") on the real Customer tab at 1280×800,
 * with its time on a virtual scheduler: it goes after a few seconds (and stays while the pointer is
 * on it), it takes room below the cards instead of lying over the Forecast card's Save and Cancel,
 * and Undo only ever undoes the edit it names.
 */
class UndoNoticeTest extends FxRobot {

    @TempDir
    Path home;

    private final Clock clock = AppFixtures.clock();
    private final VirtualScheduler time = new VirtualScheduler(AppFixtures.clock().instant());
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
            model = new CustomerViewModel(workspace, tasks, clock, new CustomerEdits(workspace, tasks, clock), time);
            CustomerView view = new CustomerView(model, DialogService.always(true));
            Scene scene = new Scene(view, 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        interact(() -> model.select(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(text("#customerName")));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        workspace.close();
    }

    @Test
    void theNoticeGoesAfterAFewSecondsButNotWhileThePointerIsOnIt() {
        saveMindset();
        waitUntil("the notice", () -> barShown() && "Customer Perspective saved.".equals(text("#undoNotice")));

        advance(EditNotice.SHOWS.minusSeconds(1));
        assertThat(barShown()).as("still there a second before its time").isTrue();
        moveTo("#undoNotice");
        advance(EditNotice.SHOWS.multipliedBy(3));
        assertThat(barShown()).as("it stays while the pointer is on it").isTrue();

        moveTo("#customerName");
        advance(EditNotice.SHOWS);
        waitUntil("the notice to fade away", () -> !barShown());
        // gone from the screen, the edit can still be undone with Ctrl+Z
        assertThat(model.undoableProperty().get()).isNotNull();
    }

    @Test
    void aLaterSaveOfAnotherCardReplacesTheNoticeAndUndoTakesOnlyThatOne() {
        CustomerHealth afterMindset = saveMindset();
        Quarter next = Quarter.of(AppFixtures.TODAY).next();
        click("#forecastEdit");
        click("#forecastField-EXCHANGE-" + next).push(KeyCode.CONTROL, KeyCode.A).write("4321").push(KeyCode.ENTER);
        waitUntil("the forecast notice", () -> "Forecast cell saved.".equals(text("#undoNotice")) && barShown());

        click("#undoButton");
        waitUntil("the forecast undone", () -> forecast(Workload.EXCHANGE, next).map(Forecast::projectedActive)
                .filter(v -> v == 4321).isEmpty());
        assertThat(health()).as("the mindset edit the notice did not name stays").isEqualTo(afterMindset);
    }

    @Test
    void anAssignmentSavedAfterAnEditTakesItsUndoAway() {
        saveMindset();
        waitUntil("the notice", () -> barShown());

        // what the shell does once the assignment dialog saved
        interact(() -> model.savedElsewhere());
        waitUntil("the notice to go", () -> !barShown());
        assertThat(model.undoableProperty().get()).isNull();
        CustomerHealth now = health();
        interact(() -> model.undoLatest());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(health()).as("Ctrl+Z has nothing to undo").isEqualTo(now);
    }

    @Test
    void theNoticeTakesRoomBelowTheCardsAndNeverLiesOverTheForecastsButtons() {
        saveMindset();
        waitUntil("the notice", () -> barShown());
        click("#forecastEdit");
        Node save = lookup("#forecastSave").query();
        Node cancel = lookup("#forecastCancel").query();
        reveal(save);
        Bounds bar = sceneBounds(lookup("#undoBar").query());
        Bounds view = sceneBounds(lookup("#customerScroll").query());
        for (Node button : new Node[] {save, cancel}) {
            Bounds b = sceneBounds(button);
            assertThat(b.intersects(bar)).as(button.getId() + " is not under the notice").isFalse();
            assertThat(b.getMaxY()).as(button.getId() + " is above the notice").isLessThanOrEqualTo(bar.getMinY());
            assertThat(b.getMinY()).as(button.getId() + " is in the view").isGreaterThanOrEqualTo(view.getMinY());
        }
        // saving from the bottom of the view: the card stays in view as the notice comes
        click("#forecastField-INTUNE-" + Quarter.of(AppFixtures.TODAY)).push(KeyCode.CONTROL, KeyCode.A).write("99")
                .push(KeyCode.ENTER);
        waitUntil("the forecast notice", () -> "Forecast cell saved.".equals(text("#undoNotice")) && barShown());
        Bounds grid = sceneBounds(lookup("#forecastGrid").query());
        assertThat(grid.getMaxY()).as("the grid is above the notice").isLessThanOrEqualTo(
                sceneBounds(lookup("#undoBar").query()).getMinY());
        assertThat(grid.getMinY()).as("the grid is in the view").isGreaterThanOrEqualTo(view.getMinY());
        Scene scene = lookup("#customerView").query().getScene();
        Screenshots.save(scene, "1280-notice-after-forecast-light");
        interact(() -> Theme.apply(true));
        Screenshots.save(scene, "1280-notice-after-forecast-dark");
        interact(() -> Theme.apply(false));
    }

    /** Saves another Overall Mindset through the pencil; the health as saved. */
    private CustomerHealth saveMindset() {
        CustomerHealth before = health();
        String mindset = text("#overallMindset");
        click("#customerPerspectiveEdit");
        click("#overallMindsetField");
        clickOn(lookup(".combo-box-popup .list-cell")
                .match(LabeledMatchers.hasText(mindset.equals("Compete") ? "Averse" : "Compete")).queryAs(Node.class));
        click("#customerPerspectiveSave");
        waitUntil("the mindset saved", () -> !health().equals(before));
        return health();
    }

    private void advance(Duration step) {
        interact(() -> time.advance(step));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean barShown() {
        Node bar = lookup("#undoBar").query();
        return bar.isVisible() && bar.getOpacity() > 0.99;
    }

    private org.testfx.api.FxRobotInterface click(String id) {
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
            // the node at the bottom of the view, where the notice comes
            double top = b.getMaxY() + 8 - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, top / room)));
            scroll.layout();
        });
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private CustomerHealth health() {
        return store.health().get(Long.toString(contoso.tpid())).orElseThrow();
    }

    private Optional<Forecast> forecast(Workload w, Quarter q) {
        return store.forecasts().byTpid(contoso.tpid()).stream().filter(f -> f.workload() == w && f.quarter().equals(q))
                .findFirst();
    }

    private String text(String query) {
        return lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(null);
    }
}
