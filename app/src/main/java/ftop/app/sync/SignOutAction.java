package ftop.app.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.shell.MainWindow;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.UnsyncedEdits;
import ftop.app.workspace.Workspace;
import ftop.core.customer.Customer;

/**
 * "Sign out…" in the header, while the workspace is signed in to a server of its own (not the
 * demo's): asks with the {@link SignOutDialog}, which names the edits not yet sent, signs out in
 * the background, and when asked to, hands over to {@code removeWorkspace} (which closes the
 * workspace, removes it and its key, and ends the app).
 */
public final class SignOutAction {

    private final MainWindow window;
    private final SyncSession session;
    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Runnable removeWorkspace;
    private final Button button = new Button("Sign out…", new FontIcon(Material2AL.EXIT_TO_APP));
    /** Set once signed out, until the next sign-in; on the FX thread. */
    private boolean signedOut;

    private SignOutAction(MainWindow window, SyncSession session, Workspace workspace, BackgroundTasks tasks,
            Runnable removeWorkspace) {
        this.window = window;
        this.session = session;
        this.workspace = workspace;
        this.tasks = tasks;
        this.removeWorkspace = removeWorkspace;
    }

    /** Puts "Sign out…" into {@code window}'s header; on the FX thread. */
    public static SignOutAction install(MainWindow window, SyncSession session, Workspace workspace,
            BackgroundTasks tasks, Runnable removeWorkspace) {
        SignOutAction action = new SignOutAction(Objects.requireNonNull(window, "window"),
                Objects.requireNonNull(session, "session"), Objects.requireNonNull(workspace, "workspace"),
                Objects.requireNonNull(tasks, "tasks"), Objects.requireNonNull(removeWorkspace, "removeWorkspace"));
        Button button = action.button;
        button.setId("signOut");
        button.getStyleClass().add(Styles.FLAT);
        button.setTooltip(new Tooltip("Sign out of the server; you may also remove this workspace from this laptop"));
        button.setOnAction(e -> action.ask());
        action.update();
        session.addListener(status -> Platform.runLater(action::update));
        session.addSignInListener(user -> Platform.runLater(() -> {
            action.signedOut = false;
            action.update();
        }));
        window.addHeaderAction(button);
        return action;
    }

    /** Shown while there is a server of the workspace's own to sign out of. */
    private void update() {
        boolean demo = session.demo().isPresent() && session.server().equals(session.demo().map(d -> d.url()));
        boolean signedIn = session.connected() && !demo && !signedOut;
        button.setVisible(signedIn);
        button.setManaged(signedIn);
    }

    private void ask() {
        button.setDisable(true);
        tasks.run(this::unsent, lines -> {
            button.setDisable(false);
            String server = session.server().map(Object::toString).orElse("the server");
            Optional<SignOutDialog.Choice> choice = new SignOutDialog(window.getScene() == null ? null
                    : window.getScene().getWindow(), server, session.user(), lines).showAndWait();
            choice.ifPresent(this::signOut);
        }, failure -> {
            button.setDisable(false);
            error("The edits not yet sent could not be read: " + failure.getMessage());
        });
    }

    private void signOut(SignOutDialog.Choice choice) {
        tasks.run(() -> {
            session.signOut();
            return choice;
        }, done -> {
            signedOut = true;
            update();
            if (done == SignOutDialog.Choice.REMOVE) {
                removeWorkspace.run();
            }
        }, failure -> error("Signing out failed: " + failure.getMessage()));
    }

    /** One line per customer with edits the server has not taken, by name. Runs in the background. */
    List<String> unsent() {
        List<String> lines = new ArrayList<>();
        Map<Long, UnsyncedEdits> edits = workspace.unsyncedEdits();
        edits.entrySet().stream()
                .map(e -> Map.entry(workspace.customer(e.getKey()).map(Customer::name).orElse("Customer " + e.getKey()),
                        e.getValue()))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(String::toLowerCase)))
                .forEach(e -> lines.add(e.getKey() + ": " + describe(e.getValue())));
        return lines;
    }

    private static String describe(UnsyncedEdits edits) {
        List<String> parts = new ArrayList<>();
        if (edits.pending() > 0) {
            parts.add(edits.pending() == 1 ? "1 edit not sent" : edits.pending() + " edits not sent");
        }
        if (edits.conflicts() > 0) {
            parts.add(edits.conflicts() == 1 ? "1 waiting for your decision" : edits.conflicts() + " waiting for your decision");
        }
        return String.join(", ", parts);
    }

    private void error(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        if (window.getScene() != null) {
            alert.initOwner(window.getScene().getWindow());
        }
        alert.setHeaderText("Sign out");
        alert.show();
    }
}
