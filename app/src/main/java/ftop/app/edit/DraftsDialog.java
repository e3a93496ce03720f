package ftop.app.edit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Offers back the drafts left from before this start, one line each ("Contoso's Customer
 * Perspective, from 14:32") with Restore and Discard. Restore closes the dialog and opens the form
 * holding the draft; Discard deletes the draft; Cancel (Esc) keeps them all for later, when the
 * status bar and the next start offer them again.
 *
 * <p>Ids: {@code #draftsDialog}, per line {@code #draftLine0}, {@code #restoreDraft0} and
 * {@code #discardDraft0}…, and {@code #draftsCancel}.
 */
public final class DraftsDialog {

    private DraftsDialog() {
    }

    /**
     * Shows the dialog over {@code owner} (not waiting for it to close).
     *
     * @param restore opens the form of an entry with its draft, then tells how it went (empty: restored)
     * @param now     what time it is, for "from 14:32"
     */
    public static Dialog<ButtonType> show(Window owner, RecoveredDrafts drafts,
            BiConsumer<RecoveredDrafts.Entry, Consumer<Optional<String>>> restore, Supplier<Instant> now,
            List<String> stylesheets) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("FTOP Desktop");
        dialog.setHeaderText("Unsaved drafts from last time");
        FontIcon icon = new FontIcon(Material2MZ.RESTORE_PAGE);
        icon.setIconSize(32);
        icon.getStyleClass().add("dialog-icon");
        dialog.setGraphic(icon);
        dialog.getDialogPane().setId("draftsDialog");
        dialog.getDialogPane().getStyleClass().add("drafts-dialog");
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancel);
        dialog.getDialogPane().lookupButton(cancel).setId("draftsCancel");

        Label intro = new Label("FTOP Desktop closed while you were editing. What you had typed was kept: "
                + "restore it to go on where you left off, or discard it.");
        intro.setWrapText(true);
        VBox lines = new VBox(8);
        lines.setId("draftLines");
        Label hint = new Label("Cancel keeps the drafts: the status bar offers them until you decide, and so "
                + "does the next start.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        VBox content = new VBox(12, intro, lines, hint);
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);

        Runnable fill = () -> {
            lines.getChildren().clear();
            int i = 0;
            for (RecoveredDrafts.Entry entry : drafts.entries()) {
                lines.getChildren().add(line(entry, i++, dialog, drafts, restore, now.get(), owner));
            }
        };
        ListChangeListener<RecoveredDrafts.Entry> onChange = c -> {
            if (drafts.entries().isEmpty()) {
                dialog.close();
            } else {
                fill.run();
            }
        };
        drafts.entries().addListener(onChange);
        dialog.setOnHidden(e -> drafts.entries().removeListener(onChange));
        fill.run();
        if (owner != null && owner.isShowing()) {
            dialog.initOwner(owner);
        }
        dialog.show();
        return dialog;
    }

    private static HBox line(RecoveredDrafts.Entry entry, int index, Dialog<ButtonType> dialog,
            RecoveredDrafts drafts, BiConsumer<RecoveredDrafts.Entry, Consumer<Optional<String>>> restore,
            Instant now, Window owner) {
        Label what = new Label(entry.description());
        what.getStyleClass().add(Styles.TEXT_BOLD);
        what.setWrapText(true);
        Label when = new Label("from " + DraftNotice.when(entry.draft().savedAt(), now));
        when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox text = new VBox(2, what, when);
        HBox.setHgrow(text, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button restoreButton = new Button("Restore", new FontIcon(Material2MZ.RESTORE_PAGE));
        restoreButton.setId("restoreDraft" + index);
        restoreButton.getStyleClass().add(Styles.ACCENT);
        restoreButton.setDisable(entry.form().isEmpty());
        restoreButton.setMinWidth(Region.USE_PREF_SIZE);
        restoreButton.setOnAction(e -> {
            dialog.close();
            restore.accept(entry, problem -> problem.ifPresentOrElse(
                    why -> cannotRestore(owner, entry, why),
                    () -> drafts.restored(entry)));
        });
        Button discardButton = new Button("Discard", new FontIcon(Material2AL.DELETE_OUTLINE));
        discardButton.setId("discardDraft" + index);
        discardButton.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        discardButton.setOnAction(e -> drafts.discard(entry));
        discardButton.setMinWidth(Region.USE_PREF_SIZE);

        HBox line = new HBox(10, new FontIcon(Material2AL.DESCRIPTION), text, spacer, discardButton, restoreButton);
        line.setId("draftLine" + index);
        line.getStyleClass().add("draft-line");
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static void cannotRestore(Window owner, RecoveredDrafts.Entry entry, String why) {
        // Close is a cancel button: Esc closes the notice too
        Alert alert = new Alert(Alert.AlertType.INFORMATION, why + " The draft is kept; the status bar still offers it.",
                ButtonType.CLOSE);
        alert.setTitle("FTOP Desktop");
        alert.setHeaderText("The draft of " + entry.description() + " could not be restored");
        alert.getDialogPane().setId("draftNotRestoredDialog");
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
