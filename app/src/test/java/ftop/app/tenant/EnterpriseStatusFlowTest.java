package ftop.app.tenant;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.FtopApplication;
import ftop.app.testkit.DesktopApp;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.store.LocalStore;
import ftop.core.tenant.Tenant;
import ftop.core.validation.Limits;

/**
 * "Add new status" in the whole window, on a real local store: the Customer tab's button opens the
 * winner tenant's tab with the focus in the new-status editor; Save stores the note with its outbox
 * entry and both tabs show it; Cancel and invalid input write nothing; closing the tab with a
 * status typed asks first; the note can be undone from the Customer tab.
 */
class EnterpriseStatusFlowTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;
    private LocalStore store;
    private Customer contoso;
    private Tenant winner;

    @BeforeEach
    void start() throws Exception {
        app = desktop.start(home);
        store = desktop.store();
        contoso = desktop.customer("Contoso");
        winner = store.tenants().byTpid(contoso.tpid()).stream().filter(Tenant::winner).findFirst().orElseThrow();
        interact(() -> app.shell().openCustomer(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(label("#customerName")));
    }

    @Test
    void addNewStatusLandsInTheWinnerTenantsEditorAndTheSavedNoteShowsInBothTabs() {
        int notesBefore = store.notes().byTpid(contoso.tpid()).size();
        addNewStatus();

        assertThat(label("#tenantName")).isEqualTo(winner.name());
        assertThat(label("#statusEditorTitle")).startsWith("On the winner tenant " + winner.name() + ", for the whole customer");
        assertThat(tabTitle()).isEqualTo(winner.name());
        write("Exchange migration finished; ODSP next.");
        clickOn("#newRisks").write("Network readiness in two sites.");
        clickOn("#newAwareness").write("New CIO from March.");
        clickOn("#statusSave");

        waitUntil("the note in the store", () -> store.notes().byTpid(contoso.tpid()).size() == notesBefore + 1);
        EnterpriseStatusNote note = newest();
        assertThat(note.executiveSummary()).isEqualTo("Exchange migration finished; ODSP next.");
        assertThat(note.risks()).isEqualTo("Network readiness in two sites.");
        assertThat(note.awareness()).isEqualTo("New CIO from March.");
        assertThat(note.tenantId()).isEqualTo(winner.tenantId());
        assertThat(note.author()).isEqualTo(DemoUsers.DEMO_USER);
        assertThat(store.outbox().pending(100)).extracting(e -> e.mutation())
                .anySatisfy(m -> {
                    assertThat(m.kind()).isEqualTo(EntityKind.STATUS_NOTE);
                    assertThat(m.entityId()).isEqualTo(note.id().toString());
                    assertThat(m.op()).isEqualTo(Mutation.Op.UPSERT);
                });
        // the tenant's history has it on top, and the editor is ready for the next one
        waitUntil("the note in the tenant's history", () -> lookup("#tenantNotes")
                .lookup(LabeledMatchers.hasText("Exchange migration finished; ODSP next.")).tryQuery().isPresent());
        assertThat(area("#newSummary").getText()).isEmpty();
        assertThat(label("#statusSavedNotice")).isEqualTo("Enterprise Status added on " + winner.name() + ".");

        clickOn("#customerTab");
        waitUntil("the Customer tab to show it", () -> "Exchange migration finished; ODSP next.".equals(label("#latestSummary")));
        assertThat(label("#latestRisks")).isEqualTo("Network readiness in two sites.");
        assertThat(label("#latestAwareness")).isEqualTo("New CIO from March.");
        assertThat(label("#statusDue")).startsWith("Next update due");
        assertThat(label("#undoNotice")).isEqualTo("Enterprise Status added on " + winner.name() + ".");
    }

    @Test
    void aNoteSavedOnTheWinnerTenantIsUndoneFromTheCustomerTab() {
        int notesBefore = store.notes().byTpid(contoso.tpid()).size();
        addNewStatus();
        write("A status written by mistake.");
        clickOn("#statusSave");
        waitUntil("the note", () -> store.notes().byTpid(contoso.tpid()).size() == notesBefore + 1);
        String id = newest().id().toString();

        clickOn("#customerTab");
        waitUntil("the Undo notice", () -> label("#undoNotice").startsWith("Enterprise Status added"));
        clickOn("#undoButton");
        waitUntil("the note to go", () -> store.notes().get(id).isEmpty());
        waitUntil("the Customer tab to drop it", () -> !"A status written by mistake.".equals(label("#latestSummary")));
        assertThat(store.notes().byTpid(contoso.tpid())).hasSize(notesBefore);
        // the tenant tab's own Undo for that note is gone too
        clickOn("#tenantTab");
        waitUntil("the tenant's Undo to go", () -> !lookup("#statusUndo").query().isVisible());
    }

    @Test
    void cancelEmptiesTheEditorAndWritesNothing() {
        int notesBefore = store.notes().byTpid(contoso.tpid()).size();
        int pendingBefore = store.outbox().pendingCount();
        addNewStatus();
        write("Not ready to say this yet.");
        clickOn("#statusCancel");

        assertThat(area("#newSummary").getText()).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(store.notes().byTpid(contoso.tpid())).hasSize(notesBefore);
        assertThat(store.outbox().pendingCount()).isEqualTo(pendingBefore);
    }

    @Test
    void anEmptyOrTooLongStatusIsRefusedAtItsField() {
        int notesBefore = store.notes().byTpid(contoso.tpid()).size();
        addNewStatus();
        clickOn("#statusSave");
        waitUntil("the empty-status problem", () -> !label("#newSummaryError").isEmpty());
        assertThat(label("#newSummaryError")).contains("Write at least one of Executive Summary, Risks or Awareness");
        assertThat(lookup("#newSummary").query().getPseudoClassStates()).extracting(Object::toString).contains("invalid");

        // a paste over the limit is kept (nothing typed is lost) but not saved
        String tooLong = "x".repeat(Limits.STATUS_TEXT_MAX + 12);
        interact(() -> area("#newRisks").setText(tooLong));
        assertThat(label("#newRisksCount")).isEqualTo("4,012 / 4,000");
        clickOn("#statusSave");
        waitUntil("the too-long problem", () -> !label("#newRisksError").isEmpty());
        assertThat(label("#newRisksError")).isEqualTo("Risks is 4012 characters long; at most 4000 are allowed.");
        assertThat(label("#newSummaryError")).isEmpty();
        assertThat(area("#newRisks").getText()).isEqualTo(tooLong);
        assertThat(store.notes().byTpid(contoso.tpid())).hasSize(notesBefore);
    }

    @Test
    void closingTheTabWithAStatusTypedAsksFirst() {
        addNewStatus();
        write("Half a thought");

        closeTenantTab();
        waitUntil("the question", () -> lookup("#confirmDialog").tryQuery().isPresent());
        clickOn(lookup("#confirmDialog .button").match(LabeledMatchers.hasText("Keep editing")).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabIds()).contains("tenantTab");
        assertThat(area("#newSummary").getText()).isEqualTo("Half a thought");

        closeTenantTab();
        waitUntil("the question", () -> lookup("#confirmDialog").tryQuery().isPresent());
        clickOn(lookup("#confirmDialog .button").match(LabeledMatchers.hasText("Discard status")).<Node>query());
        waitUntil("the tab to close", () -> !tabIds().contains("tenantTab"));

        // opened again, the editor starts empty
        addNewStatus();
        assertThat(area("#newSummary").getText()).isEmpty();
    }

    /** Clicks "Add new status" in the Customer tab and waits for the focus in the winner tenant's editor. */
    private void addNewStatus() {
        clickOn("#customerTab");
        waitUntil("the Customer tab", () -> "customerTab".equals(selectedTab()));
        // on a busy machine the tab lays its content out a pulse or more later: scroll again until
        // the button stays in sight, then click where it is
        waitUntil("Add new status in sight and enabled", () -> {
            boolean shown = inSight(lookup("#addStatusButton").query());
            if (!shown) {
                reveal("#addStatusButton");
            }
            return shown;
        });
        clickOn("#addStatusButton");
        waitUntil("the winner tenant's tab", () -> "tenantTab".equals(selectedTab()));
        waitUntil("the focus in Executive Summary", () -> lookup("#newSummary").tryQuery()
                .map(Node::isFocused).orElse(false));
    }

    private void closeTenantTab() {
        clickOn(lookup("#mainTabs .tab").match(n -> "tenantTab".equals(n.getId())).lookup(".tab-close-button")
                .<Node>query());
    }

    private EnterpriseStatusNote newest() {
        return store.notes().byTpid(contoso.tpid()).stream()
                .max(java.util.Comparator.comparing(EnterpriseStatusNote::createdAt)).orElseThrow();
    }

    private TabPane tabs() {
        return lookup("#mainTabs").queryAs(TabPane.class);
    }

    private String selectedTab() {
        return tabs().getSelectionModel().getSelectedItem().getId();
    }

    private String tabTitle() {
        return tabs().getSelectionModel().getSelectedItem().getText();
    }

    private List<String> tabIds() {
        return tabs().getTabs().stream().map(javafx.scene.control.Tab::getId).toList();
    }

    private TextArea area(String id) {
        return lookup(id).queryAs(TextArea.class);
    }

    /** Whether {@code node} is enabled and lies wholly inside the Customer tab's scroll viewport. */
    private boolean inSight(Node node) {
        ScrollPane scroll = lookup("#customerScroll").queryAs(ScrollPane.class);
        Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        Bounds shown = node.localToScene(node.getLayoutBounds());
        return !node.isDisabled() && node.isVisible() && shown.getHeight() > 0
                && shown.getMinY() >= viewport.getMinY() && shown.getMaxY() <= viewport.getMaxY();
    }
}
