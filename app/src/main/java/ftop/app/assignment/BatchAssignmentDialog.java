package ftop.app.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import atlantafx.base.theme.Styles;
import ftop.app.edit.OpenForm;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.widgets.Plurals;
import ftop.app.workspace.Workspace;
import ftop.core.assignment.AppliedBatch;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.AssignmentEdit;
import ftop.core.assignment.AssignmentReader;
import ftop.core.assignment.AssignmentScope;
import ftop.core.assignment.BatchAssignment;
import ftop.core.assignment.BatchPreview;
import ftop.core.assignment.Role;
import ftop.core.user.User;

/**
 * Batch edits over many customers, or over tenants picked in the Portfolio's tenant list (see
 * {@link #forTenants}): assign a person to a role, unassign them, or replace one person with another. Preview lists per line what would be added, changed, handed over, removed, left
 * unchanged or refused (with why) before anything is written; Apply writes the preview as one
 * all-or-nothing step, and Undo takes that step back.
 */
public final class BatchAssignmentDialog extends BorderPane {

    /** The three batch operations. */
    enum Operation {
        ASSIGN("Assign"), UNASSIGN("Unassign"), REPLACE("Replace");

        final String label;

        Operation(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The scopes a batch assign offers; the first two only for a batch over tenants. */
    enum ScopeChoice {
        SELECTED_TENANTS("Selected tenants", AssignmentScope.SELECTED_TENANTS),
        CUSTOMER_AND_SELECTED("Customer and selected tenants",
                new AssignmentScope(true, AssignmentScope.Tenants.SELECTED)),
        CUSTOMER("Customer", AssignmentScope.CUSTOMER),
        CUSTOMER_AND_WINNER("Customer and winner tenant", AssignmentScope.CUSTOMER_AND_WINNER),
        EVERYTHING("Customer and all tenants", AssignmentScope.EVERYTHING);

        final String label;
        final AssignmentScope scope;

        ScopeChoice(String label, AssignmentScope scope) {
            this.label = label;
            this.scope = scope;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final List<Long> tpids;
    /** The tenants of a batch over tenants; empty for a batch over customers. */
    private final List<UUID> tenantIds;
    private final Supplier<LocalDate> today;
    private final Runnable onChanged;
    private Consumer<Optional<AppliedBatch>> onUndoable = batch -> { };

    private final ComboBox<Operation> operationBox = new ComboBox<>();
    private final ComboBox<AssignmentArea> areaBox = new ComboBox<>();
    private final ComboBox<Role> roleBox = new ComboBox<>();
    private final TextField userField = new TextField();
    private final Label toLabel = new Label("with");
    private final TextField toUserField = new TextField();
    private final ComboBox<ScopeChoice> scopeBox = new ComboBox<>();
    private final CheckBox primaryBox = new CheckBox("Primary");
    private static final Logger LOG = LoggerFactory.getLogger(BatchAssignmentDialog.class);

    private final Button previewButton = new Button("Preview", new FontIcon(Material2MZ.PREVIEW));
    private final Label summary = new Label();
    private final TableView<BatchPreview.Line> table = new TableView<>();
    private final Button applyButton = new Button("Apply", new FontIcon(Material2AL.CHECK));
    private final Button undoButton = new Button("Undo", new FontIcon(Material2MZ.UNDO));
    private final Button closeButton = new Button("Close");
    private final Label status = new Label();

    private List<User> users = List.of();
    private BatchPreview preview;
    private AppliedBatch applied;
    private boolean busy;
    /** Counts form changes, so a preview that finishes after the form changed is not offered for Apply. */
    private int generation;

    /**
     * @param tpids     the selected customers (or all that a filter shows)
     * @param today     the date validation judges by
     * @param onChanged runs on the FX thread after the store changed (apply or undo), e.g. to refresh views
     */
    public BatchAssignmentDialog(Workspace workspace, BackgroundTasks tasks, List<Long> tpids,
            Supplier<LocalDate> today, Runnable onChanged) {
        this(workspace, tasks, tpids, List.of(), today, onChanged);
    }

    /**
     * The batch edit over tenants picked in the Portfolio's tenant list: assign ticks exactly those
     * tenants (and Customer, if chosen) on each of their customers; unassign and replace touch only
     * those tenants. See {@link BatchAssignment#previewTenants}.
     *
     * @param tenantIds the selected tenants
     */
    public static BatchAssignmentDialog forTenants(Workspace workspace, BackgroundTasks tasks,
            List<UUID> tenantIds, Supplier<LocalDate> today, Runnable onChanged) {
        if (tenantIds.isEmpty()) {
            throw new IllegalArgumentException("A batch over tenants needs tenants.");
        }
        return new BatchAssignmentDialog(workspace, tasks, List.of(), tenantIds, today, onChanged);
    }

    private BatchAssignmentDialog(Workspace workspace, BackgroundTasks tasks, List<Long> tpids,
            List<UUID> tenantIds, Supplier<LocalDate> today, Runnable onChanged) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.tpids = List.copyOf(tpids);
        this.tenantIds = List.copyOf(tenantIds);
        this.today = today;
        this.onChanged = onChanged;
        setId("batchAssignmentDialog");
        getStyleClass().add("batch-assignment");
        setPadding(new Insets(16));

        boolean overTenants = !this.tenantIds.isEmpty();
        int count = overTenants ? this.tenantIds.size() : this.tpids.size();
        Label title = new Label("Batch edit assignments of " + Plurals.count(count, overTenants ? "tenant" : "customer"));
        title.setId("batchTitle");
        title.getStyleClass().add(Styles.TITLE_3);

        operationBox.setId("operationBox");
        operationBox.getItems().setAll(Operation.values());
        operationBox.getSelectionModel().select(Operation.ASSIGN);
        areaBox.setId("batchAreaBox");
        areaBox.getItems().setAll(AssignmentArea.values());
        areaBox.setConverter(AssignmentDialog.labels());
        roleBox.setId("batchRoleBox");
        roleBox.setConverter(AssignmentDialog.labels());
        areaBox.valueProperty().addListener((obs, old, area) -> {
            roleBox.getItems().setAll(area == null ? List.of() : area.roles());
            roleBox.getSelectionModel().selectFirst();
        });
        areaBox.getSelectionModel().select(AssignmentArea.CUSTOMER_HEALTH);
        userField.setId("batchUserField");
        userField.setPromptText("Person");
        toUserField.setId("batchToUserField");
        toUserField.setPromptText("Person who takes over");
        AssignmentDialog.completeNames(TextFields.bindAutoCompletion(userField, request -> suggestions(request.getUserText())));
        AssignmentDialog.completeNames(TextFields.bindAutoCompletion(toUserField,
                request -> suggestions(request.getUserText())));
        scopeBox.setId("batchScopeBox");
        if (overTenants) {
            scopeBox.getItems().setAll(ScopeChoice.values());
            scopeBox.getSelectionModel().select(ScopeChoice.SELECTED_TENANTS);
        } else {
            scopeBox.getItems().setAll(ScopeChoice.CUSTOMER, ScopeChoice.CUSTOMER_AND_WINNER, ScopeChoice.EVERYTHING);
            scopeBox.getSelectionModel().select(ScopeChoice.CUSTOMER);
        }
        primaryBox.setId("batchPrimaryBox");
        operationBox.valueProperty().addListener((obs, old, op) -> showFieldsFor(op));
        showFieldsFor(Operation.ASSIGN);
        // what Apply writes is exactly what the preview showed: any change to the form drops the preview
        areaBox.valueProperty().addListener((obs, old, now) -> clearPreview());
        roleBox.valueProperty().addListener((obs, old, now) -> clearPreview());
        userField.textProperty().addListener((obs, old, now) -> clearPreview());
        toUserField.textProperty().addListener((obs, old, now) -> clearPreview());
        scopeBox.valueProperty().addListener((obs, old, now) -> clearPreview());
        primaryBox.selectedProperty().addListener((obs, old, now) -> clearPreview());
        previewButton.setId("previewButton");
        previewButton.setOnAction(e -> preview());

        FlowPane form = new FlowPane(8, 8, operationBox, areaBox, roleBox, userField, toLabel, toUserField, scopeBox,
                primaryBox, previewButton);
        form.setAlignment(Pos.CENTER_LEFT);
        summary.setId("previewSummary");
        summary.setWrapText(true);
        setTop(new VBox(10, title, form, summary));

        table.setId("previewTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("Choose what to do and Preview: nothing is written before Apply."));
        table.getColumns().add(column("Customer", 200, l -> l.customerName().isEmpty() ? Long.toString(l.tpid())
                : l.customerName() + " (" + l.tpid() + ")"));
        table.getColumns().add(column("Outcome", 110, l -> l.outcome().name().toLowerCase(Locale.ROOT)
                + l.refusal().map(r -> " (" + r.name().toLowerCase(Locale.ROOT) + ")").orElse("")));
        table.getColumns().add(column("What happens", 520, l -> l.message()
                + l.warnings().stream().map(w -> " Warning: " + w.message()).reduce("", String::concat)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BatchPreview.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("batch-refused", "batch-removed", "batch-added", "batch-unchanged");
                if (!empty && line != null) {
                    switch (line.outcome()) {
                        case REFUSED -> getStyleClass().add("batch-refused");
                        case REMOVED -> getStyleClass().add("batch-removed");
                        case ADDED, CHANGED, REPLACED -> getStyleClass().add("batch-added");
                        case UNCHANGED -> getStyleClass().add("batch-unchanged");
                    }
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        BorderPane.setMargin(table, new Insets(10, 0, 10, 0));
        setCenter(table);

        applyButton.setId("applyButton");
        applyButton.getStyleClass().add(Styles.ACCENT);
        applyButton.setDisable(true);
        applyButton.setOnAction(e -> apply());
        undoButton.setId("undoButton");
        undoButton.setDisable(true);
        undoButton.setOnAction(e -> undo());
        status.setId("batchStatus");
        status.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Close (also Esc) leaves without applying, as Cancel does in every other dialog
        closeButton.setId("batchCloseButton");
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().hide();
            }
        });
        HBox bottom = new HBox(8, status, spacer, undoButton, applyButton, closeButton);
        bottom.setAlignment(Pos.CENTER_LEFT);
        setBottom(bottom);

        tasks.run(() -> workspace.writes().users().all(), all -> users = all,
                failure -> status.setText("The users could not be read: " + Notices.message(failure)));
    }

    /**
     * Told the batch that can now be undone after Apply, and empty after Undo; lets the app offer
     * Undo after this window is closed.
     */
    public void setOnUndoable(Consumer<Optional<AppliedBatch>> listener) {
        onUndoable = listener;
    }

    private List<String> suggestions(String typed) {
        String key = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return key.isEmpty() ? List.of() : users.stream()
                .filter(u -> u.displayName().toLowerCase(Locale.ROOT).contains(key)
                        || u.userId().toLowerCase(Locale.ROOT).contains(key))
                .map(AssignmentEditor::label).toList();
    }

    /** The sign-in name the field holds: a suggestion "Name (id)", a display name or an id as typed. */
    private String userId(TextField field) {
        String text = field.getText() == null ? "" : field.getText().strip();
        int open = text.lastIndexOf('(');
        if (open >= 0 && text.endsWith(")")) {
            return text.substring(open + 1, text.length() - 1).strip();
        }
        return users.stream().filter(u -> u.displayName().equalsIgnoreCase(text)).map(User::userId).findFirst()
                .orElse(text);
    }

    private void showFieldsFor(Operation op) {
        boolean replace = op == Operation.REPLACE;
        boolean assign = op == Operation.ASSIGN;
        for (var node : List.of(toLabel, toUserField)) {
            node.setVisible(replace);
            node.setManaged(replace);
        }
        for (var node : List.<Node>of(scopeBox, primaryBox)) {
            node.setVisible(assign);
            node.setManaged(assign);
        }
        clearPreview();
    }

    private Optional<AssignmentEdit> edit() {
        try {
            AssignmentArea area = areaBox.getValue();
            Role role = roleBox.getValue();
            return Optional.of(switch (operationBox.getValue()) {
                case ASSIGN -> new AssignmentEdit.Assign(area, role, userId(userField), scopeBox.getValue().scope,
                        primaryBox.isSelected());
                case UNASSIGN -> new AssignmentEdit.Unassign(area, role, userId(userField));
                case REPLACE -> new AssignmentEdit.Replace(area, role, userId(userField), userId(toUserField));
            });
        } catch (IllegalArgumentException | NullPointerException e) {
            status.setText(e.getMessage() == null ? "Choose the area and the role." : e.getMessage());
            return Optional.empty();
        }
    }

    private void clearPreview() {
        generation++;
        preview = null;
        table.getItems().clear();
        summary.setText("");
        applyButton.setDisable(true);
    }

    private void preview() {
        Optional<AssignmentEdit> edit = edit();
        if (edit.isEmpty() || busy) {
            return;
        }
        clearPreview();
        int asked = generation;
        busy(true, "Working out what would change…");
        long started = System.nanoTime();
        tasks.run(() -> {
                    AssignmentReader current = AssignmentReader.of(workspace.writes(), today.get());
                    return tenantIds.isEmpty()
                            ? BatchAssignment.preview(tpids, edit.get(), current, AssignmentDialog.permission(workspace))
                            : BatchAssignment.previewTenants(tenantIds, edit.get(), current,
                                    AssignmentDialog.permission(workspace));
                },
                result -> {
                    if (asked != generation) {
                        busy(false, "The form changed while the preview was worked out; Preview again.");
                        return;
                    }
                    busy(false, "");
                    preview = result;
                    table.getItems().setAll(result.lines());
                    // how long it took is for the log, not for the person waiting
                    LOG.info("Batch preview of {} lines worked out in {} ms", result.lines().size(),
                            (System.nanoTime() - started) / 1_000_000);
                    summary.setText(result.title() + ": " + result.summary() + ". Nothing is written before Apply.");
                    applyButton.setDisable(!result.hasChanges());
                    applyButton.setText(result.hasChanges() ? "Apply " + Plurals.count(result.lines().stream()
                            .filter(BatchPreview.Line::writes).count(), "change") : "Apply");
                },
                failure -> busy(false, "Preview failed: " + Notices.message(failure)));
    }

    private void apply() {
        apply(ok -> { });
    }

    /** What Apply does; {@code finished} hears true once the preview is written, false when it was not. */
    private void apply(Consumer<Boolean> finished) {
        if (preview == null || busy) {
            finished.accept(false);
            return;
        }
        BatchPreview toApply = preview;
        busy(true, "Applying…");
        tasks.run(() -> BatchAssignment.apply(toApply, workspace.writes()), done -> {
            applied = done;
            preview = null;
            applyButton.setDisable(true);
            busy(false, "Applied: " + done.applied().summary() + " (" + Plurals.count(done.mutations().size(), "edit")
                    + " queued for the server). Undo takes it back.");
            undoButton.setDisable(false);
            onUndoable.accept(Optional.of(done));
            onChanged.run();
            finished.accept(true);
        }, failure -> {
            busy(false, "Nothing was applied: " + Notices.message(failure) + " Preview again.");
            finished.accept(false);
        });
    }

    /**
     * The dialog as the quit guard sees it, in its window {@code stage}: a preview with changes that
     * was not applied is unsaved work; Save applies exactly that preview.
     */
    public OpenForm asOpenForm(Stage stage) {
        return new OpenForm() {
            @Override
            public String owner() {
                return "Batch edit";
            }

            @Override
            public String title() {
                return preview == null ? "a batch edit" : preview.title() + " (previewed, not applied)";
            }

            @Override
            public boolean hasUnsavedChanges() {
                return preview != null && preview.hasChanges() && !busy;
            }

            @Override
            public void save(Consumer<Boolean> done) {
                apply(done);
            }

            @Override
            public void discard() {
                stage.close();
            }

            @Override
            public void reveal() {
                stage.toFront();
                stage.requestFocus();
            }
        };
    }

    private void undo() {
        if (applied == null || busy) {
            return;
        }
        AppliedBatch toUndo = applied;
        busy(true, "Undoing…");
        tasks.run(() -> toUndo.undo(workspace.writes()), done -> {
            applied = null;
            undoButton.setDisable(true);
            table.getItems().setAll(done.applied().lines());
            busy(false, "Undone: " + done.applied().summary() + ".");
            onUndoable.accept(Optional.empty());
            onChanged.run();
        }, failure -> {
            busy(false, "Nothing was undone: " + Notices.message(failure));
            undoButton.setDisable(applied == null);
        });
    }

    private void busy(boolean now, String message) {
        busy = now;
        previewButton.setDisable(now);
        if (now) {
            applyButton.setDisable(true);
            undoButton.setDisable(true);
        }
        status.setText(message);
    }

    private static TableColumn<BatchPreview.Line, String> column(String title, double width,
            Function<BatchPreview.Line, String> text) {
        TableColumn<BatchPreview.Line, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        // a long line is cut to the column; its tooltip reads in full
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip full = new Tooltip();

            {
                full.setWrapText(true);
                full.setMaxWidth(520);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                full.setText(empty || item == null ? "" : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : full);
            }
        });
        return column;
    }
}
