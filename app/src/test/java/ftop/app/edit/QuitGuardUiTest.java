package ftop.app.edit;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import ftop.core.change.EntityKind;
import ftop.core.health.CustomerHealth;
import ftop.core.health.OverallMindset;
import ftop.core.store.OutboxEntry;

/**
 * Quitting with unsaved work, in the whole window: closing it (what the window manager or the
 * system sends), Ctrl+Q or the menu's Quit ask Save / Discard / Cancel, naming what is unsaved.
 * Cancel and Esc keep the window and the work; Save writes every form (row and outbox entry) and
 * quits, unless a form refuses; Discard quits and writes nothing.
 */
class QuitGuardUiTest extends UnsavedWorkFx {

    private OverallMindset before;
    private OverallMindset chosen;

    @BeforeEach
    void start() throws Exception {
        startApp();
        openContoso();
        before = health().perspective().mindset().orElse(null);
        chosen = before == OverallMindset.COMPETE ? OverallMindset.AVERSE : OverallMindset.COMPETE;
    }

    private CustomerHealth health() {
        return store.health().get(Long.toString(contoso.tpid())).orElseThrow();
    }

    private String quitLines() {
        return String.join("\n", lookup("#unsavedWorkDialog .unsaved-work-line").queryAllAs(javafx.scene.control.Label.class)
                .stream().map(javafx.scene.control.Label::getText).toList());
    }

    @Test
    void cancelAndEscKeepTheWindowAndTheEditAndSaveWritesItThenQuits() {
        chooseMindset(chosen.label());
        interact(() -> time.advance(Duration.ofSeconds(1)));
        waitUntil("the draft", () -> store.drafts().all().size() == 1);

        requestClose();
        waitForQuitQuestion();
        assertThat(quitLines()).isEqualTo("Contoso: Customer Perspective");
        clickOn("#quitCancel");
        waitUntil("the question to go", () -> lookup("#unsavedWorkDialog").tryQuery().isEmpty());
        assertThat(stage.isShowing()).isTrue();
        assertThat(lookup("#overallMindsetField").query().isVisible()).isTrue();
        assertThat(comboText("#overallMindsetField")).isEqualTo(chosen.label());

        requestClose();
        waitForQuitQuestion();
        type(KeyCode.ESCAPE);
        waitUntil("the question to go", () -> lookup("#unsavedWorkDialog").tryQuery().isEmpty());
        assertThat(stage.isShowing()).isTrue();
        assertThat(comboText("#overallMindsetField")).isEqualTo(chosen.label());
        assertThat(store.outbox().pendingCount()).as("nothing saved while asking").isZero();

        requestClose();
        waitForQuitQuestion();
        clickOn("#quitSave");
        waitUntilClosed();
        assertThat(health().perspective().mindset()).contains(chosen);
        assertThat(store.outbox().pending(10)).singleElement().satisfies(entry -> {
            assertThat(entry.mutation().kind()).isEqualTo(EntityKind.HEALTH);
            assertThat(entry.mutation().fields()).containsKey("perspective.mindset");
        });
        waitUntil("the draft to go with the save", () -> store.drafts().all().isEmpty());
    }

    @Test
    void discardQuitsWithoutSavingAndDropsTheDraft() {
        chooseMindset(chosen.label());
        interact(() -> time.advance(Duration.ofSeconds(1)));
        waitUntil("the draft", () -> store.drafts().all().size() == 1);

        requestClose();
        waitForQuitQuestion();
        clickOn("#quitDiscard");
        waitUntilClosed();
        assertThat(health().perspective().mindset()).isEqualTo(Optional.ofNullable(before));
        assertThat(store.outbox().pendingCount()).isZero();
        waitUntil("the draft to go", () -> store.drafts().all().isEmpty());
    }

