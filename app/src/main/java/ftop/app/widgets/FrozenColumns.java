package ftop.app.widgets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableRowSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.util.Callback;

/**
 * Keeps the first columns of a table in place while the rest scroll sideways, as a spreadsheet's
 * frozen panes do: the name of the row stays readable next to whatever column is scrolled into view.
 *
 * <p>JavaFX tables have no frozen columns, so the cells and headers of these columns are moved right
 * by exactly as much as the table scrolls left, drawn above the other cells, and given an opaque
 * background (style class {@code frozen-cell}, which the stylesheet colours like the row). A table
 * with a fixed cell size takes the cells of columns scrolled out of sight out of its rows; rows made
 * by {@link #newRow()} put the frozen ones back. The columns can no longer be dragged elsewhere; they
 * must be the table's first columns.
 */
public final class FrozenColumns {

    /** The style class of a frozen column's cells and headers. */
    public static final String STYLE_CLASS = "frozen-cell";

    private final TableView<?> table;
    private final List<? extends TableColumn<?, ?>> columns;
    private final DoubleProperty scrolled = new SimpleDoubleProperty(this, "scrolled");

    private FrozenColumns(TableView<?> table, List<? extends TableColumn<?, ?>> columns) {
        this.table = table;
        this.columns = columns;
    }

    /** Freezes {@code columns}, the first columns of {@code table}. */
    @SafeVarargs
    public static <S> FrozenColumns freeze(TableView<S> table, TableColumn<S, ?>... columns) {
        Objects.requireNonNull(table, "table");
        FrozenColumns frozen = new FrozenColumns(table, List.of(columns));
        for (TableColumn<S, ?> column : columns) {
            frozen.freezeCells(column);
            column.setReorderable(false);
        }
        table.skinProperty().addListener((obs, old, now) -> frozen.followScrollBar());
        frozen.followScrollBar();
        // the headers exist after the first layout, and are made again when the columns change
        table.needsLayoutProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (frozen.placeHeaders()) {
                    table.needsLayoutProperty().removeListener(this);
                }
            }
        });
        table.getColumns().addListener((InvalidationListener) o -> frozen.placeHeaders());
        frozen.scrolled.addListener((obs, old, now) -> frozen.placeHeaders());
        return frozen;
    }

    /** How far the table is scrolled to the right, in pixels; the frozen columns move back by as much. */
    public double scrolled() {
        return scrolled.get();
    }

    /** A row for the table's row factory: it keeps the frozen cells drawn however far the table scrolls. */
    public <S> TableRow<S> newRow() {
        return new TableRow<>() {
            @Override
            protected Skin<?> createDefaultSkin() {
                return new FrozenRowSkin<>(this);
            }
        };
    }

    private <S, T> void freezeCells(TableColumn<S, T> column) {
        Callback<TableColumn<S, T>, TableCell<S, T>> cells = column.getCellFactory();
        column.setCellFactory(c -> {
            TableCell<S, T> cell = cells.call(c);
            cell.getStyleClass().add(STYLE_CLASS);
            cell.translateXProperty().bind(scrolled);
            // drawn (and clicked) above the cells that scroll underneath it
            cell.setViewOrder(-1);
            return cell;
        });
    }

    private void followScrollBar() {
        if (table.getSkin() == null) {
            return;
        }
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL
                    && bar.getParent() instanceof VirtualFlow<?>) {
                scrolled.unbind();
                scrolled.bind(bar.valueProperty());
                return;
            }
        }
    }

    /** Moves the frozen columns' headers back by the scroll; true when there were headers to move. */
    private boolean placeHeaders() {
        Node headerRow = table.lookup(".column-header-background");
        if (headerRow == null) {
            return false;
        }
        boolean found = false;
        for (Node header : headerRow.lookupAll(".column-header")) {
            for (TableColumn<?, ?> column : columns) {
                if (column.getId() != null && column.getId().equals(header.getId())) {
                    found = true;
                    header.setTranslateX(scrolled.get());
                    header.setViewOrder(-1);
                    if (!header.getStyleClass().contains(STYLE_CLASS)) {
                        header.getStyleClass().add(STYLE_CLASS);
                    }
                }
            }
        }
        return found;
    }

    /** A row skin that adds back the frozen cells its table took out for being scrolled out of sight. */
    private final class FrozenRowSkin<S> extends TableRowSkin<S> {

        /** Made on first use: the skin's constructor already makes cells. */
        private Map<TableColumnBase<?, ?>, TableCell<S, ?>> frozenCells;

        FrozenRowSkin(TableRow<S> row) {
            super(row);
        }

        @Override
        protected TableCell<S, ?> createCell(TableColumnBase tableColumn) {
            TableCell<S, ?> cell = super.createCell(tableColumn);
            if (columns.contains(tableColumn)) {
                if (frozenCells == null) {
                    frozenCells = new HashMap<>();
                }
                frozenCells.put(tableColumn, cell);
            }
            return cell;
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            super.layoutChildren(x, y, w, h);
            if (frozenCells == null) {
                return;
            }
            double left = x;
            for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
                TableCell<S, ?> cell = frozenCells.get(column);
                if (cell == null) {
                    break;
                }
                if (cell.getParent() == null) {
                    getChildren().add(cell);
                    cell.resizeRelocate(left, y, column.getWidth(), h);
                }
                left += column.getWidth();
            }
        }
    }
}
