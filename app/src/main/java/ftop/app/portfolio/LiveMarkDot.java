package ftop.app.portfolio;

import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.edit.LiveMarksModel;

/**
 * The small dot after a customer's name when someone else changed the customer since it was last
 * opened; its tooltip (and what a screen reader says) is "Updated by Lee Gu 5 min ago". Takes no room
 * when there is nothing to mark.
 */
final class LiveMarkDot extends Label {

    private final TableCell<PortfolioRow, ?> cell;
    private final LiveMarksModel marks;
    private final Tooltip tip = new Tooltip();

    LiveMarkDot(TableCell<PortfolioRow, ?> cell, LiveMarksModel marks) {
        super(null, new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
        this.cell = cell;
        this.marks = marks;
        getStyleClass().add("live-mark");
        tip.setShowDelay(Duration.millis(200));
        setTooltip(tip);
        setManaged(false);
        setVisible(false);
    }

    /** Shows the mark of the cell's row, if any. */
    void showForRow() {
        int index = cell.getIndex();
        var items = cell.getTableView() == null ? null : cell.getTableView().getItems();
        Optional<LiveMarksModel.Mark> mark = items == null || index < 0 || index >= items.size() ? Optional.empty()
                : marks.customerMark(items.get(index).tpid());
        String text = mark.map(LiveMarksModel.Mark::text).orElse("");
        if (!text.equals(tip.getText())) {
            tip.setText(text);
            setAccessibleText(text);
        }
        boolean shown = mark.isPresent();
        if (shown != isVisible()) {
            setVisible(shown);
            setManaged(shown);
        }
    }
}
