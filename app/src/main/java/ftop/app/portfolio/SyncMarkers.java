package ftop.app.portfolio;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.widgets.Plurals;
import ftop.app.workspace.UnsyncedEdits;

/**
 * A customer's edits the server has not taken yet, in one cell: a warning icon with the number
 * waiting for a decision and an upload icon with the number waiting to be sent, each in its colour
 * and with a tooltip that says it in words.
 */
final class SyncMarkers extends HBox {

    private final Label pending = marker("pendingMarker", "pending-marker", Material2AL.CLOUD_UPLOAD);
    private final Label conflicts = marker("conflictMarker", "conflict-marker", Material2AL.ERROR_OUTLINE);

    SyncMarkers() {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        pending.getStyleClass().add(Styles.ACCENT);
        conflicts.getStyleClass().add(Styles.DANGER);
    }

    /** Shows the counts of {@code edits}. */
    void show(UnsyncedEdits edits) {
        getChildren().clear();
        if (edits.conflicts() > 0) {
            conflicts.setText(Integer.toString(edits.conflicts()));
            conflicts.setAccessibleText(Plurals.count(edits.conflicts(), "conflict"));
            conflicts.getTooltip().setText(Plurals.count(edits.conflicts(), "edit") + " the server did not take: "
                    + "open the conflicts from the status bar to decide");
            getChildren().add(conflicts);
        }
        if (edits.pending() > 0) {
            pending.setText(Integer.toString(edits.pending()));
            pending.setAccessibleText(edits.pending() + " pending");
            pending.getTooltip().setText(Plurals.count(edits.pending(), "edit")
                    + (edits.pending() == 1 ? " waits" : " wait") + " to be sent to the server");
            getChildren().add(pending);
        }
    }

    private static Label marker(String id, String styleClass, Ikon icon) {
        Label label = new Label(null, new FontIcon(icon));
        label.setId(id);
        label.getStyleClass().addAll("sync-marker", styleClass, Styles.TEXT_SMALL);
        label.setTooltip(new Tooltip());
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