    @Test
    void ctrlQNamesAHealthSectionAndATypedStatusNoteTogetherAndSaveWritesBoth() {
        addNewStatus();
        write("Exchange done; OneDrive next.");
        int notesBefore = store.notes().byTpid(contoso.tpid()).size();
        // back to the customer (leaving the tenant with a status typed does not ask; it stays typed)
        clickOn("#customerTab");
        chooseMindset(chosen.label());

        press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        waitForQuitQuestion();
        assertThat(quitLines()).isEqualTo("Contoso: Customer Perspective, Enterprise Status note");
        assertThat(lookup("#unsavedWorkDialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText())
                .isEqualTo("Save your changes before you quit?");
        // Save is the default button
        type(KeyCode.ENTER);
        waitUntilClosed();

        assertThat(health().perspective().mindset()).contains(chosen);
        assertThat(store.notes().byTpid(contoso.tpid())).hasSize(notesBefore + 1)
                .anyMatch(n -> n.executiveSummary().equals("Exchange done; OneDrive next."));
        assertThat(store.outbox().pending(10)).extracting(OutboxEntry::mutation)
                .extracting(m -> m.kind()).containsExactlyInAnyOrder(EntityKind.HEALTH, EntityKind.STATUS_NOTE);
    }

    @Test
    void aTypedStatusNoteStaysOnCancelAndIsDroppedOnDiscard() {
        addNewStatus();
        write("Half a thought");
        int notesBefore = store.notes().byTpid(contoso.tpid()).size();

        requestClose();
        waitForQuitQuestion();
        assertThat(quitLines()).isEqualTo("Contoso: Enterprise Status note");
        assertThat(lookup("#unsavedWorkDialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText())
                .isEqualTo("Save your change before you quit?");
        clickOn("#quitCancel");
        waitUntil("the question to go", () -> lookup("#unsavedWorkDialog").tryQuery().isEmpty());
        assertThat(lookup("#newSummary").queryAs(TextArea.class).getText()).isEqualTo("Half a thought");

        requestClose();
        waitForQuitQuestion();
        clickOn("#quitDiscard");
        waitUntilClosed();
        assertThat(store.notes().byTpid(contoso.tpid())).hasSize(notesBefore);
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void aFieldThatCannotBeSavedKeepsTheAppOpenShowingIt() {
        chooseMindset(chosen.label());
        clickOn("#completionDateField");
        lookup("#completionDateField").queryAs(javafx.scene.control.DatePicker.class).getEditor();
        interact(() -> lookup("#completionDateField").queryAs(javafx.scene.control.DatePicker.class).getEditor()
                .setText("June 31, 2021"));

        requestClose();
        waitForQuitQuestion();
        clickOn("#quitSave");
        waitUntil("the problem at its field", () -> !label("#completionDateError").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(label("#completionDateError")).contains("\"June 31, 2021\" is not a date");
        assertThat(lookup("#completionDateField").query().isVisible()).isTrue();
        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(health().perspective().mindset()).isEqualTo(Optional.ofNullable(before));
    }

    @Test
    void anOpenAssignmentDialogIsNamedAndSavedBeforeQuitting() {
        int assignmentsBefore = store.assignments().byTpid(contoso.tpid()).size();
        reveal("#manageAssignmentsButton");
        clickOn("#manageAssignmentsButton");
        waitUntil("the assignment dialog", () -> lookup("#assignmentDialog").tryQuery().isPresent());
        clickOn("#roleBox");
        clickOn(lookup(".combo-box-popup .list-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("FastTrack Architect")).<Node>query());
        clickOn("#userField").write("Isaia");
        waitUntil("the suggestion", () -> lookup("Isaiah Langer (isaiah.langer)").tryQuery().isPresent());
        clickOn("Isaiah Langer (isaiah.langer)");
        clickOn("#addButton");
        waitUntil("the new row", () -> lookup("#customer-FTA_isaiah_langer").tryQuery().isPresent());

        requestClose();
        waitForQuitQuestion();
        assertThat(quitLines()).isEqualTo("Contoso: Assignments");
        clickOn("#quitSave");
        waitUntilClosed();
        waitUntil("the assignment dialog to close", () -> lookup("#assignmentDialog").tryQuery().isEmpty());
        assertThat(store.assignments().byTpid(contoso.tpid())).hasSize(assignmentsBefore + 1)
                .anyMatch(a -> a.userId().equals("isaiah.langer"));
        assertThat(store.outbox().pending(10)).isNotEmpty()
                .allMatch(e -> e.mutation().kind() == EntityKind.ASSIGNMENT);
    }

    @Test
    void aBatchEditPreviewedButNotAppliedIsNamedAndAppliedOnSave() {
        int pendingBefore = store.outbox().pendingCount();
        clickOn("#assignmentsMenu");
        clickOn(lookup(".menu-item").match(n -> "batchEditItem".equals(n.getId())).<Node>query());
        waitUntil("the batch window", () -> lookup("#batchAssignmentDialog").tryQuery().isPresent());
        clickOn("#batchRoleBox");
        clickOn(lookup(".combo-box-popup .list-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("FastTrack Architect")).<Node>query());
        clickOn("#batchUserField").write("isaiah.langer");
        clickOn("#previewButton");
        waitUntil("the preview", () -> !lookup("#applyButton").query().isDisabled());

        requestClose();
        waitForQuitQuestion();
        assertThat(quitLines()).startsWith("Batch edit: ").endsWith("(previewed, not applied)");
        clickOn("#quitSave");
        waitUntilClosed();
        assertThat(store.assignments().all()).anyMatch(a -> a.userId().equals("isaiah.langer")
                && a.role() == ftop.core.assignment.Role.FTA);
        assertThat(store.outbox().pendingCount()).isGreaterThan(pendingBefore);
    }

    @Test
    void withNothingUnsavedTheWindowClosesWithoutAQuestion() {
        reveal("#customerPerspectiveSection");
        clickOn("#customerPerspectiveEdit");
        // open for editing, nothing changed: nothing to lose
        requestClose();
        waitUntilClosed();
        assertThat(lookup("#unsavedWorkDialog").tryQuery()).isEmpty();
    }

    @Test
    void theMenuOffersQuitWithItsShortcut() {
        chooseMindset(chosen.label());
        clickOn("#appMenu");
        Node quit = lookup(".menu-item").match(n -> "quitItem".equals(n.getId())).query();
        clickOn(quit);
        waitForQuitQuestion();
        clickOn("#quitCancel");
        assertThat(stage.isShowing()).isTrue();
    }
}
