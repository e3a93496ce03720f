package ftop.app.assignment;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.CsvImport;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;

/** The CSV import dry run and import, on a real store. */
class CsvImportDialogTest extends AssignmentFx {

    @TempDir
    Path home;
    @TempDir
    Path files;

    private final AtomicBoolean closed = new AtomicBoolean();

    private Path file(String... lines) throws Exception {
        Path file = files.resolve("assignments.csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n");
        return file;
    }

    private void showImport(Path file) throws Exception {
        show(() -> new CsvImportDialog(workspace, tasks, file, AppFixtures.TODAY, () -> closed.set(true), () -> { }));
        waitUntil("the import's lines", () -> !lookup("#importTable").queryTableView().getItems().isEmpty());
    }

    @Test
    void aFileWithABadLineShowsItsNumberAndReasonAndImportsNothing() throws Exception {
        open(home, DemoUsers.LEE_GU);
        Customer contoso = customer("Contoso");
        List<Assignment> before = store.assignments().all();
        int pending = store.outbox().pendingCount();
        showImport(file("tpid,customer,area,role,user,scope,primary",
                contoso.tpid() + ",Contoso,Customer Health,FastTrack Architect,isaiah.langer,Customer,no",
                contoso.tpid() + ",Contoso,Customer Health,FastTrack Architect,nobdy,Customer,no"));

        @SuppressWarnings("unchecked")
        TableView<CsvImport.ImportLine> table = lookup("#importTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        CsvImport.ImportLine bad = table.getItems().get(1);
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.status()).isEqualTo(CsvImport.Status.BAD);
        assertThat(bad.message()).contains("nobdy");
        assertThat(lookup("#importSummary").queryAs(Label.class).getText()).contains("1 bad line (3)")
                .contains("Nothing has been written");
        assertThat(lookup("#importButton").queryAs(Button.class).isDisabled()).isTrue();

        clickOn("#importCloseButton");

        assertThat(closed).isTrue();
        assertThat(store.assignments().all()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(store.outbox().pendingCount()).isEqualTo(pending);
    }

    @Test
    void aGoodFileImportsAfterTheDryRunAndTheImportCanBeUndone() throws Exception {
        open(home, DemoUsers.LEE_GU);
        Customer contoso = customer("Contoso");
        int count = store.assignments().count();
        showImport(file("tpid,customer,area,role,user,scope,primary",
                contoso.tpid() + ",Contoso,Customer Health,FastTrack Architect,isaiah.langer,Customer,no"));
        assertThat(store.assignments().count()).as("the dry run writes nothing").isEqualTo(count);

        clickOn("#importButton");
        waitUntil("the import", () -> lookup("#importStatus").queryAs(Label.class).getText().startsWith("Imported"));
        assertThat(store.assignments().byTpid(contoso.tpid()))
                .anyMatch(a -> a.userId().equals(DemoUsers.ISAIAH_LANGER));
        assertThat(store.assignments().count()).isEqualTo(count + 1);

        clickOn("#undoImportButton");
        waitUntil("the import undone", () -> lookup("#importStatus").queryAs(Label.class).getText().startsWith("Import undone"));
        assertThat(store.assignments().count()).isEqualTo(count);
    }
}
