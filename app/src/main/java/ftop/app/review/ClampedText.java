package ftop.app.review;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/**
 * The "Why" of a review-queue row, wrapped onto as many lines as it needs at the column's width. A
 * wrapping label asked for its height without a width answers for one line, so the row would stay
 * short and cut the reason off; this one answers for the width of its cell, so the row grows to
 * show the whole reason.
 */
final class ReasonText extends Label {

    ReasonText(TableCell<?, ?> cell) {
        getStyleClass().add("queue-reason");
        setWrapText(true);
        setMinHeight(USE_PREF_SIZE);
        // as wide as the cell: a wider or narrower column re-wraps the text, and the row follows
        maxWidthProperty().bind(cell.widthProperty().subtract(12));
    }

    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(width >= 0 ? width : getMaxWidth() > 0 ? getMaxWidth() : -1);
    }
}
