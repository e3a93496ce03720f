package ftop.app.sync;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import javax.net.ssl.SSLException;

import atlantafx.base.theme.Styles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftop.app.tasks.BackgroundTasks;
import ftop.sync.client.OidcSignIn;
import ftop.sync.client.SyncException;
import ftop.sync.client.SyncFailure;

/**
 * Signs the workspace in to a server: URL, user, password, or "Sign in with your company account"
 * when the server trusts the company's identity provider (asked as soon as the address is known).
 * The company sign-in opens in the system browser, and the dialog shows its address with a Copy
 * button for a computer where no browser opens; Cancel ends the wait. A wrong password or an
 * unreachable server is said in words and the dialog stays open; on success the URL and user are
 * kept in the workspace (never the password) and background sync starts. The sign-in runs in the
 * background.
 */
public final class LoginDialog extends Dialog<Boolean> {

    private static final Logger LOG = LoggerFactory.getLogger(LoginDialog.class);

    /** The button that signs in with the company's identity provider. */
    public static final String COMPANY_SIGN_IN = "Sign in with your company account";

    /** Said for a 401 from the server. */
    public static final String WRONG_CREDENTIALS = "The user name or password is not right.";

    private final TextField url = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Button company = new Button(COMPANY_SIGN_IN);
    private final Label orPassword = new Label("or with a password:");
    private final VBox waiting = new VBox(6);
    private final TextField browserUrl = new TextField();
    private final SyncSession session;
    private final BackgroundTasks tasks;
    private final BrowserOpener browser;
    private Button connect;
    /** The address the ways of signing in were asked for last. */
    private String askedFor;
    /** The company sign-in waiting for the browser; null when none is. */
    private OidcSignIn pending;
    /** The wait for the browser runs here, not on the tasks' thread: a person may take minutes. */
    private BackgroundTasks browserWait;

    /**
     * @param browser opens the company sign-in page in the system browser
     */
    public LoginDialog(Window owner, SyncSession session, BackgroundTasks tasks, String defaultUrl, String defaultUser,
            BrowserOpener browser) {
        this.session = session;
        this.tasks = tasks;
        this.browser = browser;
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
        company.setId("loginCompany");
        company.getStyleClass().add(Styles.ACCENT);
        company.setMaxWidth(Double.MAX_VALUE);
        company.setOnAction(e -> startCompanySignIn());
        Label followBrowser = new Label("Finish signing in in your browser. If none opened, copy this address into "
                + "a browser on this computer:");
        followBrowser.setId("loginBrowserText");
        followBrowser.setWrapText(true);
        followBrowser.setMaxWidth(380);
        followBrowser.setMinHeight(Region.USE_PREF_SIZE);
        browserUrl.setId("loginBrowserUrl");
        browserUrl.setEditable(false);
        Button copy = new Button("Copy");
        copy.setId("loginCopyUrl");
        copy.setOnAction(e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(browserUrl.getText());
            Clipboard.getSystemClipboard().setContent(text);
        });
        HBox.setHgrow(browserUrl, Priority.ALWAYS);
        waiting.setId("loginBrowser");
        waiting.getChildren().addAll(followBrowser, new HBox(6, browserUrl, copy));
        show(company, false);
        show(orPassword, false);
        show(waiting, false);
        url.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                askWaysToSignIn();
            }
        });
        VBox content = new VBox(10, company, orPassword, form, waiting, error, busy);
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);

        ButtonType connectType = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connectType, ButtonType.CANCEL);
        connect = (Button) getDialogPane().lookupButton(connectType);
        connect.setId("loginConnect");
        connect.setDefaultButton(true);
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("loginCancel");
        // Cancel also ends a company sign-in waiting for the browser (and closes its port)
        cancel.addEventFilter(ActionEvent.ACTION, e -> cancelCompanySignIn());
        setOnHidden(e -> {
            cancelCompanySignIn();
            if (browserWait != null) {
                browserWait.close();
            }
        });
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
        setOnShown(e -> {
            (user.getText().isBlank() ? user : password).requestFocus();
            askWaysToSignIn();
        });
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private void resize() {
        Window shown = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (shown != null && shown.isShowing()) {
            shown.sizeToScene();
        }
    }

    /** Asks the server at the address typed whether it has a company sign-in, and offers it if so. */
    private void askWaysToSignIn() {
        String address = url.getText() == null ? "" : url.getText().strip();
        if (address.isEmpty() || address.equals(askedFor)) {
            return;
        }
        askedFor = address;
        tasks.run(() -> session.authConfig(address).oidc() != null, offered -> {
            if (address.equals(askedFor)) {
                offerCompanySignIn(offered);
            }
        }, failure -> {
            // said when the person connects; until then the password form is all there is
            if (address.equals(askedFor)) {
                offerCompanySignIn(false);
            }
        });
    }

    private void offerCompanySignIn(boolean offered) {
        show(company, offered);
        show(orPassword, offered);
        resize();
    }

    private void startCompanySignIn() {
        String address = url.getText();
        error.setText("");
        busy.setVisible(true);
        company.setDisable(true);
        connect.setDisable(true);
        tasks.run(() -> session.beginCompanySignIn(address), signIn -> {
            pending = signIn;
            browserUrl.setText(signIn.authorizationUrl());
            show(waiting, true);
            resize();
            try {
                browser.open(signIn.authorizationUrl());
            } catch (RuntimeException e) {
                // the address stays in the dialog to copy
                LOG.warn("The browser could not be opened", e);
            }
            if (browserWait == null) {
                browserWait = BackgroundTasks.create("ftop-sign-in");
            }
            browserWait.run(() -> {
                session.finishCompanySignIn(address, signIn);
                return Boolean.TRUE;
            }, ok -> {
                pending = null;
                busy.setVisible(false);
                setResult(Boolean.TRUE);
                close();
            }, failure -> {
                if (pending != signIn) {
                    return; // cancelled: the dialog is closing
                }
                pending = null;
                show(waiting, false);
                companySignInFailed(failure, address);
            });
        }, failure -> companySignInFailed(failure, address));
    }

    private void companySignInFailed(Throwable failure, String address) {
        busy.setVisible(false);
        company.setDisable(false);
        connect.setDisable(false);
        error.setText(failure instanceof SyncException e && e.failure() == SyncFailure.LOGIN_NEEDED
                && e.httpStatus().isPresent()
                ? "The server did not accept your company sign-in: " + e.getMessage()
                : message(failure, address));
    }

    private void cancelCompanySignIn() {
        OidcSignIn waitingFor = pending;
        pending = null;
        if (waitingFor != null) {
            waitingFor.cancel();
        }
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
