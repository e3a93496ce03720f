package ftop.app.review;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.widgets.Plurals;
import ftop.app.widgets.TableColumns;
import ftop.app.widgets.ValueCellFactory;
import ftop.core.health.DueState;
import ftop.core.review.ReviewItem;

/**
 * The Review tab's queue: the customers whose review is due, most pressing first (by due date, then
 * health), with a filter, a tick per customer to nominate it for the meeting, and a sort by any
 * column. Selecting a customer opens its brief; Enter moves to the brief, Space nominates.
 */
final class ReviewQueuePane extends VBox {

    private final ReviewViewModel model;
    private final Runnable focusBrief;
    private final TableView<ReviewItem> table = new TableView<>();
    private final FilteredList<ReviewItem> shown;
    private final TextField filter = new TextField();

    /**
     * @param model      the tab's state
     * @param focusBrief moves the keyboard to the brief of the customer selected
     */
    ReviewQueuePane(ReviewViewModel model, Runnable focusBrief) {
        super(8);
        this.model = Objects.requireNonNull(model, "model");
        this.focusBrief = Objects.requireNonNull(focusBrief, "focusBrief");
        this.shown = new FilteredList<>(model.queue());
        Label heading = new Label("Review queue");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label count = new Label();
        count.setId("queueCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> shown.size() == model.queue().size()
                ? Plurals.count(shown.size(), "customer") + " due"
                : shown.size() + " of " + model.queue().size() + " shown", shown, model.queue()));

        filter.setId("queueFilter");
        filter.setPromptText("Filter by name, TPID or reason");
        filter.textProperty().addListener((obs, old, now) -> {
            String key = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(key.isEmpty() ? null : item -> (item.customer().name() + " " + item.tpid() + " "
                    + item.reason()).toLowerCase(Locale.ROOT).contains(key));
        });
        HBox.setHgrow(filter, Priority.ALWAYS);

        Button all = new Button("Nominate all shown", new FontIcon(Material2AL.DONE_ALL));
        all.setId("nominateAll");
        all.setTooltip(new Tooltip("Nominate every customer the queue shows for the meeting"));
        all.setOnAction(e -> model.nominateAll(shown.stream().map(ReviewItem::tpid).toList()));
        all.disableProperty().bind(Bindings.isEmpty(shown));
        Button none = new Button("Clear");
        none.setId("clearNominations");
        none.setTooltip(new Tooltip("Take every customer off the meeting"));
        none.setOnAction(e -> model.clearNominations());
        none.disableProperty().bind(Bindings.isEmpty(model.nominated()));

        HBox top = new HBox(8, heading, count);
        top.setAlignment(Pos.BASELINE_LEFT);
        HBox tools = new HBox(8, filter, all, none);
        tools.setAlignment(Pos.CENTER_LEFT);

