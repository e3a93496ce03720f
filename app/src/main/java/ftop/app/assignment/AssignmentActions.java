package ftop.app.assignment;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.edit.OpenForms;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.Workspace;
import ftop.core.assignment.AppliedBatch;
import ftop.core.assignment.AssignmentCsv;
import ftop.core.store.Draft;

/**
 * The app's ways into assignments: the header's Assignments menu (this customer, batch edit, CSV
 * import and export) and {@link #openAssignments}, the hook the Portfolio and Customer views call
 * with the customers a person picked.
 */
public final class AssignmentActions {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final AssignmentFiles files;
    private final Supplier<Optional<Long>> currentCustomer;
    private final Supplier<List<Long>> shownCustomers;
    private final Runnable onChanged;

    /**
     * @param currentCustomer the customer open in the Customer tab, if any
     * @param shownCustomers  the customers a batch edit covers when nothing is picked (all a filter shows)
     * @param onChanged       runs on the FX thread after assignments changed, e.g. to refresh the views
     */
    public AssignmentActions(Workspace workspace, BackgroundTasks tasks, Clock clock, AssignmentFiles files,
            Supplier<Optional<Long>> currentCustomer, Supplier<List<Long>> shownCustomers, Runnable onChanged) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.clock = clock;
        this.files = files;
        this.currentCustomer = currentCustomer;
        this.shownCustomers = shownCustomers;
        this.onChanged = onChanged;
    }

    private OpenForms forms;

    /**
     * Makes every assignment and batch window opened from now on one of {@code forms} while it is
     * open, so that quitting the app asks about its unsaved changes.
     */
    public void registerWith(OpenForms forms) {
        this.forms = forms;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The header's Assignments menu. */
    public MenuButton menu() {
        MenuItem customer = new MenuItem("Assignments of this customer…");
        customer.setId("assignCustomerItem");
        customer.setOnAction(e -> currentCustomer.get().ifPresentOrElse(
                tpid -> openAssignments(List.of(tpid), owner(e)),
                () -> info(owner(e), "No customer is open", "Open a customer in the Customer tab first.")));
        MenuItem batch = new MenuItem("Batch edit the customers shown…");
        batch.setId("batchEditItem");
        batch.setOnAction(e -> openBatch(shownCustomers.get(), owner(e)));
        MenuItem importCsv = new MenuItem("Import from CSV…");
        importCsv.setId("importCsvItem");
        importCsv.setOnAction(e -> importCsv(owner(e)));
        MenuItem exportCsv = new MenuItem("Export to CSV…");
        exportCsv.setId("exportCsvItem");
        exportCsv.setOnAction(e -> exportCsv(owner(e)));
        MenuItem undo = new MenuItem("Undo the last batch");
        undo.setId("undoBatchItem");
        undo.setDisable(true);
        undo.setOnAction(e -> undoLast(owner(e)));
        undoItem = undo;
        MenuButton menu = new MenuButton("Assignments", new FontIcon(Material2AL.ASSIGNMENT_IND), customer, batch,
                undo, new SeparatorMenuItem(), importCsv, exportCsv);
        menu.setId("assignmentsMenu");
        menu.setTooltip(new Tooltip("Assign people to customers, one customer or many; import and export CSV"));
        return menu;
    }

    private Window owner;
    private MenuItem undoItem;
    /** The last batch applied (from any batch window) that has not been undone. */
    private Optional<AppliedBatch> lastBatch = Optional.empty();

    private void undoable(Optional<AppliedBatch> batch) {
        lastBatch = batch;
        if (undoItem != null) {
            undoItem.setDisable(batch.isEmpty());
            undoItem.setText(batch.map(b -> "Undo: " + b.applied().title()).orElse("Undo the last batch"));
        }
    }

    /** Takes back the last batch applied, after its window was closed. */
    public void undoLast(Window owner) {
        lastBatch.ifPresent(batch -> {
            undoable(Optional.empty());
            tasks.run(() -> batch.undo(workspace.writes()),
                    done -> {
                        info(owner, "Batch undone", done.applied().summary() + ".");
                        onChanged.run();
                    },
                    failure -> {
                        undoable(Optional.of(batch));
                        Notices.error(owner, "The batch could not be undone; nothing was changed", failure);
                    });
        });
    }

    /** The window dialogs open over; menu items have no scene of their own. */
    public void setOwner(Window owner) {
        this.owner = owner;
    }

    private Window owner(Event e) {
        if (e.getSource() instanceof Node node && node.getScene() != null) {
            return node.getScene().getWindow();
        }
        return owner;
    }

    /** One customer opens its assignment dialog; several open the batch edit over them. */
    public void openAssignments(List<Long> tpids, Window owner) {
        if (tpids.isEmpty()) {
            return;
        }
        if (tpids.size() == 1) {
            AssignmentDialog.open(owner, workspace, tasks, tpids.get(0), today(), onChanged, forms);
        } else {
            openBatch(tpids, owner);
        }
    }

    /**
     * Opens the assignment dialog of {@code draft}'s customer with the draft's changes on top of the
     * assignments as stored now; {@code done} hears empty once it shows them, else why not.
     */
    public void restoreDraft(Draft draft, Window owner,
            Consumer<Optional<String>> done) {
        AssignmentDialog.open(owner, workspace, tasks, draft.tpid(), today(), onChanged, forms, draft, clock.instant(),
                done);
    }

    /** Opens the batch edit over {@code tpids}. */
    public void openBatch(List<Long> tpids, Window owner) {
        if (tpids.isEmpty()) {
            info(owner, "No customers to edit", "The list shows no customers; change the filter first.");
            return;
        }
        BatchAssignmentDialog dialog = new BatchAssignmentDialog(workspace, tasks, tpids, this::today, onChanged);
        dialog.setOnUndoable(this::undoable);
        registered(dialog, show(owner, "Batch edit assignments", dialog, 1000, 640));
    }

    /** Makes the batch window one of the open forms while it is open. */
    private void registered(BatchAssignmentDialog dialog, Stage stage) {
        if (forms != null) {
            Runnable unregister = forms.register(dialog.asOpenForm(stage));
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> unregister.run());
        }
    }

    /** Opens the batch edit over the tenants {@code tenantIds}, picked in the Portfolio's tenant list. */
    public void openTenantBatch(List<UUID> tenantIds, Window owner) {
        if (tenantIds.isEmpty()) {
            return;
        }
        BatchAssignmentDialog dialog = BatchAssignmentDialog.forTenants(workspace, tasks, tenantIds, this::today,
                onChanged);
        dialog.setOnUndoable(this::undoable);
        registered(dialog, show(owner, "Batch edit tenant assignments", dialog, 1000, 640));
    }

    /** Asks for a CSV file and shows the dry run of importing it. */
    public void importCsv(Window owner) {
        files.chooseImport(owner).ifPresent(file -> {
            Stage[] stage = new Stage[1];
            CsvImportDialog dialog = new CsvImportDialog(workspace, tasks, file, today(), () -> stage[0].close(),
                    onChanged);
            dialog.setOnUndoable(this::undoable);
            stage[0] = show(owner, "Import assignments", dialog, 1000, 600);
        });
    }

    /** Asks where to, then writes every assignment of the workspace as CSV. */
    public void exportCsv(Window owner) {
        files.chooseExport(owner, "assignments-" + workspace.profile() + ".csv").ifPresent(file -> tasks.run(
                () -> export(file),
                count -> info(owner, "Assignments exported", count + " assignment" + (count == 1 ? "" : "s")
                        + " written to " + file + "."),
                failure -> Notices.error(owner, "The assignments could not be exported", failure)));
    }

    private int export(Path file) throws IOException {
        var store = workspace.reads();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return AssignmentCsv.export(store.assignments().all(), store.validationContext(today()), out);
        }
    }

    private static Stage show(Window owner, String title, Parent content, double width, double height) {
        Stage stage = new Stage();
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(content, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static void info(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.CLOSE);
        alert.setTitle("FTOP Desktop");
        alert.setHeaderText(header);
        alert.getDialogPane().setId("assignmentInfoDialog");
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
