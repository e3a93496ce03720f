package ftop.app.widgets;

import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A titled card that is read-only until its pencil is clicked; then Save and Cancel show. It knows
 * nothing of what it holds: the owner switches its fields when {@link #editingProperty() editing}
 * changes, does the saving in {@link #setOnSave} and calls {@link #finishEditing()} once it worked.
 *
 * <p>Esc while editing is Cancel, and the focus goes back to the pencil, so the card can be
 * edited and left from the keyboard.
 *
 * <p>Ids, from the {@code key} given: {@code <key>Section} (the card), {@code <key>Edit} (the
 * pencil), {@code <key>Save}, {@code <key>Cancel} and {@code <key>Message} (what went wrong).
 */
public class PencilSection extends VBox {

    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final Button pencil = new Button(null, new FontIcon(Material2AL.EDIT));
    private final Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
    private final Button cancel = new Button("Cancel");
    private final Label message = new Label();
    private final Label notice = new Label();
    private final HBox actions;
    private Runnable onEdit = () -> { };
    private Runnable onSave = () -> { };
    private Runnable onCancel = () -> { };

    public PencilSection(String key, String title, Ikon icon, Node body) {
        Objects.requireNonNull(key, "key");
        setId(key + "Section");
        getStyleClass().addAll("section-card", "pencil-section");

        Label heading = new Label(title, icon == null ? null : new FontIcon(icon));
        heading.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        pencil.setId(key + "Edit");
        pencil.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        pencil.setTooltip(new Tooltip("Edit " + title));
        pencil.visibleProperty().bind(editable.and(editing.not()));
        pencil.managedProperty().bind(pencil.visibleProperty());
        pencil.setOnAction(e -> startEditing());
        HBox header = new HBox(8, heading, spacer, pencil);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMinHeight(32);

        message.setId(key + "Message");
        message.getStyleClass().addAll("section-message", Styles.DANGER);
        message.setWrapText(true);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        notice.setId(key + "Notice");
        notice.getStyleClass().addAll("section-notice", Styles.TEXT_SMALL);
        notice.setGraphic(new FontIcon(Material2MZ.RESTORE_PAGE));
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty().and(editing.getReadOnlyProperty()));
        notice.managedProperty().bind(notice.visibleProperty());

        save.setId(key + "Save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(busy);
        save.setOnAction(e -> onSave.run());
        cancel.setId(key + "Cancel");
        cancel.disableProperty().bind(busy);
        cancel.setOnAction(e -> cancelEditing());
        actions = new HBox(8, cancel, save);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.visibleProperty().bind(editing.getReadOnlyProperty());
        actions.managedProperty().bind(actions.visibleProperty());

        getChildren().addAll(header, notice, body, message, actions);
        editing.addListener((obs, old, now) -> pseudoClassStateChanged(
                PseudoClass.getPseudoClass("editing"), now));
        // a handler, not a filter: an open popup (a combo box list, a date picker) closes on Esc first
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && editing.get() && !busy.get()) {
                e.consume();
                cancelEditing();
                pencil.requestFocus();
            }
        });
    }

    /** What the pencil does; also callable from code (e.g. a keyboard shortcut). */
    public void startEditing() {
        if (!editable.get() || editing.get()) {
            return;
        }
        message.setText("");
        onEdit.run();
        editing.set(true);
    }

    /** Leaves edit mode after a successful save. */
    public void finishEditing() {
        message.setText("");
        notice.setText("");
        editing.set(false);
    }

    /** Leaves edit mode, telling the owner to restore the values from before the edit. */
    public void cancelEditing() {
        if (!editing.get()) {
            return;
        }
        message.setText("");
        notice.setText("");
        onCancel.run();
        editing.set(false);
    }

    /** Shows what went wrong for the whole section (field problems go beside their fields). */
    public void setMessage(String text) {
        // dates in it as the fields write them, not as the rules do
        message.setText(text == null ? "" : DateText.inMessage(text));
    }

    public String getMessage() {
        return message.getText();
    }

    /**
     * Shows a note above the fields while editing, e.g. that they hold values restored from
     * before; it goes when the edit ends. Ids: {@code <key>Notice}.
     */
    public void setNotice(String text) {
        notice.setText(text == null ? "" : text);
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public boolean isEditing() {
        return editing.get();
    }

    /** Whether the pencil shows: only for people allowed to edit. */
    public BooleanProperty editableProperty() {
        return editable;
    }

    public void setEditable(boolean value) {
        editable.set(value);
    }

    public void setBusy(boolean value) {
        busy.set(value);
    }

    /** True while a save runs: Save and Cancel are disabled so it is not started twice. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    public void setOnEdit(Runnable action) {
        onEdit = Objects.requireNonNull(action, "action");
    }

    public void setOnSave(Runnable action) {
        onSave = Objects.requireNonNull(action, "action");
    }

    public void setOnCancel(Runnable action) {
        onCancel = Objects.requireNonNull(action, "action");
    }

    /** The header's pencil button. */
    public Button pencil() {
        return pencil;
    }
}
