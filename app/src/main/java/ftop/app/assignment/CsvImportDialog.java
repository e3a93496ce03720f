package ftop.app.assignment;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.Workspace;
import ftop.core.assignment.AppliedBatch;
import ftop.core.assignment.AssignmentCsv;
import ftop.core.assignment.AssignmentReader;
import ftop.core.assignment.CsvImport;

/**
 * The dry run of an assignment CSV import: what each line of the file would do, bad lines with
 * their number and reason. By default a file with any bad line imports nothing; the person may
 * choose to import the good lines anyway. Importing is one all-or-nothing write that can be undone.
 */
public final class CsvImportDialog extends BorderPane {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Runnable onChanged;
    private final TableView<CsvImport.ImportLine> table = new TableView<>();
    private final Label summary = new Label("Reading the file…");
    private final CheckBox applyValid = new CheckBox("Import the good lines anyway");
    private final Button importButton = new Button("Import");
    private final Button undoButton = new Button("Undo import");
    private final Button closeButton = new Button("Close");
    private final Label status = new Label();
    private Consumer<Optional<AppliedBatch>> onUndoable = batch -> { };
    private CsvImport dryRun;
    private AppliedBatch imported;

    /**
     * Reads {@code file} in the background and shows its dry run.
     *
     * @param close     closes the window the dialog is in
     * @param onChanged runs on the FX thread after the import or its undo changed the store
     */
    public CsvImportDialog(Workspace workspace, BackgroundTasks tasks, Path file, LocalDate today,
            Runnable close, Runnable onChanged) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.onChanged = onChanged;
        setId("csvImportDialog");
        setPadding(new Insets(16));
        Label title = new Label("Import assignments from " + file.getFileName());
        title.getStyleClass().add(Styles.TITLE_3);
        summary.setId("importSummary");
        summary.setWrapText(true);
        setTop(new VBox(8, title, summary));

        table.setId("importTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Line", 60, l -> Integer.toString(l.line())));
        table.getColumns().add(column("Outcome", 100, l -> l.status().name().toLowerCase(Locale.ROOT)));
        table.getColumns().add(column("Customer", 200, l -> l.tpid() == 0 ? "" : l.customerName() + " (" + l.tpid() + ")"));
        table.getColumns().add(column("What happens", 520, l -> l.message()
                + l.warnings().stream().map(w -> " Warning: " + w.message()).reduce("", String::concat)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CsvImport.ImportLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("batch-refused");
                if (!empty && line != null && line.status() == CsvImport.Status.BAD) {
                    getStyleClass().add("batch-refused");
                }
            }
        });
        BorderPane.setMargin(table, new Insets(10, 0, 10, 0));
        setCenter(table);

        applyValid.setId("applyValidBox");
        applyValid.setVisible(false);
        applyValid.selectedProperty().addListener((obs, old, now) -> refreshButtons());
        importButton.setId("importButton");
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setDisable(true);
        importButton.setOnAction(e -> runImport());
        undoButton.setId("undoImportButton");
        undoButton.setVisible(false);
        undoButton.setOnAction(e -> undo());
        closeButton.setId("importCloseButton");
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        status.setId("importStatus");
        status.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(8, applyValid, status, spacer, undoButton, closeButton, importButton);
        bottom.setAlignment(Pos.CENTER_LEFT);
        setBottom(bottom);

        tasks.run(() -> {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return AssignmentCsv.read(in, AssignmentReader.of(workspace.writes(), today),
                        AssignmentDialog.permission(workspace));
            }
        }, this::show, failure -> summary.setText("The file could not be read: " + Notices.message(failure)));
    }

    /** Told the import that can now be undone, and empty after Undo; lets the app offer Undo later. */
    public void setOnUndoable(Consumer<Optional<AppliedBatch>> listener) {
        onUndoable = listener;
    }

    private void show(CsvImport result) {
        dryRun = result;
        table.getItems().setAll(result.lines());
        long writes = result.lines().stream().filter(CsvImport.ImportLine::writes).count();
        String text = "Dry run: " + result.summary() + ". Nothing has been written.";
        if (result.hasBadLines()) {
            int bad = result.badLines().size();
            text += " " + bad + " bad line" + (bad == 1 ? "" : "s") + " (" + result.badLines().stream()
                    .map(l -> Integer.toString(l.line())).reduce((a, b) -> a + ", " + b).orElse("")
                    + "): fix the file, or import the good lines anyway.";
            summary.getStyleClass().add(Styles.DANGER);
        }
        summary.setText(text);
        applyValid.setVisible(result.hasBadLines() && writes > 0);
        importButton.setText(writes == 0 ? "Import" : "Import " + writes + " change" + (writes == 1 ? "" : "s"));
        refreshButtons();
    }

    private void refreshButtons() {
        boolean writes = dryRun != null && dryRun.lines().stream().anyMatch(CsvImport.ImportLine::writes);
        boolean blocked = dryRun != null && dryRun.hasBadLines() && !applyValid.isSelected();
        importButton.setDisable(dryRun == null || imported != null || !writes || blocked);
    }

    private void runImport() {
        CsvImport toImport = dryRun;
        boolean anyway = applyValid.isSelected();
        importButton.setDisable(true);
        status.setText("Importing…");
        tasks.run(() -> toImport.apply(workspace.writes(), anyway), done -> {
            imported = done;
            status.setText("Imported: " + done.applied().summary() + ".");
            undoButton.setVisible(true);
            refreshButtons();
            onUndoable.accept(Optional.of(done));
            onChanged.run();
        }, failure -> {
            status.setText("Nothing was imported: " + Notices.message(failure));
            refreshButtons();
        });
    }

    private void undo() {
        AppliedBatch toUndo = imported;
        undoButton.setDisable(true);
        tasks.run(() -> toUndo.undo(workspace.writes()), done -> {
            status.setText("Import undone: " + done.applied().summary() + ".");
            undoButton.setVisible(false);
            onUndoable.accept(Optional.empty());
            onChanged.run();
        }, failure -> {
            status.setText("Nothing was undone: " + Notices.message(failure));
            undoButton.setDisable(false);
        });
    }

    private static TableColumn<CsvImport.ImportLine, String> column(String title, double width,
            Function<CsvImport.ImportLine, String> text) {
        TableColumn<CsvImport.ImportLine, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }
}
