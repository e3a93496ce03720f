package ftop.app.sync;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

/**
 * Asks before signing out, and offers to remove the workspace from this laptop: its customer data,
 * its key and its folder. Edits that have not reached the server are named, customer by customer,
 * and the default keeps the workspace, so nothing unsent is lost by pressing Enter.
 */
public final class SignOutDialog extends Dialog<SignOutDialog.Choice> {

    /** What the person chose. */
    public enum Choice {
        /** Sign out; the workspace stays on this laptop for the next sign-in. */
        KEEP,
        /** Sign out and remove the workspace from this laptop. */
        REMOVE
    }

    /** The most unsent edits named one by one; the rest are counted. */
    static final int NAMED = 8;

    /**
     * @param server where the workspace is signed in, e.g. {@code https://ftop.example.com}
     * @param unsent one line per customer with edits the server has not taken yet
     */
    public SignOutDialog(Window owner, String server, Optional<String> user, List<String> unsent) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Sign out");
        setHeaderText("Sign out of " + server + user.map(u -> " as " + u).orElse("") + "?");
        getDialogPane().setId("signOutDialog");

        CheckBox remove = new CheckBox("Also remove this workspace from this laptop");
        remove.setId("signOutRemove");
        Label aboutRemove = new Label("Removing deletes the customer data this laptop keeps for FTOP, and its key. "
                + "Signing in again later fetches everything from the server afresh.");
        aboutRemove.setWrapText(true);
        aboutRemove.setMaxWidth(460);
        VBox content = new VBox(10, remove, aboutRemove);
        if (!unsent.isEmpty()) {
            int total = unsent.size();
            Label heading = new Label(total == 1 ? "Edits of one customer have not reached the server yet:"
                    : "Edits of " + total + " customers have not reached the server yet:");
            heading.setId("signOutUnsentHeading");
            VBox lines = new VBox(2);
            lines.setId("signOutUnsent");
            for (String line : unsent.subList(0, Math.min(NAMED, total))) {
                lines.getChildren().add(new Label("• " + line));
            }
            if (total > NAMED) {
                lines.getChildren().add(new Label("… and " + (total - NAMED) + " more customers"));
            }
            Label warning = new Label("They stay on this laptop and are sent at the next sign-in, unless the "
                    + "workspace is removed: then they are lost.");
            warning.setId("signOutWarning");
            warning.setWrapText(true);
            warning.setMaxWidth(460);
            warning.getStyleClass().add(Styles.WARNING);
            remove.selectedProperty().addListener((obs, old, now) -> {
                warning.getStyleClass().removeAll(Styles.WARNING, Styles.DANGER);
                warning.getStyleClass().add(now ? Styles.DANGER : Styles.WARNING);
            });
            content.getChildren().addAll(0, List.of(heading, lines, warning));
        }
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);

        ButtonType signOutType = new ButtonType("Sign out", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(signOutType, ButtonType.CANCEL);
        Button signOut = (Button) getDialogPane().lookupButton(signOutType);
        signOut.setId("signOutConfirm");
        signOut.setDefaultButton(true);
        // the label grows to "Sign out and remove": never cut off
        ButtonBar.setButtonUniformSize(signOut, false);
        signOut.setMinWidth(Region.USE_PREF_SIZE);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId("signOutCancel");
        remove.selectedProperty().addListener((obs, old, now) ->
                signOut.setText(now ? "Sign out and remove" : "Sign out"));
        setResultConverter(type -> type != signOutType ? null : remove.isSelected() ? Choice.REMOVE : Choice.KEEP);
    }
}
