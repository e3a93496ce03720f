package ftop.app.shell;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.Theme;

/**
 * The question before quitting with unsaved work: what is unsaved, one line per customer, and
 * Save (the default, Enter), Discard and Cancel (Esc). Alt+S and Alt+D choose too.
 *
 * <p>Ids: {@code #unsavedWorkDialog}, its lines {@code #unsavedWork0}…, the buttons
 * {@code #quitSave}, {@code #quitDiscard} and {@code #quitCancel}.
 */
public final class UnsavedWorkDialog implements QuitGuard.Question {

    private final Supplier<Window> owner;

    /** @param owner the window the question belongs to, when it is asked */
    public UnsavedWorkDialog(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public QuitGuard.Choice ask(List<String> unsaved) {
        ButtonType save = new ButtonType("_Save", ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType("_Discard", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, save, discard, cancel);
        alert.setTitle("FTOP Desktop");
        alert.setHeaderText(unsaved.size() == 1 && !unsaved.get(0).contains(", ")
                ? "Save your change before you quit?" : "Save your changes before you quit?");
        FontIcon icon = new FontIcon(Material2MZ.SAVE);
        icon.setIconSize(32);
        icon.getStyleClass().add("dialog-icon");
        alert.setGraphic(icon);
        alert.getDialogPane().setId("unsavedWorkDialog");
        alert.getDialogPane().getStyleClass().add("unsaved-work-dialog");
        alert.getDialogPane().setContent(content(unsaved));
        alert.getDialogPane().getStylesheets().addAll(Theme.stylesheets(Theme.darkProperty().get()));

        Button saveButton = (Button) alert.getDialogPane().lookupButton(save);
        saveButton.setId("quitSave");
        saveButton.setGraphic(new FontIcon(Material2MZ.SAVE));
        saveButton.getStyleClass().add(Styles.ACCENT);
        Button discardButton = (Button) alert.getDialogPane().lookupButton(discard);
        discardButton.setId("quitDiscard");
        discardButton.getStyleClass().add(Styles.DANGER);
        discardButton.setDefaultButton(false);
        alert.getDialogPane().lookupButton(cancel).setId("quitCancel");

        Window window = owner.get();
        if (window != null && window.isShowing()) {
            alert.initOwner(window);
        }
        // closing the dialog itself (its close button, Esc) is Cancel: the work stays as it is
        return alert.showAndWait()
                .map(chosen -> chosen == save ? QuitGuard.Choice.SAVE
                        : chosen == discard ? QuitGuard.Choice.DISCARD : QuitGuard.Choice.CANCEL)
                .orElse(QuitGuard.Choice.CANCEL);
    }

    private static Node content(List<String> unsaved) {
        Label intro = new Label("These are not saved yet:");
        VBox lines = new VBox(4);
        for (int i = 0; i < unsaved.size(); i++) {
            Label line = new Label(unsaved.get(i), new FontIcon(Material2AL.EDIT));
            line.setId("unsavedWork" + i);
            line.getStyleClass().addAll(Styles.TEXT_BOLD, "unsaved-work-line");
            line.setWrapText(true);
            lines.getChildren().add(line);
        }
        Label hint = new Label("Save keeps them and quits. Discard quits without them. Cancel goes back to them.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        VBox box = new VBox(10, intro, lines, hint);
        box.setPrefWidth(540);
        box.setMaxWidth(560);
        return box;
    }
}
