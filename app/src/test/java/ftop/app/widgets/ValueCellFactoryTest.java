package ftop.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The cell factory's cells follow their value, make their graphic once, and leave the cell's style
 * classes alone while the value keeps the same one.
 */
class ValueCellFactoryTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void textGraphicTooltipAndStyleClassFollowTheValue() {
        AtomicInteger made = new AtomicInteger();
        TableCell<Integer, Integer> cell = ValueCellFactory.<Integer, Integer>create()
                .withText(n -> "#" + n)
                .withGraphic(() -> {
                    made.incrementAndGet();
                    return new Label();
                }, (label, n) -> label.setText(Integer.toString(n * 2)))
                .withGraphicWhen(n -> n > 0)
                .withTooltip(n -> n > 10 ? "big" : null)
                .withStyleClass(n -> n > 10 ? "big" : null)
                .call(new TableColumn<>());

        show(cell, 3);
        assertThat(cell.getText()).isEqualTo("#3");
        assertThat(((Label) cell.getGraphic()).getText()).isEqualTo("6");
        assertThat(cell.getTooltip()).isNull();
        assertThat(cell.getStyleClass()).doesNotContain("big");

        show(cell, 20);
        assertThat(((Label) cell.getGraphic()).getText()).isEqualTo("40");
        assertThat(cell.getTooltip().getText()).isEqualTo("big");
        assertThat(cell.getStyleClass()).containsOnlyOnce("big");

        show(cell, 30);
        assertThat(cell.getStyleClass()).containsOnlyOnce("big");

        show(cell, -1);
        assertThat(cell.getGraphic()).isNull();
        assertThat(cell.getTooltip()).isNull();
        assertThat(cell.getStyleClass()).doesNotContain("big");

        show(cell, null);
        assertThat(cell.getText()).isNull();
        show(cell, 5);
        assertThat(made).as("one graphic per cell, reused").hasValue(1);
    }

    @Test
    void theStyleClassListIsNotTouchedWhileTheValueKeepsIt() {
        TableCell<Integer, Integer> cell = ValueCellFactory.<Integer, Integer>create()
                .withStyleClass(n -> n > 10 ? "big" : null)
                .call(new TableColumn<>());
        show(cell, 20);
        List<String> before = List.copyOf(cell.getStyleClass());
        AtomicInteger changes = new AtomicInteger();
        cell.getStyleClass().addListener((ListChangeListener<String>) c -> changes.incrementAndGet());

        show(cell, 21);
        show(cell, 22);

        assertThat(changes).hasValue(0);
        assertThat(cell.getStyleClass()).containsExactlyElementsOf(before);
    }

    /** What a table does when the cell shows another row: the row's value changes under index 0. */
    private static void show(TableCell<Integer, Integer> cell, Integer value) {
        if (cell.getTableView() == null) {
            TableView<Integer> table = new TableView<>();
            TableColumn<Integer, Integer> column = new TableColumn<>();
            column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
            table.getColumns().add(column);
            table.getItems().add(0);
            cell.updateTableView(table);
            cell.updateTableColumn(column);
        }
        cell.getTableView().getItems().set(0, value);
        cell.updateIndex(0);
    }
}
