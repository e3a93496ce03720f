package ftop.app.review;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * Text in a review-queue cell, wrapped at the column's width onto at most {@link #MAX_LINES} lines,
 * so every row keeps one height; longer text ends in an ellipsis and reads in full in a tooltip (and,
 * for the "Why", above the customer's brief). A wrapping label asked for its height at a width
 * narrower than its cell answers for many lines, which made rows grow; this one never answers for
 * more than its lines.
 */
final class ClampedText extends Label {

    /** Lines the text may take before it is cut. */
    static final int MAX_LINES = 2;

    private final Text probe = new Text();

    ClampedText(TableCell<?, ?> cell, String styleClass) {
        getStyleClass().add(styleClass);
        setWrapText(true);
        setMinHeight(USE_PREF_SIZE);
        // as wide as the cell: a wider or narrower column re-wraps the text
        maxWidthProperty().bind(cell.widthProperty().subtract(12));
    }

    @Override
    protected double computePrefHeight(double width) {
        double full = super.computePrefHeight(width >= 0 ? width : getMaxWidth() > 0 ? getMaxWidth() : -1);
        return Math.min(full, linesHeight());
    }

    @Override
    protected double computeMaxHeight(double width) {
        return linesHeight();
    }

    /** The height of {@link #MAX_LINES} lines in this label's font, with its insets. */
    private double linesHeight() {
        probe.setFont(getFont());
        probe.setText("Ag");
        // the skin rounds each line up and needs a little room to keep the last one; short of
        // that it draws one line fewer
        double line = Math.ceil(probe.getLayoutBounds().getHeight()) + 1 + Math.max(0, getLineSpacing());
        return MAX_LINES * line + snappedTopInset() + snappedBottomInset()
                + getLabelPadding().getTop() + getLabelPadding().getBottom() + 2;
    }
}
