package ftop.app.assignment;

import java.util.concurrent.CompletionException;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import ftop.core.store.ValidationException;

/** Messages for failures of assignment work, in words a person reads. */
final class Notices {

    private Notices() {
    }

    /** The failure in words: the store's validation problems, or the exception's message. */
    static String message(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause.getMessage() == null
                || cause instanceof CompletionException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ValidationException v) {
            return AssignmentDialog.problems(v);
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** Shows a failure that has no dialog of its own to appear in. */
    static void error(Window owner, String header, Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message(failure), ButtonType.CLOSE);
        alert.setTitle("FTOP Desktop");
        alert.setHeaderText(header);
        alert.getDialogPane().setId("assignmentErrorDialog");
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
