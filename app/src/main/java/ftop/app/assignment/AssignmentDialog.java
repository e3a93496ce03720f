package ftop.app.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Accordion;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import atlantafx.base.theme.Styles;
import ftop.app.edit.DraftForm;
import ftop.app.edit.DraftKey;
import ftop.app.edit.DraftNotice;
import ftop.app.edit.OpenForm;
import ftop.app.edit.OpenForms;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.Workspace;
import ftop.core.Labelled;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.EditPermission;
import ftop.core.assignment.Role;
import ftop.core.customer.Customer;
import ftop.core.store.Draft;
import ftop.core.store.WorkspaceReads;
import ftop.core.store.ValidationException;
import ftop.core.tenant.Tenant;
import ftop.core.validation.Problem;

/**
 * The assignment dialog of one customer, as the Customer Assignments walk-through has it: choose
 * the area and a role it offers, type a person's name (auto-complete) and Add; each person appears
 * under their role with tick boxes for the scope (Customer and each tenant) and Primary; expand a
 * role to Delete a person. Rule warnings show live; Save writes everything in one
 * {@link LocalStore#saveAll} (validation and outbox in one transaction), Cancel discards.
 */
public final class AssignmentDialog extends BorderPane {

    private final AssignmentEditor editor;
    private final Runnable close;
    private final SaveAction saveAction;
    private final ComboBox<AssignmentArea> areaBox = new ComboBox<>();
    private final ComboBox<Role> roleBox = new ComboBox<>();
    private final TextField userField = new TextField();
    private final Label addMessage = new Label();
    private final Accordion groups = new Accordion();
    private final VBox warningsBox = new VBox(4);
    private final Label problemLabel = new Label();
    private final Button saveButton = new Button("Save");
    private final Button cancelButton = new Button("Cancel");
    private final Label notice = new Label();
    private boolean saving;
    /** Set once the window is gone (saved or not): nothing is unsaved here any more. */
    private boolean closed;
    private final List<Runnable> listeners = new ArrayList<>();

    /** Writes the editor's changes; calls back on the FX thread with the failure message, or empty when saved. */
    @FunctionalInterface
    public interface SaveAction {
        void save(AssignmentEditor editor, Consumer<Optional<String>> done);
    }

