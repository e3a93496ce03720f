package ftop.app.widgets;

import javafx.scene.control.Label;

import atlantafx.base.theme.Styles;

/**
 * The message under a form field that says what is wrong with it: small red text that takes no room
 * while it is empty. Every form's field errors look and behave alike because they all come from here.
 */
public final class FieldError {

    private FieldError() {
    }

    /** An empty field-error label with {@code id}; setting its text shows it, clearing it hides it. */
    public static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().addAll("field-error", Styles.DANGER, Styles.TEXT_SMALL);
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
