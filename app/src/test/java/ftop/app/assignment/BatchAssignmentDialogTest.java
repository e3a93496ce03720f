package ftop.app.assignment;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.BatchPreview;
import ftop.core.assignment.Role;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;

/** A batch replace over every customer of the demo workspace: preview, apply and undo. */
class BatchAssignmentDialogTest extends AssignmentFx {

    @TempDir
    Path home;

    private List<Long> tpids;

    @BeforeEach
    void start() throws Exception {
        open(home, DemoUsers.LEE_GU);
        tpids = store.customers().all().stream().map(Customer::tpid).toList();
        show(() -> new BatchAssignmentDialog(workspace, tasks, tpids, () -> ftop.app.AppFixtures.TODAY, () -> { }));
    }

    /** Who holds Customer Health FM on each customer. */
    private Map<Long, List<String>> fms() {
        return store.assignments().all().stream()
                .filter(a -> a.area() == AssignmentArea.CUSTOMER_HEALTH && a.role() == Role.FM)
                .collect(Collectors.groupingBy(Assignment::tpid,
                        Collectors.mapping(Assignment::userId, Collectors.toList())));
    }

    private long held(String user) {
        return fms().values().stream().filter(users -> users.contains(user)).count();
    }

    @Test
    void escapeClosesTheDialogWithoutApplyingAnything() {
        Map<Long, List<String>> before = fms();
        clickOn("#batchUserField").write(DemoUsers.DEMO_USER);
        assertThat(lookup("#batchCloseButton").queryButton().isCancelButton()).isTrue();
        Window window = lookup("#batchCloseButton").query().getScene().getWindow();

        type(KeyCode.ESCAPE);
        waitUntil("the dialog to close", () -> !window.isShowing());
        assertThat(fms()).isEqualTo(before);
    }

    @Test
    void replaceOverManyCustomersPreviewsAppliesAsOneStepAndUndoes() {
        Map<Long, List<String>> before = fms();
        long megan = held(DemoUsers.DEMO_USER);
        assertThat(megan).as("the demo's FM holds many customers").isGreaterThan(3);
        int pendingBefore = store.outbox().pendingCount();

        clickOn("#operationBox").clickOn("Replace");
        clickOn("#batchUserField").write(DemoUsers.DEMO_USER);
        clickOn("#batchToUserField").write(DemoUsers.PATTI_FERNANDEZ);
        clickOn("#previewButton");
        waitUntil("the preview", () -> !lookup("#previewTable").queryTableView().getItems().isEmpty());

        @SuppressWarnings("unchecked")
        TableView<BatchPreview.Line> table = lookup("#previewTable").queryAs(TableView.class);
        long replaced = table.getItems().stream().filter(l -> l.outcome() == BatchPreview.Outcome.REPLACED
                || l.outcome() == BatchPreview.Outcome.CHANGED || l.outcome() == BatchPreview.Outcome.REMOVED).count();
        assertThat(replaced).isGreaterThanOrEqualTo(megan);
        assertThat(table.getItems()).extracting(BatchPreview.Line::tpid).as("every customer has its line")
                .containsAll(tpids);
        assertThat(lookup("#previewSummary").queryAs(Label.class).getText()).contains("Nothing is written before Apply")
                .as("no timings for people").doesNotContainPattern("\\d+ ms");
        assertThat(fms()).as("preview writes nothing").isEqualTo(before);
        assertThat(store.outbox().pendingCount()).isEqualTo(pendingBefore);

        clickOn("#applyButton");
        waitUntil("Undo to be offered", () -> !lookup("#undoButton").queryAs(Button.class).isDisabled());

        assertThat(held(DemoUsers.DEMO_USER)).isZero();
        assertThat(held(DemoUsers.PATTI_FERNANDEZ)).isGreaterThanOrEqualTo(megan);
        assertThat(store.outbox().pendingCount()).isGreaterThan(pendingBefore);
        assertThat(lookup("#batchStatus").queryAs(Label.class).getText()).startsWith("Applied:");

        clickOn("#undoButton");
        waitUntil("the batch undone", () -> lookup("#batchStatus").queryAs(Label.class).getText().startsWith("Undone:"));

        assertThat(held(DemoUsers.DEMO_USER)).isEqualTo(megan);
        Map<Long, List<String>> after = fms();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((tpid, users) -> assertThat(users).containsExactlyInAnyOrderElementsOf(before.get(tpid)));
        assertThat(lookup("#undoButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void anUnknownPersonIsRefusedInThePreviewAndNothingCanBeApplied() {
        clickOn("#batchUserField").write("no.such.person");
        clickOn("#previewButton");
        waitUntil("the preview", () -> !lookup("#previewTable").queryTableView().getItems().isEmpty());

        @SuppressWarnings("unchecked")
        TableView<BatchPreview.Line> table = lookup("#previewTable").queryAs(TableView.class);
        assertThat(table.getItems()).allMatch(l -> l.outcome() == BatchPreview.Outcome.REFUSED);
        assertThat(lookup("#applyButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void changingTheFormAfterPreviewDropsThePreviewSoApplyNeverWritesSomethingElse() {
        clickOn("#batchUserField").write(DemoUsers.DIEGO_SICILIANI);
        clickOn("#previewButton");
        waitUntil("the preview", () -> !lookup("#previewTable").queryTableView().getItems().isEmpty());
        assertThat(lookup("#applyButton").queryAs(Button.class).isDisabled()).isFalse();

        clickOn("#batchRoleBox").clickOn("FastTrack Architect");

        assertThat(lookup("#previewTable").queryTableView().getItems()).isEmpty();
        assertThat(lookup("#applyButton").queryAs(Button.class).isDisabled()).isTrue();
    }
}
