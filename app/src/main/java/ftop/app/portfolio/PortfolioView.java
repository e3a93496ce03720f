package ftop.app.portfolio;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.DateText;
import ftop.app.widgets.HealthChip;
import ftop.core.Labelled;
import ftop.core.health.DueState;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;

/**
 * The Portfolio tab: the customers of the workspace at a glance. Double-click or Enter opens the
 * selected customer in the Customer tab.
 */
public final class PortfolioView extends BorderPane {

    private final PortfolioViewModel model;
    private final TableView<PortfolioRow> table = new TableView<>();

    public PortfolioView(PortfolioViewModel model) {
        this.model = model;
        setId("portfolioView");
        table.setId("portfolioTable");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setItems(model.rows());
        // columns keep their widths; a narrow window scrolls sideways rather than clipping text
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(textColumn("Customer", "customerColumn", PortfolioRow::name, 186, 150));
        table.getColumns().add(tpidColumn());
        table.getColumns().add(textColumn("Segment", "segmentColumn", r -> r.customer().segment().label(), 88, 85));
        table.getColumns().add(textColumn("Region", "regionColumn", r -> r.customer().region().label(), 135, 130));
        table.getColumns().add(healthColumn("Overall health", "overallColumn", PortfolioRow::overall));
        for (WorkloadGroup group : WorkloadGroup.values()) {
            table.getColumns().add(healthColumn(group.label(), "group" + group.number() + "Column", r -> r.group(group)));
        }
        table.getColumns().add(textColumn("Status", "statusColumn",
                r -> r.status().map(Labelled::label).orElse("Not set"), 145, 140));
        table.getColumns().add(reviewColumn());
        table.getColumns().add(tenantsColumn());
        table.getColumns().add(flagsColumn());

        table.setRowFactory(tv -> {
            TableRow<PortfolioRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });

        Label empty = new Label("No customers in this workspace yet.");
        empty.getStyleClass().add("placeholder-text");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        StackPane placeholder = new StackPane(empty, spinner);
        spinner.visibleProperty().bind(model.loadingProperty());
        empty.visibleProperty().bind(model.loadingProperty().not());
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(model.errorProperty().isEmpty())
                .then("No customers in this workspace yet.").otherwise(model.errorProperty()));
        table.setPlaceholder(placeholder);
        setCenter(table);
    }

    /** The table, for the shell to focus. */
    public TableView<PortfolioRow> table() {
        return table;
    }

    private static TableColumn<PortfolioRow, String> textColumn(String title, String id,
            Function<PortfolioRow, String> value, double width, double minWidth) {
        TableColumn<PortfolioRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private static TableColumn<PortfolioRow, Long> tpidColumn() {
        TableColumn<PortfolioRow, Long> column = new TableColumn<>("TPID");
        column.setId("tpidColumn");
        column.setPrefWidth(98);
        column.setMinWidth(95);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tpid()));
        column.setStyle("-fx-alignment: center-right;");
        return column;
    }

    private static TableColumn<PortfolioRow, Optional<HealthColour>> healthColumn(String title, String id,
            Function<PortfolioRow, Optional<HealthColour>> value) {
        TableColumn<PortfolioRow, Optional<HealthColour>> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(title.startsWith("Overall") ? 128 : 88);
        column.setMinWidth(title.startsWith("Overall") ? 125 : 86);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        // worst first when sorted ascending; customers without data last
        column.setComparator(Comparator.comparing(o -> o.map(HealthColour::ordinal).orElse(Integer.MAX_VALUE)));
        column.setCellFactory(c -> new TableCell<>() {
            private final HealthChip chip = new HealthChip();

            @Override
            protected void updateItem(Optional<HealthColour> item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    chip.setColour(item);
                    setGraphic(chip);
                }
            }
        });
        return column;
    }

    private static TableColumn<PortfolioRow, DueState> reviewColumn() {
        TableColumn<PortfolioRow, DueState> column = new TableColumn<>("Next review");
        column.setId("reviewColumn");
        column.setPrefWidth(206);
        column.setMinWidth(200);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().review()));
        column.setComparator(Comparator.comparing(d -> d.dueOn().orElse(java.time.LocalDate.MIN)));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(DueState item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("overdue");
                setGraphic(null);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                String date = DateText.of(item.dueOn(), "No review date");
                if (item.overdue()) {
                    getStyleClass().add("overdue");
                    setGraphic(new FontIcon(Material2MZ.WARNING));
                    setText("Overdue · " + date);
                } else {
                    setText(date);
                }
            }
        });
        return column;
    }

    private static TableColumn<PortfolioRow, Integer> tenantsColumn() {
        TableColumn<PortfolioRow, Integer> column = new TableColumn<>("Tenants");
        column.setId("tenantsColumn");
        column.setPrefWidth(82);
        column.setMinWidth(80);
        column.setStyle("-fx-alignment: center-right;");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tenantCount()));
        return column;
    }

    /** The winner trophy and the COVID-19 RFA medical icon; each with a tooltip saying what it is. */
    private static TableColumn<PortfolioRow, PortfolioRow> flagsColumn() {
        TableColumn<PortfolioRow, PortfolioRow> column = new TableColumn<>("Flags");
        column.setId("flagsColumn");
        column.setPrefWidth(60);
        column.setMinWidth(56);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final FontIcon trophy = icon(new FontIcon(Material2AL.EMOJI_EVENTS), "flag-icon-winner",
                    "winnerIcon", "Winner tenant (SLT Watchlist)");
            private final FontIcon covid = icon(new FontIcon(Material2MZ.MEDICAL_SERVICES), "flag-icon-covid",
                    "covidIcon", "COVID-19 RFA approved");
            private final HBox box = new HBox(6);

            {
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(PortfolioRow item, boolean empty) {
                super.updateItem(item, empty);
                box.getChildren().clear();
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                if (item.winner()) {
                    box.getChildren().add(trophy);
                }
                if (item.covidRfa()) {
                    box.getChildren().add(covid);
                }
                setGraphic(box);
            }
        });
        return column;
    }

    private static FontIcon icon(FontIcon icon, String styleClass, String id, String tooltip) {
        icon.getStyleClass().add(styleClass);
        icon.setId(id);
        icon.setIconSize(18);
        Tooltip.install(icon, new Tooltip(tooltip));
        return icon;
    }
}
