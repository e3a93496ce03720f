package ftop.app.edit;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.selectedTab;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import ftop.app.AppFixtures;
import ftop.app.widgets.DateText;
import ftop.core.Json;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.health.BusinessReason;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.OverallMindset;
import ftop.core.store.Draft;
import ftop.core.store.RemoteRow;

/**
 * Drafts in the whole window: what is typed is kept 500 ms after the last change and goes with
 * Save or Cancel; after the app went away with forms open, the next start offers each draft back,
 * and Restore opens its form in edit mode with the values, on top of the row as it is now.
 */
class DraftsUiTest extends UnsavedWorkFx {

    private String tpid() {
        return Long.toString(contoso.tpid());
    }

    private CustomerHealth health() {
        return store.health().get(tpid()).orElseThrow();
    }

    private OverallMindset other(OverallMindset current) {
        return current == OverallMindset.COMPETE ? OverallMindset.AVERSE : OverallMindset.COMPETE;
    }

    /** Ends the app the way a crash would as far as the forms know: no question, no Save, no Cancel. */
    private void restartApp() throws Exception {
        stopApp();
        startApp();
    }

    private void waitForDraftsOffered(int count) {
        waitUntil("the drafts offered", () -> lookup("#draftsDialog").tryQuery().isPresent());
        waitUntil(count + " lines", () -> lookup("#draftsDialog .draft-line").queryAll().size() == count);
    }

