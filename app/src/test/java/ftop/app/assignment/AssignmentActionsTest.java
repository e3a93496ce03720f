package ftop.app.assignment;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.VBox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.core.assignment.AssignmentCsv;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;

/** The header's Assignments menu: export, and Undo of a batch after its window is closed. */
class AssignmentActionsTest extends AssignmentFx {

    @TempDir
    Path home;
    @TempDir
    Path files;

    private AssignmentActions actions;
    private int changes;

    @BeforeEach
    void start() throws Exception {
        open(home, DemoUsers.LEE_GU);
        List<Long> tpids = store.customers().all().stream().map(Customer::tpid).toList();
        actions = new AssignmentActions(workspace, tasks, clock, AssignmentFiles.fixed(files.resolve("out.csv")),
                Optional::empty, () -> tpids, () -> changes++);
        show(() -> new VBox(actions.menu()));
    }

    @Test
    void exportWritesEveryAssignmentWithTheHeader() throws Exception {
        clickOn("#assignmentsMenu").clickOn("Export to CSV…");
        Path out = files.resolve("out.csv");
        waitUntil("the assignment message", () -> lookup("#assignmentInfoDialog").tryQuery().isPresent());

        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo(String.join(",", AssignmentCsv.HEADER));
        assertThat(lines).hasSize(store.assignments().count() + 1);
    }

    @Test
    void aBatchAppliedInAClosedWindowIsUndoneFromTheMenu() {
        long before = store.assignments().all().stream().filter(a -> a.userId().equals(DemoUsers.DEMO_USER)).count();
        clickOn("#assignmentsMenu").clickOn("Batch edit the customers shown…");
        waitUntil("the batch window", () -> lookup("#batchAssignmentDialog").tryQuery().isPresent());
        clickOn("#operationBox").clickOn("Unassign");
        clickOn("#batchUserField").write(DemoUsers.DEMO_USER);
        clickOn("#previewButton");
        waitUntil("the preview", () -> !lookup("#previewTable").queryTableView().getItems().isEmpty());
        clickOn("#applyButton");
        waitUntil("the batch applied", () -> lookup("#batchStatus").queryAs(Label.class).getText().startsWith("Applied"));
        assertThat(store.assignments().all()).noneMatch(a -> a.userId().equals(DemoUsers.DEMO_USER)
                && a.role() == ftop.core.assignment.Role.FM);
        interact(() -> lookup("#batchAssignmentDialog").query().getScene().getWindow().hide());

        MenuButton menu = lookup("#assignmentsMenu").queryAs(MenuButton.class);
        clickOn(menu);
        assertThat(menu.getItems().stream().filter(i -> "undoBatchItem".equals(i.getId())).findFirst().orElseThrow()
                .getText()).startsWith("Undo: Unassign megan.bowen");
        clickOn("Undo: Unassign megan.bowen as FastTrack Manager (Customer Health)");
        waitUntil("the assignment message", () -> lookup("#assignmentInfoDialog").tryQuery().isPresent());

        assertThat(store.assignments().all().stream().filter(a -> a.userId().equals(DemoUsers.DEMO_USER)).count())
                .isEqualTo(before);
        assertThat(changes).isEqualTo(2);
    }
}
