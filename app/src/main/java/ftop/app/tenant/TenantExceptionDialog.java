package ftop.app.tenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import ftop.app.widgets.FieldError;
import ftop.core.tenant.Tenant;
import ftop.core.tenant.TenantOrigin;
import ftop.core.validation.Problem;
import ftop.core.validation.TenantExceptions;

/**
 * "Add tenant": the assignment team's tenant exception, a tenant added by hand with its TPID,
 * tenant ID, name, user count and origin. Enter adds, Esc or Cancel closes without adding. What is
 * wrong shows under its field, in the words of the rules the server uses, and goes as soon as the
 * field is changed; the dialog stays open with everything typed until the tenant is added.
 *
 * <p>Ids: {@code tenantExceptionDialog}; fields {@code exceptionTpid}, {@code exceptionTenantId},
 * {@code exceptionName}, {@code exceptionUsers}, {@code exceptionOrigin}, each with an
 * {@code ...Error} label; {@code exceptionCustomer} (the TPID's customer), {@code exceptionMessage},
 * buttons {@code exceptionAdd} and {@code exceptionCancel}.
 */
public final class TenantExceptionDialog extends Dialog<Tenant> {

    private final TenantExceptionModel model;
    private final TextField tpid = field("exceptionTpid", "e.g. 10404073");
    private final TextField tenantId = field("exceptionTenantId", "e.g. 0f8fad5b-d9cb-469f-a165-70867728950e");
    private final TextField name = field("exceptionName", "e.g. contoso.onmicrosoft.com");
    private final TextField users = field("exceptionUsers", "0 when not known yet");
    private final ComboBox<TenantOrigin> origin = new ComboBox<>();
    private final Label customer = new Label();
    private final Label message = FieldError.label("exceptionMessage");
    private final Map<String, Label> errors = Map.of(
            "tpid", FieldError.label("exceptionTpidError"),
            "tenantId", FieldError.label("exceptionTenantIdError"),
            "name", FieldError.label("exceptionNameError"),
            "userCount", FieldError.label("exceptionUsersError"),
            "origin", FieldError.label("exceptionOriginError"));
    private boolean busy;

