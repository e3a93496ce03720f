package ftop.app.widgets;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.core.health.DueState;
import ftop.core.health.HealthColour;

/**
 * The columns several tables share, built one way: text, a health chip, a due date and a yes/no
 * flag drawn as an icon. Each takes the row's value as a function, so the columns know nothing of
 * customers or tenants; each sorts the way a person reads it (worst health first, the most overdue
 * review first, flagged rows first).
 */
public final class TableColumns {

    /** Worst colour first when sorted ascending; no data last. */
    public static final Comparator<Optional<HealthColour>> WORST_HEALTH_FIRST =
            Comparator.comparing(o -> o.map(HealthColour::ordinal).orElse(Integer.MAX_VALUE));
    /** Never reviewed first (the most overdue of all), then by date. */
    public static final Comparator<DueState> EARLIEST_DUE_FIRST =
            Comparator.comparing(d -> d.dueOn().orElse(LocalDate.MIN));

    private TableColumns() {
    }

    /** A column of text, sorted without regard to case. */
    public static <S> TableColumn<S, String> text(String title, String id, Function<S, String> value,
            double width, double minWidth) {
        TableColumn<S, String> column = column(title, id, width, minWidth);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(String.CASE_INSENSITIVE_ORDER);
        return column;
    }

    /** A column of values shown as they are (numbers, IDs), sorted by their natural order. */
    public static <S, T> TableColumn<S, T> plain(String title, String id, Function<S, T> value, double width,
            double minWidth) {
        TableColumn<S, T> column = column(title, id, width, minWidth);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    /** A column of {@link HealthChip}s; "No data" where there is no colour; worst first when sorted. */
    public static <S> TableColumn<S, Optional<HealthColour>> health(String title, String id,
            Function<S, Optional<HealthColour>> value, double width, double minWidth) {
        TableColumn<S, Optional<HealthColour>> column = column(title, id, width, minWidth);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(WORST_HEALTH_FIRST);
        column.setCellFactory(ValueCellFactory.<S, Optional<HealthColour>>create()
                .withGraphic(HealthChip::new, HealthChip::setColour));
        return column;
    }

    /**
     * A column of due dates: {@code text} says each in words; an overdue one carries the style class
     * {@code overdue} (red, bold) and, with {@code warningIcon}, a warning icon, so the colour is not
     * the only sign. The earliest (never done first) sorts first.
     */
    public static <S> TableColumn<S, DueState> due(String title, String id, Function<S, DueState> value,
            Function<DueState, String> text, boolean warningIcon, double width, double minWidth) {
        TableColumn<S, DueState> column = column(title, id, width, minWidth);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(EARLIEST_DUE_FIRST);
        ValueCellFactory<S, DueState> cells = ValueCellFactory.<S, DueState>create()
                .withText(text)
                .withStyleClass(due -> due.overdue() ? "overdue" : null);
        if (warningIcon) {
            cells.withGraphic(() -> new FontIcon(Material2MZ.WARNING), (icon, due) -> { })
                    .withGraphicWhen(DueState::overdue);
        }
        column.setCellFactory(cells);
        return column;
    }

    /**
     * A yes/no column drawn as an icon made by {@code icon} (give it a tooltip saying what it means);
     * nothing where the flag is not set. Flagged rows sort first.
     */
    public static <S> TableColumn<S, Boolean> flag(String title, String id, Predicate<S> value,
            Supplier<? extends Node> icon, double width, double minWidth) {
        TableColumn<S, Boolean> column = column(title, id, width, minWidth);
        column.getStyleClass().add("flag-column");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.test(c.getValue())));
        column.setComparator(Comparator.comparing((Boolean b) -> !b));
        column.setCellFactory(ValueCellFactory.<S, Boolean>create()
                .withGraphic(icon, (node, flagged) -> { })
                .withGraphicWhen(Boolean::booleanValue));
        return column;
    }

    private static <S, T> TableColumn<S, T> column(String title, String id, double width, double minWidth) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        return column;
    }
}
