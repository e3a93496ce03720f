package ftop.app.sync;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import javax.net.ssl.SSLException;

import atlantafx.base.theme.Styles;

import ftop.app.tasks.BackgroundTasks;
import ftop.sync.client.SyncException;
import ftop.sync.client.SyncFailure;

/**
 * Signs the workspace in to a server: URL, user, password. A wrong password or an unreachable
 * server is said in words and the dialog stays open; on success the URL and user are kept in the
 * workspace (never the password) and background sync starts. The sign-in runs in the background.
 */
public final class LoginDialog extends Dialog<Boolean> {

    /** Said for a 401 from the server. */
    public static final String WRONG_CREDENTIALS = "The user name or password is not right.";

    private final TextField url = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();

    public LoginDialog(Window owner, SyncSession session, BackgroundTasks tasks, String defaultUrl, String defaultUser) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Connect to server");
        setHeaderText("Sign in to the FTOP server");
        getDialogPane().setId("loginDialog");
        url.setId("loginUrl");
        url.setPromptText("https://ftop.example.com");
        url.setText(defaultUrl);
        user.setId("loginUser");
        user.setPromptText("e.g. megan.bowen");
        user.setText(defaultUser);
        password.setId("loginPassword");
        error.setId("loginError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setMaxWidth(380);
        // the whole message, however many lines: the dialog grows to it rather than cutting it off
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().addListener((obs, old, now) -> Platform.runLater(() -> {
            Window shown = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
            if (shown != null && shown.isShowing()) {
                shown.sizeToScene();
            }
        }));
        busy.setPrefSize(18, 18);
        busy.setVisible(false);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Server"), url);
        form.addRow(1, new Label("User"), user);
        form.addRow(2, new Label("Password"), password);
        url.setPrefColumnCount(26);
        VBox content = new VBox(10, form, error, busy);
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);

        ButtonType connectType = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connectType, ButtonType.CANCEL);
        Button connect = (Button) getDialogPane().lookupButton(connectType);
        connect.setId("loginConnect");
        connect.setDefaultButton(true);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId("loginCancel");
        setResultConverter(type -> type == connectType);

        connect.addEventFilter(ActionEvent.ACTION, e -> {
            // The dialog closes only after a successful sign-in.
            e.consume();
            String address = url.getText();
            String name = user.getText();
            String secret = password.getText();
            error.setText("");
            busy.setVisible(true);
            connect.setDisable(true);
            tasks.run(() -> {
                        session.connect(address, name, secret);
                        return Boolean.TRUE;
                    },
                    ok -> {
                        busy.setVisible(false);
                        setResult(Boolean.TRUE);
                        close();
                    },
                    failure -> {
                        busy.setVisible(false);
                        connect.setDisable(false);
                        error.setText(message(failure, address));
                        password.requestFocus();
                    });
        });
        setOnShown(e -> (user.getText().isBlank() ? user : password).requestFocus());
    }

    /** The failure in words a person can act on. */
    static String message(Throwable failure, String address) {
        if (failure instanceof SyncException e) {
            if (e.failure() == SyncFailure.UNREACHABLE && e.getCause() instanceof SSLException) {
                // an untrusted certificate: the server answered, and the message says what to do
                return e.getMessage();
            }
            if (e.failure() == SyncFailure.UNREACHABLE) {
                return "Cannot reach the server at " + address.strip() + ". Check the address and your network.";
            }
            if (e.failure() == SyncFailure.LOGIN_NEEDED && e.httpStatus().isPresent()) {
                return WRONG_CREDENTIALS;
            }
            // e.g. "Please enter your password." or "This workspace belongs to ..."
            return e.getMessage();
        }
        if (failure instanceof IllegalArgumentException) {
            return failure.getMessage();
        }
        return "Sign-in failed: " + (failure.getMessage() == null ? failure.toString() : failure.getMessage());
    }
}
