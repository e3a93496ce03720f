package ftop.app.workspace;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

import atlantafx.base.theme.Styles;

import ftop.core.store.PassphraseKeys;
import ftop.core.store.StoreException;

/**
 * Asks for the passphrase of a workspace on a laptop without a credential store: to choose one
 * (typed twice) for a new or a plain workspace, or to unlock one. The reason the last answer was
 * refused (too short, wrong) shows in the dialog; two passphrases that differ are caught here.
 * Cancel leaves the workspace locked and unchanged.
 */
public final class PassphraseDialog extends Dialog<char[]> {

    /** Said when the two typed passphrases differ. */
    public static final String DIFFERENT = "The two passphrases differ. Type the same one twice.";

    private final PasswordField passphrase = new PasswordField();
    private final PasswordField again = new PasswordField();
    private final Label error = new Label();

    public PassphraseDialog(Path workspace, boolean choosing, Optional<String> problem) {
        initModality(Modality.APPLICATION_MODAL);
        setTitle("FTOP Desktop");
        setHeaderText(choosing ? "Choose a passphrase for this workspace" : "Unlock the workspace");
        getDialogPane().setId("passphraseDialog");
        passphrase.setId("passphrase");
        again.setId("passphraseAgain");
        error.setId("passphraseError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setMaxWidth(420);
        problem.ifPresent(error::setText);
        Label about = new Label(choosing
                ? "This computer has no credential store to keep the workspace's key, so its customer data is "
                        + "locked with a passphrase of at least " + PassphraseKeys.MIN_LENGTH + " characters. "
                        + "FTOP cannot recover a forgotten passphrase; edits already synced stay on the server."
                : "The workspace in " + workspace + " is locked with a passphrase.");
        about.setWrapText(true);
        about.setMaxWidth(420);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Passphrase"), passphrase);
        if (choosing) {
            form.addRow(1, new Label("Again"), again);
        }
        passphrase.setPrefColumnCount(24);
        VBox content = new VBox(10, about, form, error);
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);

        ButtonType okType = new ButtonType(choosing ? "Lock with this passphrase" : "Unlock", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(okType, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(okType);
        ok.setId("passphraseOk");
        ok.setDefaultButton(true);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId("passphraseCancel");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (choosing && !passphrase.getText().equals(again.getText())) {
                e.consume();
                error.setText(DIFFERENT);
                again.clear();
                again.requestFocus();
            }
        });
        setResultConverter(type -> type == okType ? passphrase.getText().toCharArray() : null);
        setOnShown(e -> passphrase.requestFocus());
    }

    /**
     * Asks on the FX thread and waits for the answer; for {@link PassphraseKeys}, which asks on the
     * thread opening the workspace (a background one).
     */
    public static PassphraseKeys.Prompt prompt() {
        return (workspace, choosing, problem) -> {
            if (Platform.isFxApplicationThread()) {
                return new PassphraseDialog(workspace, choosing, problem).showAndWait();
            }
            CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    answer.complete(new PassphraseDialog(workspace, choosing, problem).showAndWait());
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
            try {
                return answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("Opening the workspace was cancelled.", e);
            } catch (ExecutionException e) {
                throw new StoreException("The passphrase could not be asked for: " + e.getCause().getMessage(), e);
            }
        };
    }
}
