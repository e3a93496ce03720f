package ftop.app.widgets;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/**
 * One fluent cell factory for every table column, in the spirit of JabRef's
 * {@code ValueTableCellFactory}: a column says what its cells show as functions of the cell's value
 * (text, graphic, tooltip, a style class) instead of writing an anonymous {@code TableCell}.
 *
 * <p>Cells are reused as the table scrolls and filters, so the factory keeps the work per update
 * small: a graphic is made once per cell and only updated with each value (never re-created), and
 * the graphic, style class and tooltip are changed only when they differ from what the cell has
 * (each such change makes JavaFX style the cell again).
 *
 * <pre>
 * column.setCellFactory(ValueCellFactory.&lt;Row, DueState&gt;create()
 *         .withText(due -&gt; DateText.of(due.dueOn(), "Never reviewed"))
 *         .withStyleClass(due -&gt; due.overdue() ? "overdue" : null));
 * </pre>
 *
 * @param <S> the type of the table's rows
 * @param <T> the type of the column's values
 */
public final class ValueCellFactory<S, T> implements Callback<TableColumn<S, T>, TableCell<S, T>> {

    private Function<T, String> text;
    private Function<TableCell<S, T>, ? extends Node> makeGraphic;
    private BiConsumer<Node, T> showGraphic;
    private Predicate<T> graphicShown = value -> true;
    private Function<T, String> tooltip;
    private Function<T, String> styleClass;
    private Consumer<TableCell<S, T>> setup = cell -> { };

    private ValueCellFactory() {
    }

    /** A factory whose cells show nothing until told what to show. */
    public static <S, T> ValueCellFactory<S, T> create() {
        return new ValueCellFactory<>();
    }

    /** The cell's text for a value; {@code null} shows none. */
    public ValueCellFactory<S, T> withText(Function<T, String> toText) {
        this.text = Objects.requireNonNull(toText, "toText");
        return this;
    }

    /**
     * A graphic made once per cell by {@code make} and brought in line with each value by
     * {@code show}; shown for every value unless {@link #withGraphicWhen} says otherwise.
     */
    public <G extends Node> ValueCellFactory<S, T> withGraphic(Supplier<G> make, BiConsumer<G, T> show) {
        Objects.requireNonNull(make, "make");
        return withCellGraphic(cell -> make.get(), show);
    }

    /**
     * As {@link #withGraphic(Supplier, BiConsumer)}, for a graphic that needs its cell, e.g. a button
     * acting on the cell's row ({@link TableCell#getItem()}).
     */
    @SuppressWarnings("unchecked")
    public <G extends Node> ValueCellFactory<S, T> withCellGraphic(Function<TableCell<S, T>, G> make,
            BiConsumer<G, T> show) {
        this.makeGraphic = Objects.requireNonNull(make, "make");
        Objects.requireNonNull(show, "show");
        this.showGraphic = (node, value) -> show.accept((G) node, value);
        return this;
    }

    /** Shows the graphic only for the values {@code shown} accepts (e.g. a flag icon only when set). */
    public ValueCellFactory<S, T> withGraphicWhen(Predicate<T> shown) {
        this.graphicShown = Objects.requireNonNull(shown, "shown");
        return this;
    }

    /** The cell's tooltip for a value; {@code null} or blank shows none. */
    public ValueCellFactory<S, T> withTooltip(Function<T, String> toTooltip) {
        this.tooltip = Objects.requireNonNull(toTooltip, "toTooltip");
        return this;
    }

    /** One style class the cell carries for a value (e.g. "overdue"); {@code null} adds none. */
    public ValueCellFactory<S, T> withStyleClass(Function<T, String> toStyleClass) {
        this.styleClass = Objects.requireNonNull(toStyleClass, "toStyleClass");
        return this;
    }

    /** Runs once on every new cell, e.g. to set its alignment. */
    public ValueCellFactory<S, T> withSetup(Consumer<TableCell<S, T>> onNewCell) {
        this.setup = Objects.requireNonNull(onNewCell, "onNewCell");
        return this;
    }

    @Override
    public TableCell<S, T> call(TableColumn<S, T> column) {
        ValueCell cell = new ValueCell();
        setup.accept(cell);
        return cell;
    }

    /** The cell every column of this factory gets. */
    private final class ValueCell extends TableCell<S, T> {

        private Node graphic;
        private Tooltip tip;
        private String extraClass;

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            boolean blank = empty || item == null;
            if (text != null) {
                setText(blank ? null : text.apply(item));
            }
            if (makeGraphic != null) {
                showGraphic(blank ? null : item);
            }
            if (tooltip != null) {
                showTooltip(blank ? null : tooltip.apply(item));
            }
            if (styleClass != null) {
                showStyleClass(blank ? null : styleClass.apply(item));
            }
        }

        private void showGraphic(T item) {
            boolean shown = item != null && graphicShown.test(item);
            if (!shown) {
                if (getGraphic() != null) {
                    setGraphic(null);
                }
                return;
            }
            if (graphic == null) {
                graphic = makeGraphic.apply(this);
            }
            showGraphic.accept(graphic, item);
            if (getGraphic() != graphic) {
                setGraphic(graphic);
            }
        }

        private void showTooltip(String value) {
            if (value == null || value.isBlank()) {
                if (getTooltip() != null) {
                    setTooltip(null);
                }
                return;
            }
            if (tip == null) {
                tip = new Tooltip();
                tip.setWrapText(true);
                tip.setMaxWidth(480);
            }
            tip.setText(value);
            if (getTooltip() != tip) {
                setTooltip(tip);
            }
        }

        /** Changes the style class only when the value asks for another: a style-class change re-styles the cell. */
        private void showStyleClass(String wanted) {
            if (Objects.equals(wanted, extraClass)) {
                return;
            }
            if (extraClass != null) {
                getStyleClass().remove(extraClass);
            }
            if (wanted != null) {
                getStyleClass().add(wanted);
            }
            extraClass = wanted;
        }
    }
}