    @Test
    void whatIsTypedIsKeptHalfASecondAfterTheLastChangeAndGoesWithCancel() throws Exception {
        startApp();
        openContoso();
        OverallMindset chosen = other(health().perspective().mindset().orElse(null));
        chooseMindset(chosen.label());

        interact(() -> time.advance(Duration.ofMillis(499)));
        assertThat(store.drafts().all()).as("499 ms after the change").isEmpty();
        interact(() -> time.advance(Duration.ofMillis(1)));
        waitUntil("the draft", () -> !store.drafts().all().isEmpty());
        Draft draft = store.drafts().all().get(0);
        assertThat(draft.form()).isEqualTo("health.perspective");
        assertThat(draft.subject()).isEqualTo(tpid());
        assertThat(draft.changes()).containsExactly(Map.entry("overallMindset", chosen.name()));
        assertThat(store.outbox().pendingCount()).as("a draft never reaches the outbox").isZero();

        clickOn("#customerPerspectiveCancel");
        waitUntil("the draft to go with Cancel", () -> store.drafts().all().isEmpty());
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void theNextStartOffersEachDraftAndRestoreOpensItsFormWithTheValues() throws Exception {
        startApp();
        openContoso();
        OverallMindset was = health().perspective().mindset().orElse(null);
        OverallMindset chosen = other(was);
        addNewStatus();
        write("Exchange done; OneDrive next.");
        interact(() -> time.advance(Duration.ofSeconds(1)));
        clickOn("#customerTab");
        chooseMindset(chosen.label());
        interact(() -> time.advance(Duration.ofSeconds(1)));
        waitUntil("two drafts", () -> store.drafts().all().size() == 2);

        restartApp();
        waitForDraftsOffered(2);
        List<String> lines = lookup("#draftsDialog .draft-line .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        String at = "from " + DateText.time(AppFixtures.clock().instant(), ZoneId.systemDefault());
        assertThat(lines).contains("Contoso's Customer Perspective", "Contoso's Enterprise Status note", at);
        assertThat(store.outbox().pendingCount()).isZero();

        // the status note's line: Restore opens the winner tenant's tab with the draft in its editor
        int status = lines.indexOf("Contoso's Enterprise Status note") / 2;
        clickOn("#restoreDraft" + status);
        waitUntil("the tenant's editor with the draft", () -> lookup("#newSummary").tryQuery()
                .map(n -> ((TextArea) n).getText().equals("Exchange done; OneDrive next.")).orElse(false));
        assertThat(selectedTab()).isEqualTo("tenantTab");
        assertThat(label("#statusNotice")).startsWith("Restored draft from");
        assertThat(store.outbox().pendingCount()).as("restored, not saved").isZero();

        // the other waits in the status bar; Restore opens the Customer tab with the section in edit mode
        assertThat(label("#draftsButton")).isEqualTo("1 unsaved draft");
        clickOn("#draftsButton");
        waitForDraftsOffered(1);
        clickOn("#restoreDraft0");
        waitUntil("the section in edit mode", () -> lookup("#overallMindsetField").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        waitUntil("the draft's value", () -> chosen.label().equals(comboText("#overallMindsetField")));
        assertThat(selectedTab()).isEqualTo("customerTab");
        assertThat(label("#customerPerspectiveNotice")).startsWith("Restored draft from").doesNotContain("changed since");
        assertThat(label("#customerName")).isEqualTo("Contoso");
        assertThat(store.outbox().pendingCount()).as("restored, not saved").isZero();
        assertThat(health().perspective().mindset()).isEqualTo(java.util.Optional.ofNullable(was));
        waitUntil("the status bar's offer to go", () -> !lookup("#draftsButton").query().isVisible());

        // saving the restored form goes the usual way, and takes its draft with it
        reveal("#customerPerspectiveSave");
        clickOn("#customerPerspectiveSave");
        waitUntil("the save", () -> health().perspective().mindset().equals(java.util.Optional.of(chosen)));
        waitUntil("the perspective's draft to go", () -> store.drafts().all().size() == 1);
        assertThat(store.outbox().pending(10)).singleElement()
                .satisfies(e -> assertThat(e.mutation().kind()).isEqualTo(EntityKind.HEALTH));
    }

    @Test
    void aDraftWhoseRowChangedMeanwhileGoesOnTopOfTheNewRowAndSaysSo() throws Exception {
        startApp();
        openContoso();
        CustomerHealth old = health();
        OverallMindset chosen = other(old.perspective().mindset().orElse(null));
        chooseMindset(chosen.label());
        interact(() -> time.advance(Duration.ofSeconds(1)));
        waitUntil("the draft", () -> store.drafts().all().size() == 1);
        stopApp();

        // meanwhile a sync brings a newer version: someone else changed the Business Reason
        BusinessReason theirs = old.perspective().businessReason().filter(r -> r != BusinessReason.values()[0])
                .map(r -> BusinessReason.values()[0]).orElse(BusinessReason.values()[1]);
        CustomerPerspective p = old.perspective();
        CustomerHealth newer = old.withPerspective(new CustomerPerspective(p.mindset(), p.completionDate(),
                java.util.Optional.of(theirs), p.successOwner()));
        try (var reopened = ftop.core.store.LocalStore.open(home, AppFixtures.clock())) {
            reopened.applyPull(List.of(new RemoteRow(EntityKind.HEALTH, tpid(), contoso.tpid(), 500,
                    Json.mapper().readTree(EntityCodec.toJson(newer)))), Set.of(), 500);
        }

        startApp();
        waitForDraftsOffered(1);
        clickOn("#restoreDraft0");
        waitUntil("the draft's value", () -> chosen.label().equals(comboText("#overallMindsetField")));
        assertThat(comboText("#businessReasonField")).as("the newer row's value, untouched by the draft")
                .isEqualTo(theirs.label());
        assertThat(label("#customerPerspectiveNotice")).contains("changed since the draft began");

        reveal("#customerPerspectiveSave");
        clickOn("#customerPerspectiveSave");
        waitUntil("the save", () -> health().perspective().mindset().equals(java.util.Optional.of(chosen)));
        assertThat(health().perspective().businessReason()).contains(theirs);
        assertThat(store.outbox().pending(10)).singleElement().satisfies(e -> {
            assertThat(e.mutation().baseRevision()).as("based on the newer row").isEqualTo(500);
            assertThat(e.mutation().fields()).containsOnlyKeys("perspective.mindset");
        });
    }

    @Test
    void discardDeletesADraftAndCancelKeepsTheRestForLater() throws Exception {
        startApp();
        openContoso();
        reveal("#addContactButton");
        clickOn("#addContactButton");
        clickOn("#contactNameField").write("Jordan Reyes");
        clickOn("#contactEmailField").write("jordan@contoso.com");
        reveal("#forecastEdit");
        clickOn("#forecastEdit");
        TextField cell = lookup(".text-field").match(n -> n.getId() != null && n.getId().startsWith("forecastField-EXCHANGE-"))
                .queryAs(TextField.class);
        clickOn(cell).eraseText(cell.getText().length()).write("1234");
        String cellKey = "EXCHANGE@" + cell.getId().substring("forecastField-EXCHANGE-".length());
        interact(() -> time.advance(Duration.ofSeconds(1)));
        waitUntil("two drafts", () -> store.drafts().all().size() == 2);

        restartApp();
        waitForDraftsOffered(2);
        List<String> lines = lookup("#draftsDialog .draft-line .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(lines).contains("Contoso's new contact Jordan Reyes", "Contoso's Forecast");
        int forecast = lines.indexOf("Contoso's Forecast") / 2;
        clickOn("#discardDraft" + forecast);
        waitUntil("one line left", () -> lookup("#draftsDialog .draft-line").queryAll().size() == 1);
        waitUntil("the forecast's draft deleted", () -> store.drafts().all().size() == 1);
        assertThat(store.drafts().all().get(0).form()).isEqualTo("contact");

        type(KeyCode.ESCAPE);
        waitUntil("the dialog to go", () -> lookup("#draftsDialog").tryQuery().isEmpty());
        assertThat(label("#draftsButton")).isEqualTo("1 unsaved draft");
        assertThat(store.drafts().all()).hasSize(1);

        clickOn("#draftsButton");
        waitForDraftsOffered(1);
        clickOn("#restoreDraft0");
        waitUntil("the contact editor with the draft", () -> lookup("#contactNameField").tryQuery()
                .map(n -> n.isVisible() && ((TextField) n).getText().equals("Jordan Reyes")).orElse(false));
        assertThat(lookup("#contactEmailField").queryAs(TextField.class).getText()).isEqualTo("jordan@contoso.com");
        assertThat(label("#contactNotice")).startsWith("Restored draft from");
        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(cellKey).startsWith("EXCHANGE@");
    }

    @Test
    void anAssignmentDialogsDraftOpensTheDialogAgainWithThePersonAdded() throws Exception {
        startApp();
        openContoso();
        int before = store.assignments().byTpid(contoso.tpid()).size();
        reveal("#manageAssignmentsButton");
        clickOn("#manageAssignmentsButton");
        waitUntil("the assignment dialog", () -> lookup("#assignmentDialog").tryQuery().isPresent());
        clickOn("#roleBox");
        clickOn(lookup(".combo-box-popup .list-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("FastTrack Architect")).<javafx.scene.Node>query());
        clickOn("#userField").write("Isaia");
        waitUntil("the suggestion", () -> lookup("Isaiah Langer (isaiah.langer)").tryQuery().isPresent());
        clickOn("Isaiah Langer (isaiah.langer)");
        clickOn("#addButton");
        waitUntil("the new row", () -> lookup("#customer-FTA_isaiah_langer").tryQuery().isPresent());
        interact(() -> time.advance(Duration.ofSeconds(1)));
        waitUntil("the draft", () -> store.drafts().all().size() == 1);
        assertThat(store.drafts().all().get(0).form()).isEqualTo("assignments");

        restartApp();
        waitForDraftsOffered(1);
        assertThat(label("#draftLine0 .label")).isEqualTo("Contoso's Assignments");
        clickOn("#restoreDraft0");
        waitUntil("the dialog with the person added", () -> lookup("#customer-FTA_isaiah_langer").tryQuery().isPresent());
        assertThat(label("#assignmentNotice")).startsWith("Restored draft from");
        assertThat(store.assignments().byTpid(contoso.tpid())).hasSize(before);
        assertThat(store.outbox().pendingCount()).isZero();

        clickOn("#saveButton");
        waitUntil("the save", () -> store.assignments().byTpid(contoso.tpid()).size() == before + 1);
        waitUntil("the draft to go", () -> store.drafts().all().isEmpty());
    }

    @Test
    void openingAFormWhoseDraftWaitsPutsTheDraftBackRatherThanWritingOverIt() throws Exception {
        startApp();
        openContoso();
        OverallMindset chosen = other(health().perspective().mindset().orElse(null));
        chooseMindset(chosen.label());
        interact(() -> time.advance(Duration.ofSeconds(1)));
        waitUntil("the draft", () -> store.drafts().all().size() == 1);

        restartApp();
        waitForDraftsOffered(1);
        clickOn("#draftsCancel");
        waitUntil("the dialog to go", () -> lookup("#draftsDialog").tryQuery().isEmpty());
        assertThat(label("#draftsButton")).isEqualTo("1 unsaved draft");

        // later the person opens the same section with its pencil: the draft is in it
        openContoso();
        reveal("#customerPerspectiveSection");
        clickOn("#customerPerspectiveEdit");
        waitUntil("the draft's value", () -> chosen.label().equals(comboText("#overallMindsetField")));
        assertThat(label("#customerPerspectiveNotice")).startsWith("Restored draft from");
        waitUntil("the status bar's offer to go", () -> !lookup("#draftsButton").query().isVisible());
        assertThat(store.drafts().all()).singleElement()
                .satisfies(d -> assertThat(d.values()).containsEntry("overallMindset", chosen.name()));
        assertThat(store.outbox().pendingCount()).isZero();
    }
}
