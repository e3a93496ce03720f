package ftop.app.customer;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import ftop.app.widgets.DateInput;
import ftop.app.widgets.DateText;
import ftop.app.widgets.FieldError;
import ftop.app.widgets.FieldMarker;

/**
 * One field of an editable form: its label, its value as read-only text ({@code #<id>}), the
 * control that edits it ({@code #<id>Field}) and the problem with it ({@code #<id>Error}, red
 * border on the control and the message under it) and its {@link FieldMarker} ({@code #<id>Marker}).
 */
final class FieldRow {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    final String id;
    final Label label;
    final Label value = new Label();
    final Control editor;
    final Label error;
    /** What the server or a colleague did to the field: refused, conflicting, changed while editing. */
    final FieldMarker marker;

    FieldRow(String id, String labelText, Control editor, ObservableBooleanValue editing) {
        this.id = id;
        this.editor = editor;
        label = new Label(labelText);
        label.getStyleClass().add("field-label");
        label.setLabelFor(editor);
        label.setMinWidth(Label.USE_PREF_SIZE);
        value.setId(id);
        value.getStyleClass().add("field-value");
        value.setWrapText(true);
        editor.setId(id + "Field");
        editor.setMaxWidth(Double.MAX_VALUE);
        editor.getStyleClass().add("field-editor");
        error = FieldError.label(id + "Error");
        marker = new FieldMarker(id);
        marker.attach(value, editor);
        value.visibleProperty().bind(Bindings.not(editing));
        value.managedProperty().bind(value.visibleProperty());
        editor.visibleProperty().bind(Bindings.createBooleanBinding(editing::get, editing));
        editor.managedProperty().bind(editor.visibleProperty());
        clearErrorWhenFixed();
    }

    /**
     * A field's problem goes as soon as its input is fixed, not only on the next Save: a date once
     * it reads as a date, a choice once another is picked. Save checks every rule again.
     */
    private void clearErrorWhenFixed() {
        if (editor instanceof DatePicker picker) {
            picker.getEditor().textProperty().addListener((obs, old, now) -> {
                if (hasError() && readsAsDate(now)) {
                    setError("");
                }
            });
        } else if (editor instanceof ComboBox<?> box) {
            box.valueProperty().addListener((obs, old, now) -> {
                if (hasError()) {
                    setError("");
                }
            });
        }
    }

    private static boolean readsAsDate(String text) {
        try {
            DateInput.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Places the row in {@code grid} at {@code row}: label left, value or editor and the problem right. */
    void addTo(GridPane grid, int row) {
        StackPane slot = new StackPane(value, editor);
        slot.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(3, slot, error, marker);
        GridPane.setHgrow(right, Priority.ALWAYS);
        // the label stays beside the value, whatever shows under it (a problem, a marker)
        GridPane.setValignment(label, VPos.TOP);
        label.setAlignment(Pos.CENTER_LEFT);
        label.minHeightProperty().bind(slot.heightProperty());
        grid.add(label, 0, row);
        grid.add(right, 1, row);
    }

    void showValue(String text) {
        boolean notSet = text == null || text.isEmpty();
        value.setText(notSet ? Choice.NOT_SET : text);
        if (notSet) {
            if (!value.getStyleClass().contains("not-set")) {
                value.getStyleClass().add("not-set");
            }
        } else {
            value.getStyleClass().remove("not-set");
        }
    }

    void setError(String message) {
        boolean bad = message != null && !message.isEmpty();
        error.setText(bad ? DateText.inMessage(message) : "");
        editor.pseudoClassStateChanged(INVALID, bad);
        editor.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
    }

    boolean hasError() {
        return !error.getText().isEmpty();
    }

    /**
     * What the editor holds as text, for a draft: a date as typed (even when it is not a date), a
     * choice by its value's name ("" for "Not set").
     */
    String draftText() {
        if (editor instanceof DatePicker picker) {
            return picker.getEditor().getText() == null ? "" : picker.getEditor().getText();
        }
        if (editor instanceof ComboBox<?> box && box.getValue() instanceof Choice<?> choice) {
            return choiceText(choice.value());
        }
        return "";
    }

    /** Puts {@code text} from a draft back in the editor; a choice no longer offered leaves the editor as it is. */
    void showDraftText(String text) {
        if (editor instanceof DatePicker picker) {
            try {
                picker.setValue(DateInput.parse(text).orElse(null));
            } catch (IllegalArgumentException e) {
                // not a date: the text stays as typed, and Save says what is wrong with it
            }
            picker.getEditor().setText(text);
        } else if (editor instanceof ComboBox<?> box) {
            selectChoice(box, text);
        }
    }

    private static <T> void selectChoice(ComboBox<T> box, String text) {
        box.getItems().stream()
                .filter(item -> item instanceof Choice<?> c && choiceText(c.value()).equals(text))
                .findFirst()
                .ifPresent(box::setValue);
    }

    private static String choiceText(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