    /**
     * @param editor the customer's assignments being edited
     * @param save   writes them (in the background)
     * @param close  closes the window the dialog is in
     */
    public AssignmentDialog(AssignmentEditor editor, SaveAction save, Runnable close) {
        this.editor = editor;
        this.saveAction = save;
        this.close = close;
        setId("assignmentDialog");
        getStyleClass().add("assignment-dialog");
        setPadding(new Insets(16));

        Label title = new Label("Assignments of " + editor.customer().name());
        title.setId("assignmentTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        Label tpid = new Label("TPID " + editor.customer().tpid());
        tpid.getStyleClass().add(Styles.TEXT_MUTED);
        VBox head = new VBox(2, title, tpid);

        areaBox.setId("areaBox");
        areaBox.getItems().setAll(AssignmentArea.values());
        areaBox.setConverter(labels());
        areaBox.setPromptText("Area");
        roleBox.setId("roleBox");
        roleBox.setConverter(labels());
        roleBox.setPromptText("Role");
        // each area offers its own roles
        areaBox.valueProperty().addListener((obs, old, area) -> {
            roleBox.getItems().setAll(area == null ? List.of() : area.roles());
            roleBox.getSelectionModel().selectFirst();
        });
        areaBox.getSelectionModel().select(AssignmentArea.CUSTOMER_HEALTH);
        userField.setId("userField");
        userField.setPromptText("Start typing a name");
        userField.setPrefColumnCount(22);
        completeNames(TextFields.bindAutoCompletion(userField, request -> editor.suggestions(request.getUserText())));
        Button add = new Button("Add", new FontIcon(Material2AL.ADD));
        add.setId("addButton");
        add.setDefaultButton(false);
        add.setOnAction(e -> add());
        userField.setOnAction(e -> add());
        // the choices and Add keep their words; the name field gives way on a narrow window
        areaBox.setMinWidth(Region.USE_PREF_SIZE);
        roleBox.setMinWidth(Region.USE_PREF_SIZE);
        add.setMinWidth(Region.USE_PREF_SIZE);
        userField.setMinWidth(140);
        HBox.setHgrow(userField, Priority.ALWAYS);
        HBox adder = new HBox(8, areaBox, roleBox, userField, add);
        adder.setAlignment(Pos.CENTER_LEFT);
        addMessage.setId("addMessage");
        addMessage.getStyleClass().add(Styles.DANGER);
        addMessage.setWrapText(true);
        addMessage.managedProperty().bind(addMessage.textProperty().isNotEmpty());
        notice.setId("assignmentNotice");
        notice.getStyleClass().addAll("section-notice", Styles.TEXT_SMALL);
        notice.setGraphic(new FontIcon(Material2MZ.RESTORE_PAGE));
        notice.setWrapText(true);
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        VBox top = new VBox(10, head, notice, adder, addMessage);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        groups.setId("assignmentGroups");
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(320);
        setCenter(scroll);

        warningsBox.setId("warningsBox");
        problemLabel.setId("problemLabel");
        problemLabel.getStyleClass().add(Styles.DANGER);
        problemLabel.setWrapText(true);
        problemLabel.managedProperty().bind(problemLabel.textProperty().isNotEmpty());
        saveButton.setId("saveButton");
        saveButton.getStyleClass().add(Styles.ACCENT);
        saveButton.setDefaultButton(true);
        saveButton.setOnAction(e -> save());
        cancelButton.setId("cancelButton");
        cancelButton.setCancelButton(true);
        cancelButton.setOnAction(e -> close.run());
        ButtonBar.setButtonData(saveButton, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(cancelButton, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(saveButton, cancelButton);
        VBox bottom = new VBox(8, warningsBox, problemLabel, buttons);
        bottom.setPadding(new Insets(12, 0, 0, 0));
        setBottom(bottom);

        editor.refusal().ifPresent(why -> {
            adder.setDisable(true);
            addMessage.setText(why);
        });
        refresh();
    }

    /**
     * Reads the customer's assignments, tenants and the users in the background and opens the
     * dialog over {@code owner}; {@code onSaved} runs after a Save.
     */
    public static void open(Window owner, Workspace workspace, BackgroundTasks tasks, long tpid, LocalDate today,
            Runnable onSaved) {
        open(owner, workspace, tasks, tpid, today, onSaved, null);
    }

    /**
     * As {@link #open(Window, Workspace, BackgroundTasks, long, LocalDate, Runnable)}; while it is
     * open the dialog is one of {@code forms}, so quitting the app asks about its unsaved changes.
     */
    public static void open(Window owner, Workspace workspace, BackgroundTasks tasks, long tpid, LocalDate today,
            Runnable onSaved, OpenForms forms) {
        open(owner, workspace, tasks, tpid, today, onSaved, forms, null, null, restored -> { });
    }

    /**
     * As above, opening with {@code draft}'s changes on top of the assignments as stored now (when
     * it is not null; {@code now} says when that is); {@code restored} then hears empty, or why the
     * draft could not be opened.
     */
    public static void open(Window owner, Workspace workspace, BackgroundTasks tasks, long tpid, LocalDate today,
            Runnable onSaved, OpenForms forms, Draft draft, Instant now,
            Consumer<Optional<String>> restored) {
        tasks.run(() -> load(workspace, tpid, today), editor -> {
            Stage stage = new Stage();
            stage.setTitle("Assignments - " + editor.customer().name());
            if (owner != null) {
                stage.initOwner(owner);
                stage.initModality(Modality.WINDOW_MODAL);
            }
            AssignmentDialog dialog = new AssignmentDialog(editor, saver(workspace, tasks), () -> {
                stage.close();
            });
            Scene scene = new Scene(dialog, 860, 600);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
            Runnable unregister = forms == null ? () -> { } : forms.register(dialog.asOpenForm(stage));
            stage.setOnHidden(e -> {
                // saved or cancelled: its draft goes
                dialog.closed = true;
                dialog.changed();
                unregister.run();
                if (dialog.saved) {
                    onSaved.run();
                }
            });
            stage.show();
            // open now: a draft kept from before for these assignments comes back into it
            dialog.changed();
            if (draft != null) {
                restored.accept(dialog.restore(draft, now));
            }
        }, failure -> {
            Notices.error(owner, "The assignments could not be read", failure);
            if (draft != null) {
                restored.accept(Optional.of(Notices.message(failure)));
            }
        });
    }

    private boolean saved;

    /** Builds the editor for {@code tpid} from the store; call in the background. */
    public static AssignmentEditor load(Workspace workspace, long tpid, LocalDate today) {
        WorkspaceReads store = workspace.reads();
        Customer customer = store.customers().get(Long.toString(tpid))
                .orElseThrow(() -> new IllegalArgumentException("There is no customer " + tpid + " in this workspace."));
        List<Assignment> current = store.assignments().byTpid(tpid);
        Optional<String> refusal = permission(workspace).refusal(customer, current, AssignmentArea.CUSTOMER_HEALTH,
                Role.FM);
        return new AssignmentEditor(customer, store.tenants().byTpid(tpid), current, store.users().all(),
                store.validationContext(today), refusal);
    }

    /** The signed-in user's permission to change assignments; a user the workspace does not know may change none. */
    static EditPermission permission(Workspace workspace) {
        return workspace.writes().users().get(workspace.userId()).map(EditPermission::of)
                .orElse((customer, assignments, area, role) -> Optional.of("You are signed in as \""
                        + workspace.userId() + "\", whom this workspace does not know, so you may not change "
                        + "assignments; sync to get the list of users."));
    }

    /** Saves through the store in the background: one saveAll, so all rows and outbox entries or none. */
    public static SaveAction saver(Workspace workspace, BackgroundTasks tasks) {
        return (editor, done) -> tasks.run(() -> workspace.writes().saveAll(editor.saves(), editor.deletes()),
                mutations -> done.accept(Optional.empty()),
                failure -> done.accept(Optional.of(Notices.message(failure))));
    }

    private void add() {
        Optional<String> problem = editor.add(areaBox.getValue(), roleBox.getValue(), userField.getText());
        addMessage.setText(problem.orElse(""));
        if (problem.isEmpty()) {
            userField.clear();
            expandOnRefresh = groupKey(areaBox.getValue(), roleBox.getValue());
            refresh();
        }
    }

    private String expandOnRefresh;

    private void save() {
        save(saved -> { });
    }

    /** What Save does; {@code done} hears true once written (the dialog then closes), false when refused. */
    void save(Consumer<Boolean> done) {
        if (saving) {
            done.accept(false);
            return;
        }
        if (!editor.problems().isEmpty()) {
            // the problems already show under the groups; Save stays disabled until they are fixed
            done.accept(false);
            return;
        }
        saving = true;
        saveButton.setDisable(true);
        problemLabel.setText("Saving…");
        saveAction.save(editor, failure -> {
            saving = false;
            if (failure.isEmpty()) {
                saved = true;
                close.run();
                done.accept(true);
            } else {
                // nothing was written: the edits stay in the dialog to be fixed and saved again
                problemLabel.setText("Not saved: " + failure.get());
                refreshButtons();
                done.accept(false);
            }
        });
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** Puts back what {@code draft} changed, on top of the assignments as stored now; empty once done, else why not. */
    private Optional<String> restore(Draft draft, Instant now) {
        if (editor.refusal().isPresent()) {
            return editor.refusal();
        }
        boolean changedSince = draft.baseDiffersFrom(editor.draftBase());
        editor.restore(draft.changes());
        notice.setText(DraftNotice.restored(draft, changedSince, "assignments", now));
        refresh();
        return Optional.empty();
    }

    /** The dialog as the quit guard sees it, in its window {@code stage}; what is changed is kept as a draft. */
    OpenForm asOpenForm(Stage stage) {
        return new OpenForm() {
            @Override
            public void addChangeListener(Runnable listener) {
                listeners.add(listener);
            }

            @Override
            public Optional<DraftKey> draftKey() {
                return editor.refusal().isPresent() ? Optional.empty()
                        : Optional.of(DraftKey.ofCustomer(DraftForm.ASSIGNMENTS,
                                editor.customer().tpid()));
            }

            @Override
            public Map<String, String> draftValues() {
                return editor.draftValues();
            }

            @Override
            public Map<String, String> draftBase() {
                return editor.draftBase();
            }

            @Override
            public String owner() {
                return editor.customer().name();
            }

            @Override
            public String title() {
                return "Assignments";
            }

            @Override
            public boolean hasUnsavedChanges() {
                return editor.dirty() && !saved && !closed;
            }

            @Override
            public boolean isOpen() {
                return !closed;
            }

            @Override
            public void save(Consumer<Boolean> done) {
                AssignmentDialog.this.save(done);
            }

            @Override
            public void discard() {
                close.run();
            }

            @Override
            public void reveal() {
                stage.toFront();
                stage.requestFocus();
            }
        };
    }

    /** Rebuilds the groups, warnings and the Save button from the editor. */
    private void refresh() {
        String expanded = groups.getExpandedPane() == null ? expandOnRefresh
                : (String) groups.getExpandedPane().getUserData();
        if (expandOnRefresh != null) {
            expanded = expandOnRefresh;
            expandOnRefresh = null;
        }
        Map<String, List<Assignment>> byGroup = new LinkedHashMap<>();
        for (Assignment a : editor.assignments()) {
            byGroup.computeIfAbsent(groupKey(a.area(), a.role()), k -> new ArrayList<>()).add(a);
        }
        List<TitledPane> panes = new ArrayList<>();
        TitledPane toExpand = null;
        for (Map.Entry<String, List<Assignment>> group : byGroup.entrySet()) {
            Assignment first = group.getValue().get(0);
            VBox rows = new VBox(6);
            group.getValue().forEach(a -> rows.getChildren().add(row(a)));
            TitledPane pane = new TitledPane(first.role().label() + " · " + first.area().label() + " ("
                    + group.getValue().size() + ")", rows);
            pane.setId("group-" + group.getKey());
            pane.setUserData(group.getKey());
            // rows are rebuilt on every change: an animation would replay each time
            pane.setAnimated(false);
            panes.add(pane);
            if (group.getKey().equals(expanded)) {
                toExpand = pane;
            }
        }
        groups.getPanes().setAll(panes);
        if (toExpand != null) {
            groups.setExpandedPane(toExpand);
        }
        if (panes.isEmpty()) {
            Label none = new Label("Nobody is assigned yet. Choose an area and a role, type a name and Add.");
            none.setId("noAssignments");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            setCenter(none);
        } else if (!(getCenter() instanceof ScrollPane)) {
            ScrollPane scroll = new ScrollPane(groups);
            scroll.setFitToWidth(true);
            setCenter(scroll);
        }

        warningsBox.getChildren().clear();
        for (String warning : editor.warnings()) {
            Label label = new Label(warning, new FontIcon(Material2MZ.WARNING));
            label.getStyleClass().addAll(Styles.WARNING, "assignment-warning");
            label.setWrapText(true);
            warningsBox.getChildren().add(label);
        }
        List<String> problems = editor.problems();
        problemLabel.setText(String.join("\n", problems));
        refreshButtons();
        changed();
    }

    private void refreshButtons() {
        saveButton.setDisable(saving || !editor.dirty() || !editor.problems().isEmpty());
    }

    private FlowPane row(Assignment a) {
        String key = idPart(a.role().name() + "_" + a.userId());
        Label name = new Label(editor.displayName(a.userId()));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(140);
        name.setTooltip(new Tooltip(a.userId()));
        CheckBox customerBox = new CheckBox("Customer");
        customerBox.setId("customer-" + key);
        customerBox.setSelected(a.customerScope());
        customerBox.setOnAction(e -> {
            editor.setCustomerScope(a.id(), customerBox.isSelected());
            refresh();
        });
        FlowPane row = new FlowPane(12, 6, name, customerBox);
        row.setId("row-" + key);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("assignment-row");
        int index = 0;
        for (Tenant tenant : editor.tenants()) {
            CheckBox box = new CheckBox(tenant.name() + (tenant.winner() ? " ★" : ""));
            box.setId("tenant-" + key + "-" + index++);
            box.setSelected(a.coversTenant(tenant.tenantId()));
            if (tenant.winner()) {
                box.setTooltip(new Tooltip("The winner tenant (SLT Watchlist): where the primary FM/FTA is assigned"));
            }
            UUID tenantId = tenant.tenantId();
            box.setOnAction(e -> {
                editor.setTenant(a.id(), tenantId, box.isSelected());
                refresh();
            });
            row.getChildren().add(box);
        }
        if (a.role().ownsHealth()) {
            CheckBox primary = new CheckBox("Primary");
            primary.setId("primary-" + key);
            primary.setSelected(a.primary());
            primary.setOnAction(e -> {
                editor.setPrimary(a.id(), primary.isSelected());
                refresh();
            });
            row.getChildren().add(primary);
        }
        Button delete = new Button("Delete", new FontIcon(Material2AL.DELETE));
        delete.setId("delete-" + key);
        delete.getStyleClass().addAll(Styles.FLAT, Styles.DANGER);
        delete.setOnAction(e -> {
            editor.delete(a.id());
            expandOnRefresh = groupKey(a.area(), a.role());
            refresh();
        });
        row.getChildren().add(delete);
        boolean locked = editor.refusal().isPresent();
        row.getChildren().stream().filter(n -> n != name).forEach(n -> n.setDisable(locked));
        HBox.setHgrow(row, Priority.ALWAYS);
        return row;
    }

    /**
     * Lets a click outside the suggestions reach what was clicked (Add, another field) while it
     * closes them; by default the first click only closes the suggestions.
     */
    static void completeNames(org.controlsfx.control.textfield.AutoCompletionBinding<String> binding) {
        binding.getAutoCompletionPopup().setConsumeAutoHidingEvents(false);
    }

    private static String groupKey(AssignmentArea area, Role role) {
        return area.name() + "_" + role.name();
    }

    /** A string safe inside a node id (a dot would read as a style class in a lookup). */
    static String idPart(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static <T extends Labelled> StringConverter<T> labels() {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : value.label();
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from the list only");
            }
        };
    }

    /** Fails with the store's words for a refused save, for the dialog's message. */
    static String problems(ValidationException e) {
        return e.problems().stream().map(Problem::message).reduce((a, b) -> a + " " + b).orElse(e.getMessage());
    }
}
