package ftop.app.review;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javafx.print.Printer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.widgets.TableColumns;
import ftop.app.widgets.Theme;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.health.HealthColour;
import ftop.core.review.ReviewItem;

/**
 * Drives the Review tab's queue at 1280×800 on a real local store holding the demo workspace: it
 * reads by due date (health breaking ties), sorts by any column the person clicks, shows each
 * "Why" in full, and says why Print is disabled when there is no printer.
 */
class ReviewQueuePaneTest extends FxRobot {

    /** By due date, no date first; among customers due the same day, the worst health first. */
    private static final Comparator<ReviewItem> DUE_THEN_HEALTH = Comparator
            .comparing((ReviewItem i) -> i.review().dueOn().orElse(LocalDate.MIN))
            .thenComparing(i -> i.overall().map(c -> c == HealthColour.RED ? 0 : c.ordinal() + 1).orElse(1));

    @TempDir
    Path dir;

    private StoreWorkspace workspace;
    private BackgroundTasks tasks;
    private ReviewViewModel model;

    @BeforeEach
    void start() throws Exception {
        workspace = StoreWorkspace.open("demo", Optional.of(dir.resolve("store")), AppFixtures.TODAY, AppFixtures.clock());
        tasks = BackgroundTasks.create();
        model = new ReviewViewModel(ReviewSources.of(workspace), workspace.rules(), tasks, AppFixtures.clock());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            ReviewView view = new ReviewView(model, (owner, format, name) -> Optional.empty(), tpid -> { });
            Scene scene = new Scene(view, 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            view.shown();
        });
        waitUntil("the queue to fill", () -> table().getItems().size() >= 3);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        workspace.close();
    }

    @Test
    void theQueueReadsByDueDateWithHealthBreakingTies() {
        List<ReviewItem> shown = List.copyOf(table().getItems());
        assertThat(shown).isSortedAccordingTo(DUE_THEN_HEALTH);
        // what the person reads: nothing due sooner comes after something due later
        List<String> due = shown.stream().map(i -> ReviewQueuePane.due(i.review())).toList();
        int today = due.indexOf("Due today");
        if (today >= 0) {
            assertThat(due.subList(0, today)).noneMatch(text -> text.startsWith("Due in "));
        }
    }

    @Test
    void everyColumnSortsWhenItsHeaderIsClicked() {
        clickOn(header("queueCustomerColumn"));
        assertThat(items()).extracting(i -> i.customer().name()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        clickOn(header("queueCustomerColumn"));
        assertThat(items()).extracting(i -> i.customer().name())
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());

        clickOn(header("queueHealthColumn"));
        assertThat(items()).extracting(ReviewItem::overall).isSortedAccordingTo(TableColumns.WORST_HEALTH_FIRST);

        clickOn(header("queueReasonColumn"));
        assertThat(items()).extracting(ReviewItem::reason).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        clickOn(header("queueReviewColumn"));
        assertThat(items()).extracting(ReviewItem::review).isSortedAccordingTo(TableColumns.EARLIEST_DUE_FIRST);
        // the queue the meeting pack follows keeps its own order
        assertThat(model.queue()).isSortedAccordingTo(DUE_THEN_HEALTH);
    }

    @Test
    void eachWhyTakesAtMostTwoLinesAndReadsInFullOnHoverAndAboveTheBrief() {
        List<Label> reasons = lookup(".queue-reason").match(NodeQueryUtils.isVisible()).queryAllAs(Label.class)
                .stream().filter(l -> l.getText() != null && !l.getText().isEmpty()).toList();
        assertThat(reasons).isNotEmpty();
        assertThat(reasons).anyMatch(l -> l.getText().length() > 80);
        boolean someCut = false;
        for (Label reason : reasons) {
            Text drawn = from(reason).lookup(".text").queryAs(Text.class);
            String shown = drawn.getText().replaceAll("\\s+", " ");
            // the whole reason, or its start on two lines ending in the ellipsis
            if (!shown.equals(reason.getText())) {
                assertThat(shown).as(reason.getText()).endsWith(reason.getEllipsisString());
                assertThat(reason.getText()).startsWith(shown.substring(0, shown.length() - 3).strip());
                someCut = true;
            }
            Text line = new Text("Ag");
            line.setFont(reason.getFont());
            assertThat(reason.getHeight()).as(reason.getText()).isLessThan(3 * line.getLayoutBounds().getHeight());
            TableCell<?, ?> cell = (TableCell<?, ?>) reason.getParent();
            assertThat(cell.getTooltip().getText()).isEqualTo(reason.getText());
        }
        assertThat(someCut).as("a long reason at 1280x800 is cut to two lines").isTrue();
        // every row is as tall as the next: no reason makes its row grow
        List<Long> rowHeights = from(table()).lookup(".table-row-cell").match(NodeQueryUtils.isVisible()).queryAll().stream()
                .map(row -> Math.round(((javafx.scene.layout.Region) row).getHeight())).filter(h -> h > 0).distinct()
                .toList();
        assertThat(rowHeights).hasSize(1);

        ReviewItem longest = table().getItems().stream().max(java.util.Comparator.comparingInt(i -> i.reason().length()))
                .orElseThrow();
        interact(() -> table().scrollTo(longest));
        clickOn(longest.customer().name());
        waitUntil("the brief", () -> lookup("#briefWhy").tryQuery().isPresent());
        assertThat(lookup("#briefWhy").queryAs(Label.class).getText()).isEqualTo("Why now: " + longest.reason());
    }

    @Test
    void printIsDisabledWithTheReasonWhenThereIsNoPrinter() {
        assumeTrue(Printer.getDefaultPrinter() == null, "this machine has a printer");
        clickOn(items().get(0).customer().name());
        waitUntil("the brief", () -> model.briefProperty().get() != null);
        Node print = lookup("#printButton").query();
        assertThat(print.isDisabled()).isTrue();

        moveTo("#printHolder");
        waitUntil("the tooltip saying why", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Tooltip tip && tip.isShowing() && tip.getText().startsWith("No printer is available")));
    }

    private Node header(String columnId) {
        return lookup("#reviewQueue .column-header").match((Node n) -> columnId.equals(n.getId()))
                .match(NodeQueryUtils.isVisible()).query();
    }

    private List<ReviewItem> items() {
        WaitForAsyncUtils.waitForFxEvents();
        return List.copyOf(table().getItems());
    }

    @SuppressWarnings("unchecked")
    private TableView<ReviewItem> table() {
        return lookup("#reviewQueue").queryAs(TableView.class);
    }
}
