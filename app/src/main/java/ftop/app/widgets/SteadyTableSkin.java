package ftop.app.widgets;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * A table skin for tables with a fixed cell size whose items change on every keystroke (see
 * {@link SteadyList}). JavaFX styles a reused row again, with all its cells, the moment it gets
 * another item, whether or not anything about its look changed: on a search that is every visible
 * row, cell by cell, per keystroke. Here only a new row is styled at once (its size must be known);
 * a reused row keeps its styles, and what its new item does change (odd or even, selected, a style
 * class of a cell) is styled with the rest of the scene in the next CSS pass.
 *
 * @param <S> the type of the table's rows
 */
public final class SteadyTableSkin<S> extends TableViewSkin<S> {

    /** What JavaFX's flow marks a row it has just made with, until that row is first styled. */
    private static final String NEW_ROW = "newcell";

    public SteadyTableSkin(TableView<S> table) {
        super(table);
    }

    @Override
    protected VirtualFlow<TableRow<S>> createVirtualFlow() {
        return new VirtualFlow<>() {
            @Override
            protected void setCellIndex(TableRow<S> row, int index) {
                row.updateIndex(index);
                if (row.getProperties().remove(NEW_ROW) != null) {
                    row.applyCss();
                }
            }
        };
    }
}