        table.setId("reviewQueue");
        // sorted by the column the person picks; by the queue's own order (due date first) otherwise
        SortedList<ReviewItem> sorted = new SortedList<>(shown);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.STRIPED);
        table.getColumns().add(nominateColumn());
        table.getColumns().add(customerColumn());
        table.getColumns().add(healthColumn());
        table.getColumns().add(reviewColumn());
        table.getColumns().add(reasonColumn());
        Label empty = new Label("Loading the review queue\u2026");
        empty.getStyleClass().add("placeholder-text");
        empty.textProperty().bind(Bindings.when(model.loadingProperty()).then("Loading the review queue\u2026")
                .otherwise(Bindings.when(Bindings.isEmpty(model.queue()))
                        .then("No customer needs a review this week.").otherwise("No customer matches the filter.")));
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TableRow<ReviewItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() == 2) {
                    focusBrief.run();
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.open(now.tpid());
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            ReviewItem selected = table.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                model.open(selected.tpid());
                focusBrief.run();
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE) {
                model.nominate(selected.tpid(), !model.nominated().contains(selected.tpid()));
                e.consume();
            }
        });
        model.nominated().addListener((SetChangeListener<Long>) c -> table.refresh());
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(top, tools, table);
        getStyleClass().add("review-queue-pane");
    }

    /** The queue table; for keyboard focus. */
    TableView<ReviewItem> table() {
        return table;
    }

    private TableColumn<ReviewItem, ReviewItem> nominateColumn() {
        TableColumn<ReviewItem, ReviewItem> column = new TableColumn<>();
        CheckBox header = new CheckBox();
        header.setId("nominateHeader");
        header.setTooltip(new Tooltip("Nominate all shown, or none"));
        header.setOnAction(e -> {
            if (header.isSelected()) {
                model.nominateAll(shown.stream().map(ReviewItem::tpid).toList());
            } else {
                shown.forEach(item -> model.nominate(item.tpid(), false));
            }
        });
        model.nominated().addListener((SetChangeListener<Long>) c -> header.setSelected(!shown.isEmpty()
                && shown.stream().allMatch(item -> model.nominated().contains(item.tpid()))));
        column.setGraphic(header);
        column.setSortable(false);
        column.setReorderable(false);
        column.setMinWidth(44);
        column.setMaxWidth(44);
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        column.setCellFactory(ValueCellFactory.<ReviewItem, ReviewItem>create()
                .withSetup(cell -> cell.setAlignment(Pos.CENTER))
                .withCellGraphic(cell -> {
                    CheckBox box = new CheckBox();
                    box.setOnAction(e -> {
                        ReviewItem item = cell.getItem();
                        if (item != null) {
                            model.nominate(item.tpid(), box.isSelected());
                        }
                    });
                    return box;
                }, (box, item) -> {
                    box.setId("nominate-" + item.tpid());
                    box.setSelected(model.nominated().contains(item.tpid()));
                }));
        return column;
    }

    private static TableColumn<ReviewItem, ReviewItem> customerColumn() {
        TableColumn<ReviewItem, ReviewItem> column = TableColumns.plain("Customer", "queueCustomerColumn", i -> i,
                200, 170);
        column.setComparator(Comparator.comparing(i -> i.customer().name(), String.CASE_INSENSITIVE_ORDER));
        column.setCellFactory(ValueCellFactory.<ReviewItem, ReviewItem>create()
                .withCellGraphic(NameAndTpid::new, NameAndTpid::show));
        return column;
    }

    /** The customer's name in bold over its TPID in small muted type; made once per cell. */
    private static final class NameAndTpid extends VBox {
        private final Label name;
        private final Label tpid = new Label();
        private final Tooltip nameTip = new Tooltip();

        NameAndTpid(TableCell<?, ?> cell) {
            // a long name takes a second line; beyond that the tooltip has it
            name = new ClampedText(cell, "queue-customer");
            name.setTooltip(nameTip);
            tpid.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            getChildren().addAll(name, tpid);
            setAlignment(Pos.CENTER_LEFT);
        }

        void show(ReviewItem item) {
            name.setText(item.customer().name());
            nameTip.setText(item.customer().name());
            tpid.setText("TPID " + item.tpid());
        }
    }

    private static TableColumn<ReviewItem, ?> healthColumn() {
        return TableColumns.health("Health", "queueHealthColumn", ReviewItem::overall, 96, 90);
    }

    private static TableColumn<ReviewItem, ?> reviewColumn() {
        return TableColumns.due("Review", "queueReviewColumn", ReviewItem::review, ReviewQueuePane::due, false, 132, 126);
    }

    /** e.g. "12 days late", "Due in 3 days", "Due today", "No review date". */
    static String due(DueState state) {
        if (state.dueOn().isEmpty()) {
            return "No review date";
        }
        long late = state.daysOverdue().orElse(0);
        if (late > 0) {
            return Plurals.count(late, "day") + " late";
        }
        long left = state.daysRemaining().orElse(0);
        return left == 0 ? "Due today" : "Due in " + Plurals.count(left, "day");
    }

    private static TableColumn<ReviewItem, String> reasonColumn() {
        TableColumn<ReviewItem, String> column = TableColumns.text("Why", "queueReasonColumn", ReviewItem::reason, 260, 120);
        column.setCellFactory(ValueCellFactory.<ReviewItem, String>create()
                .withCellGraphic(cell -> new ClampedText(cell, "queue-reason"), Label::setText)
                // the whole reason also on hover, for a column made narrow
                .withTooltip(reason -> reason));
        return column;
    }
}
