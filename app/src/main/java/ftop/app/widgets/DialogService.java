package ftop.app.widgets;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Asks the person a yes/no question. Views ask through this interface rather than opening an
 * {@link Alert} themselves, so tests can answer the question without a real dialog.
 */
@FunctionalInterface
public interface DialogService {

    /**
     * Asks {@code question}; true when the person chose {@code yes}.
     *
     * @param owner    a node of the window the dialog belongs to, may be null
     * @param title    the dialog's header, e.g. "Discard your changes?"
     * @param question what happens if they answer yes
     * @param yes      the label of the confirming button, e.g. "Discard"
     */
    boolean confirm(Node owner, String title, String question, String yes);

    /** The real thing: a modal confirmation dialog. */
    static DialogService alerts() {
        return (owner, title, question, yes) -> {
            ButtonType confirm = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
            ButtonType keep = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, confirm, keep);
            alert.setTitle("FTOP Desktop");
            alert.setHeaderText(title);
            alert.getDialogPane().setId("confirmDialog");
            if (owner != null && owner.getScene() != null) {
                alert.initOwner(owner.getScene().getWindow());
            }
            return alert.showAndWait().filter(confirm::equals).isPresent();
        };
    }

    /** Always answers {@code answer}; for tests and for places where there is nothing to ask. */
    static DialogService always(boolean answer) {
        return (owner, title, question, yes) -> answer;
    }
}
