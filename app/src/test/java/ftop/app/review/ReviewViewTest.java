package ftop.app.review;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.widgets.Theme;
import ftop.app.workspace.StoreWorkspace;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import ftop.core.change.FieldChange;
import ftop.core.health.CustomerHealth;
import ftop.core.review.CustomerBrief;
import ftop.core.review.ReviewItem;

/**
 * Drives the Review tab on a real local store in a temporary folder holding the demo workspace:
 * queue, brief, nominations, export to a PDF read back with PDFBox, and review mode.
 */
class ReviewViewTest extends FxRobot {

    @TempDir
    Path dir;

    private StoreWorkspace workspace;
    private BackgroundTasks tasks;
    private ReviewViewModel model;
    private ReviewView view;
    private Path exported;
    private long opened = -1;

    @BeforeEach
    void start() throws Exception {
        workspace = StoreWorkspace.open("demo", Optional.of(dir.resolve("store")), AppFixtures.TODAY, AppFixtures.clock());
        tasks = BackgroundTasks.create();
        model = new ReviewViewModel(ReviewSources.of(workspace), workspace.rules(), tasks, AppFixtures.clock());
        exported = dir.resolve("exports/pack.pdf");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            view = new ReviewView(model, (owner, format, name) -> Optional.of(exported.resolveSibling("pack." + format.extension())),
                    tpid -> opened = tpid);
            Scene scene = new Scene(view, 1200, 760);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            view.shown();
        });
        waitUntil("the queue to fill", () -> !table().getItems().isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        workspace.close();
    }

    @Test
    void clickingACustomerInTheQueueOpensItsBriefAndExportedPdfHoldsItsSentence() throws Exception {
        ReviewItem first = table().getItems().get(0);
        assertThat(label("#queueCount")).endsWith("due");
        assertThat(lookup(".queue-reason").queryAllAs(Label.class)).extracting(Label::getText)
                .allSatisfy(reason -> assertThat(reason).isNotBlank());

        clickOn(first.customer().name());
        waitUntil("the brief of " + first.customer().name(), () -> lookup("#briefCustomerName").tryQuery()
                .map(node -> ((Label) node).getText()).filter(first.customer().name()::equals).isPresent());
        String opening = area("#briefOpening").getText();
        assertThat(opening).startsWith("Customer " + first.customer().name() + "'s overall health is");

        interact(() -> area("#briefAsks").requestFocus());
        clickOn("#briefAsks");
        type(KeyCode.END);
        write(" Executive sponsor for the Teams rollout.");
        clickOn("#nominate-" + first.tpid());
        assertThat(label("#nominatedCount")).isEqualTo("1 customer nominated");

        clickOn("#exportMenu");
        clickOn("PDF document (.pdf)");
        Path pdf = exported.resolveSibling("pack.pdf");
        waitUntil("the export to finish", () -> label("#reviewMessage").startsWith("Exported 1 customer"));

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(opening.replaceAll("\\s+", " "));
            assertThat(text).contains("Executive sponsor for the Teams rollout.");
        }
    }

    @Test
    void theBriefReviewModeAndThePdfSayWhatChangedSinceThePreviousReview() throws Exception {
        ReviewItem first = table().getItems().get(0);
        long tpid = first.tpid();
        CustomerHealth health = workspace.store().health().get(Long.toString(tpid)).orElseThrow();
        LocalDate review = health.progress().previousReviewDate().orElseThrow();
        Instant after = review.atTime(15, 0).atZone(AppFixtures.clock().getZone()).toInstant();
        JsonNodeFactory json = JsonNodeFactory.instance;
        workspace.store().addHistory(tpid, List.of(
                new FieldChange(7, review.minusDays(40).atStartOfDay(AppFixtures.clock().getZone()).toInstant(),
                        "megan.bowen", "health", Long.toString(tpid), "perspective.mindset", null, json.textNode("AVERSE")),
                new FieldChange(9, after, "megan.bowen", "health", Long.toString(tpid), "perspective.mindset",
                        json.textNode("AVERSE"), json.textNode("COMPETE"))), 9, AppFixtures.clock().instant());
        String since = "Since the previous review (" + review.format(DateTimeFormatter.ofPattern("d MMMM yyyy",
                Locale.ENGLISH)) + ")";
        String change = "Overall Mindset went from Averse to Compete (Megan Bowen, ";

        clickOn(first.customer().name());
        waitUntil("the brief of " + first.customer().name(), () -> lookup("#briefCustomerName").tryQuery()
                .map(node -> ((Label) node).getText()).filter(first.customer().name()::equals).isPresent());
        assertThat(label("#briefHeadingSinceReview")).isEqualTo(since);
        assertThat(area("#briefSinceReview").getText()).startsWith("- " + change);

        clickOn("#nominate-" + tpid);
        clickOn("#reviewModeButton");
        waitUntil("review mode", () -> lookup("#reviewSinceReview").tryQuery().isPresent());
        assertThat(lookup("#reviewSinceReview .review-mode-heading").queryAs(Label.class).getText()).isEqualTo(since);
        assertThat(lookup("#reviewSinceReview .review-mode-text").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).contains(change));
        type(KeyCode.ESCAPE);
        waitUntil("review mode to close", () -> lookup("#reviewSinceReview").tryQuery().isEmpty());

        clickOn("#exportMenu");
        clickOn("PDF document (.pdf)");
        Path pdf = exported.resolveSibling("pack.pdf");
        waitUntil("the export to finish", () -> label("#reviewMessage").startsWith("Exported 1 customer"));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(since, change);
            assertThat(text.indexOf(change)).isGreaterThan(text.indexOf(since));
        }
    }

    @Test
    void theKeyboardOpensBriefsAndNominates() {
        ReviewItem second = table().getItems().get(1);
        clickOn("#queueFilter");
        type(KeyCode.TAB);  // on to the nominate buttons
        interact(() -> table().requestFocus());
        interact(() -> table().getSelectionModel().select(0));
        type(KeyCode.DOWN);
        waitUntil("the second brief", () -> second.customer().name().equals(label("#briefCustomerName")));
        type(KeyCode.SPACE);
        assertThat(model.nominated()).containsExactly(second.tpid());
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area("#briefOpening").isFocused()).isTrue();
    }

    @Test
    void missingDataIsNamedAndWritingTheAsksTakesThemOffTheList() {
        ReviewItem first = table().getItems().get(0);
        clickOn(first.customer().name());
        waitUntil("the brief", () -> lookup("#missingList").tryQuery().isPresent()
                && lookup("#missingList").query().isVisible());
        assertThat(label("#missingList")).contains(CustomerBrief.ASKS_MISSING);

        interact(() -> area("#briefAsks").requestFocus());
        clickOn("#briefAsks");
        interact(() -> area("#briefAsks").clear());
        write("- A partner for the Intune rollout");
        WaitForAsyncUtils.waitForFxEvents();
        boolean listed = lookup("#missingList").tryQuery().map(Node::isVisible).orElse(false)
                && label("#missingList").contains(CustomerBrief.ASKS_MISSING);
        assertThat(listed).isFalse();
        assertThat(model.kept(first.tpid()).orElseThrow().asks()).isEqualTo("- A partner for the Intune rollout");
    }

    @Test
    void theFilterNarrowsTheQueueAndNominateAllShownTakesOnlyThose() {
        ReviewItem third = table().getItems().get(2);
        int all = table().getItems().size();
        assertThat(lookup("#exportMenu").queryAs(MenuButton.class).isDisabled()).isTrue();
        assertThat(lookup("#reviewModeButton").query().isDisabled()).isTrue();

        clickOn("#queueFilter").write(third.customer().name());
        waitUntil("the filter", () -> table().getItems().size() < all);
        assertThat(table().getItems()).extracting(ReviewItem::tpid).contains(third.tpid());
        clickOn("#nominateAll");
        assertThat(model.nominated()).containsExactlyInAnyOrderElementsOf(
                table().getItems().stream().map(ReviewItem::tpid).toList());
        assertThat(lookup("#exportMenu").queryAs(MenuButton.class).isDisabled()).isFalse();

        clickOn("#clearNominations");
        assertThat(model.nominated()).isEmpty();
        assertThat(label("#nominatedCount")).isEqualTo("No customer nominated");
    }

    @Test
    void reviewModeStepsThroughTheNominatedCustomersAndEscLeaves() {
        ReviewItem first = table().getItems().get(0);
        ReviewItem second = table().getItems().get(1);
        ReviewItem third = table().getItems().get(2);
        clickOn("#nominate-" + third.tpid());
        clickOn("#nominate-" + first.tpid());
        clickOn("#nominate-" + second.tpid());

        clickOn("#reviewModeButton");
        waitUntil("review mode", () -> lookup("#reviewCustomerName").tryQuery().isPresent());
        Stage stage = view.reviewStage();
        assertThat(stage.isFullScreen()).isTrue();
        // queue order, not the order they were ticked in
        assertThat(label("#reviewCustomerName")).isEqualTo(first.customer().name());
        assertThat(label("#reviewPosition")).isEqualTo("1 of 3");
        assertThat(label("#reviewOpening")).startsWith("Customer " + first.customer().name() + "'s overall health is");

        type(KeyCode.RIGHT);
        assertThat(label("#reviewCustomerName")).isEqualTo(second.customer().name());
        type(KeyCode.SPACE);
        assertThat(label("#reviewCustomerName")).isEqualTo(third.customer().name());
        type(KeyCode.SPACE);
        assertThat(label("#reviewPosition")).isEqualTo("3 of 3");
        type(KeyCode.LEFT);
        assertThat(label("#reviewCustomerName")).isEqualTo(second.customer().name());

        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
        assertThat(Window.getWindows()).doesNotContain(stage);
    }

    @Test
    void f11OpensReviewModeAndWithoutNomineesSaysWhatToDo() {
        interact(() -> table().requestFocus());
        type(KeyCode.F11);
        assertThat(label("#reviewMessage")).contains("Nominate the customers of the meeting first");
        assertThat(lookup("#reviewMode").tryQuery()).isEmpty();

        ReviewItem first = table().getItems().get(0);
        clickOn("#nominate-" + first.tpid());
        type(KeyCode.F11);
        waitUntil("review mode", () -> lookup("#reviewCustomerName").tryQuery().isPresent());
        assertThat(label("#reviewCustomerName")).isEqualTo(first.customer().name());
        clickOn("#reviewLeave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.reviewStage().isShowing()).isFalse();
    }

    @Test
    void openCustomerHandsTheCustomerToTheShell() {
        ReviewItem first = table().getItems().get(0);
        clickOn(first.customer().name());
        waitUntil("the brief", () -> first.customer().name().equals(label("#briefCustomerName")));
        clickOn("#openBriefCustomer");
        assertThat(opened).isEqualTo(first.tpid());
        assertThat(Files.exists(exported)).isFalse();
    }

    @SuppressWarnings("unchecked")
    private TableView<ReviewItem> table() {
        return lookup("#reviewQueue").queryAs(TableView.class);
    }

    private TextArea area(String id) {
        return lookup(id).queryAs(TextArea.class);
    }
}