    /**
     * @param model the workspace's tenant exceptions
     * @param customerTpid the customer to add to, when the dialog is opened from one; empty otherwise
     */
    public TenantExceptionDialog(TenantExceptionModel model, OptionalLong customerTpid) {
        this.model = model;
        setTitle("Add tenant");
        setHeaderText("Add a tenant by hand (tenant exception)");
        getDialogPane().setId("tenantExceptionDialog");
        ButtonType add = new ButtonType("Add tenant", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, add);
        Button addButton = (Button) getDialogPane().lookupButton(add);
        addButton.setId("exceptionAdd");
        addButton.setDefaultButton(true);
        addButton.setMinWidth(Control.USE_PREF_SIZE);
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("exceptionCancel");
        cancel.setMinWidth(Control.USE_PREF_SIZE);
        // Add checks first and closes only once the tenant is stored
        addButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            submit();
        });
        setResultConverter(button -> null);

        origin.setId("exceptionOrigin");
        origin.getItems().setAll(TenantOrigin.TENANT_EXCEPTION, TenantOrigin.REQUEST_FOR_ASSISTANCE);
        origin.setValue(TenantOrigin.TENANT_EXCEPTION);
        origin.setCellFactory(list -> new OriginCell());
        origin.setButtonCell(new OriginCell());
        origin.setMaxWidth(Double.MAX_VALUE);
        origin.valueProperty().addListener((obs, old, now) -> errors.get("origin").setText(""));

        customer.setId("exceptionCustomer");
        customer.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        customer.setWrapText(true);
        tpid.textProperty().addListener((obs, old, now) -> lookUpCustomer(now));
        customerTpid.ifPresent(value -> tpid.setText(Long.toString(value)));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Control.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints(380);
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, inputs);
        row(grid, 0, "TPID", this.tpid, new VBox(2, this.tpid, customer, errors.get("tpid")));
        row(grid, 1, "Tenant ID", tenantId, new VBox(2, tenantId, errors.get("tenantId")));
        row(grid, 2, "Tenant name", name, new VBox(2, name, errors.get("name")));
        row(grid, 3, "User count", users, new VBox(2, users, errors.get("userCount")));
        row(grid, 4, "Origin", origin, new VBox(2, origin, errors.get("origin")));
        Label why = new Label("For a tenant that entered FastTrack by exception, or whose request for assistance "
                + "named a tenant FTOP does not have. The commerce feed adds the others by itself.");
        why.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        why.setWrapText(true);
        VBox content = new VBox(12, why, grid, message);
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefWidth(560);
        getDialogPane().setContent(content);
        clearsItsError(tenantId, "tenantId");
        clearsItsError(name, "name");
        clearsItsError(users, "userCount");
        clearsItsError(this.tpid, "tpid");
        setOnShown(e -> (this.tpid.getText().isEmpty() ? this.tpid : tenantId).requestFocus());
    }

    /** Opens the dialog (not waiting for it); {@code added} hears the tenant once it is stored. */
    public static TenantExceptionDialog open(Window owner, TenantExceptionModel model, OptionalLong tpid,
            Consumer<Tenant> added) {
        TenantExceptionDialog dialog = new TenantExceptionDialog(model, tpid);
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        dialog.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                added.accept(now);
            }
        });
        dialog.show();
        return dialog;
    }

    private void submit() {
        if (busy) {
            return;
        }
        busy = true;
        errors.values().forEach(label -> label.setText(""));
        message.setText("");
        TenantExceptions.Entry entry = new TenantExceptions.Entry(tenantId.getText(), name.getText(), tpid.getText(),
                users.getText(), origin.getValue());
        model.add(entry, outcome -> {
            busy = false;
            if (outcome.added().isPresent()) {
                setResult(outcome.added().get());
                close();
                return;
            }
            show(outcome.problems());
        });
    }

    private void show(List<Problem> problems) {
        Node first = null;
        StringBuilder other = new StringBuilder();
        for (Problem p : problems) {
            Label label = errors.get(p.field() == null ? "" : p.field());
            if (label == null) {
                other.append(other.isEmpty() ? "" : " ").append(p.message());
                continue;
            }
            label.setText(label.getText().isEmpty() ? p.message() : label.getText() + " " + p.message());
            if (first == null) {
                first = inputOf(p.field());
            }
        }
        message.setText(other.isEmpty() ? "" : "The tenant was not added: " + other);
        (first == null ? tpid : first).requestFocus();
    }

    private Node inputOf(String field) {
        return switch (field) {
            case "tpid" -> tpid;
            case "tenantId" -> tenantId;
            case "name" -> name;
            case "userCount" -> users;
            default -> origin;
        };
    }

    /** Names the customer of the TPID typed, so a wrong number shows before Add. */
    private void lookUpCustomer(String text) {
        customer.setText("");
        Optional<Long> value = parse(text);
        if (value.isEmpty()) {
            return;
        }
        model.customerName(value.get(), found -> {
            if (parse(tpid.getText()).equals(value)) {
                customer.setText(found.map(n -> "Customer: " + n)
                        .orElse("No customer with this TPID in this workspace."));
            }
        });
    }

    private static Optional<Long> parse(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void clearsItsError(TextField input, String field) {
        input.textProperty().addListener((obs, old, now) -> errors.get(field).setText(""));
    }

    private static void row(GridPane grid, int row, String text, Node input, Node cell) {
        Label label = new Label(text);
        label.setLabelFor(input);
        label.setMinWidth(Control.USE_PREF_SIZE);
        label.getStyleClass().add("field-label");
        GridPane.setValignment(label, VPos.TOP);
        label.setPadding(new Insets(6, 0, 0, 0));
        grid.add(label, 0, row);
        grid.add(cell, 1, row);
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** An origin by its seed label. */
    private static final class OriginCell extends ListCell<TenantOrigin> {
        @Override
        protected void updateItem(TenantOrigin item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }
}
