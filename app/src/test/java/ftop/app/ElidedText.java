package ftop.app;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Finds text a person cannot read in full: a {@link Labeled} (button, label, check box, cell) whose
 * skin shows less than its text, with the ellipsis in place of the rest. The skin draws the text
 * as its own {@code Text} child (style class {@code text}); elided, that child's text differs from
 * the control's. A table cell may cut its text when a tooltip gives it in full.
 */
public final class ElidedText {

    private ElidedText() {
    }

    /** What is cut off under {@code root}, as "Button#id: 'shown' of 'full'"; empty when nothing is. */
    public static List<String> under(Parent root) {
        if (!Platform.isFxApplicationThread()) {
            return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> under(root)));
        }
        root.applyCss();
        root.layout();
        List<String> cut = new ArrayList<>();
        visit(root, cut);
        return cut;
    }

    private static void visit(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, cut);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, cut);
            }
        }
    }

    private static void check(Labeled labeled, List<String> cut) {
        String full = labeled.getText();
        if (full == null || full.isBlank()) {
            return;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && shown.getStyleClass().contains("text")) {
                String text = shown.getText();
                if (!full.equals(text) && text != null && text.contains(labeled.getEllipsisString())
                        && !tooltipSaysIt(labeled, full)) {
                    cut.add(labeled.getClass().getSimpleName() + (labeled.getId() == null ? "" : "#" + labeled.getId())
                            + ": '" + text + "' of '" + full + "'");
                }
            }
        }
    }

    /** A cell, or a label in one, may cut its text when a tooltip (its own or its cell's) gives it in full. */
    private static boolean tooltipSaysIt(Labeled labeled, String full) {
        for (Node at = labeled; at != null; at = at.getParent()) {
            Tooltip tip = at instanceof Control control ? control.getTooltip() : null;
            if (tip != null && tip.getText() != null && tip.getText().contains(full.strip()) && inCell(labeled)) {
                return true;
            }
            if (at instanceof IndexedCell<?>) {
                return false;
            }
        }
        return false;
    }

    private static boolean inCell(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof IndexedCell<?>) {
                return true;
            }
        }
        return false;
    }
}
