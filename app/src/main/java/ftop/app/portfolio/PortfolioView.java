package ftop.app.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.portfolio.PortfolioViewModel.Section;
import ftop.app.widgets.DateText;
import ftop.app.widgets.FrozenColumns;
import ftop.app.widgets.SteadyList;
import ftop.app.widgets.SteadyTableSkin;
import ftop.app.widgets.TableColumns;
import ftop.app.widgets.ValueCellFactory;
import ftop.app.workspace.UnsyncedEdits;
import ftop.core.Labelled;
import ftop.core.health.WorkloadGroup;

/**
 * The Portfolio tab: the customers and tenants of the workspace at a glance, with one search box,
 * filters, ready-made views, multi-select and CSV export. Double-click or Enter opens the selected
 * customer in the Customer tab, or the selected tenant in the Tenant tab.
 */
public final class PortfolioView extends BorderPane {

    private final PortfolioViewModel model;
    private final TableView<PortfolioRow> table = new TableView<>();
    private final TableView<TenantRow> tenantTable = new TableView<>();
    private final ToggleButton customersSection = new ToggleButton("Customers");
    private final ToggleButton tenantsSection = new ToggleButton("Tenants");
    private final PortfolioFilterBar filterBar;
    private final StackPane tables = new StackPane();
    private final Button assignSelected = new Button("Assignments", new FontIcon(Material2AL.ASSIGNMENT_IND));

    private ExportDialog exportDialog = ExportDialog.fileChooser();
    /** Set while the section buttons are being brought in line with the model, so they do not write back. */
    private boolean syncing;

    public PortfolioView(PortfolioViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.filterBar = new PortfolioFilterBar(model);
        setId("portfolioView");
        getStyleClass().add("portfolio-view");

        buildCustomerTable();
        buildTenantTable();

        // only the table of the section that shows is in the scene, so lookups and focus find that one
        tables.getChildren().setAll(model.sectionProperty().get() == Section.TENANTS ? tenantTable : table);

        setTop(new VBox(toolbar(), filterBar));
        setCenter(tables);
        setBottom(footer());

        model.sectionProperty().addListener((obs, old, now) -> showSection(now));
        showSection(model.sectionProperty().get());
    }

    /** The customer table, for the shell to focus. */
    public TableView<PortfolioRow> table() {
        return table;
    }

    /** The tenant table. */
    public TableView<TenantRow> tenantTable() {
        return tenantTable;
    }

    /** The TPIDs of the selected rows of the section that shows (a tenant counts for its customer). */
    public List<Long> selectedTpids() {
        return List.copyOf(model.selectedTpids());
    }

    /** Replaces the dialog that asks where to save an export, e.g. in tests. */
    public void setExportDialog(ExportDialog dialog) {
        this.exportDialog = Objects.requireNonNull(dialog, "dialog");
    }

    // ------------------------------------------------------------------ bars

    private HBox toolbar() {
        ToggleGroup sections = new ToggleGroup();
        customersSection.setId("customersSection");
        tenantsSection.setId("tenantsSection");
        customersSection.setToggleGroup(sections);
        tenantsSection.setToggleGroup(sections);
        customersSection.getStyleClass().add(Styles.LEFT_PILL);
        tenantsSection.getStyleClass().add(Styles.RIGHT_PILL);
        customersSection.setGraphic(new FontIcon(Material2AL.BUSINESS));
        tenantsSection.setGraphic(new FontIcon(Material2AL.CLOUD_QUEUE));
        customersSection.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.US, "Customers  %,d", model.rows().size()), model.rows()));
        tenantsSection.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.US, "Tenants  %,d", model.tenants().size()), model.tenants()));
        // a pressed section stays pressed: clicking it again must not leave neither selected
        sections.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else if (!syncing) {
                model.sectionProperty().set(now == tenantsSection ? Section.TENANTS : Section.CUSTOMERS);
            }
        });
        HBox sectionBox = new HBox(customersSection, tenantsSection);

        CustomTextField search = filterBar.search();

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        assignSelected.setId("assignSelectedButton");
        Tooltip assignTip = new Tooltip();
        assignTip.textProperty().bind(Bindings.createStringBinding(() -> model.sectionProperty().get() == Section.TENANTS
                ? "Assignments of the selected tenants: several open a batch edit over just those tenants "
                        + "(Shift/Ctrl-click to select several)"
                : "Assignments of the selected customers (Shift/Ctrl-click to select several)", model.sectionProperty()));
        assignSelected.setTooltip(assignTip);
        assignSelected.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selectedTpids().isEmpty()
                        || !model.tenantBatchSelected() && model.onOpenAssignmentsProperty().get() == null,
                model.selectedTpids(), model.selectedTenantIds(), model.sectionProperty(),
                model.onOpenAssignmentsProperty(), model.onOpenTenantAssignmentsProperty()));
        assignSelected.textProperty().bind(Bindings.createStringBinding(() -> {
            int count = model.sectionProperty().get() == Section.TENANTS ? model.selectedTenantIds().size()
                    : model.selectedTpids().size();
            return count > 1 ? "Assignments (" + count + ")" : "Assignments";
        }, model.selectedTpids(), model.selectedTenantIds(), model.sectionProperty()));
        assignSelected.setOnAction(e -> model.openSelectedAssignments());

        Button export = new Button("Export all shown", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("exportButton");
        export.setTooltip(new Tooltip("Save the rows shown, in the order shown, as a CSV file"));
        export.setOnAction(e -> export(false));
        Button exportSelected = new Button("Export selected");
        exportSelected.setId("exportSelectedButton");
        exportSelected.setTooltip(new Tooltip("Save only the selected rows, in the order shown, as the same CSV file "
                + "(Shift/Ctrl-click selects several)"));
        exportSelected.setOnAction(e -> export(true));
        exportSelected.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.anySelected(),
                model.selectedTpids(), model.selectedTenantIds(), model.sectionProperty()));
        HBox exports = new HBox(export, exportSelected);
        export.getStyleClass().add(Styles.LEFT_PILL);
        exportSelected.getStyleClass().add(Styles.RIGHT_PILL);

        HBox bar = new HBox(10, sectionBox, search, spacer, assignSelected, exports);
        for (Control c : List.of(customersSection, tenantsSection, assignSelected, export,
                exportSelected)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.getStyleClass().add("portfolio-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox footer() {
        Label shown = new Label();
        shown.setId("shownCount");
        shown.getStyleClass().add("shown-count");
        shown.textProperty().bind(model.shownTextProperty());
        shown.setMinWidth(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("portfolioMessage");
        message.textProperty().bind(model.messageProperty());
        Label hint = new Label("Enter or double-click opens · Shift/Ctrl-click selects several");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(16, shown, message, spacer, hint);
        footer.getStyleClass().add("portfolio-footer");
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    private void showSection(Section section) {
        syncing = true;
        try {
            customersSection.setSelected(section == Section.CUSTOMERS);
            tenantsSection.setSelected(section == Section.TENANTS);
            TableView<?> shown = section == Section.TENANTS ? tenantTable : table;
            boolean hadFocus = tables.getChildren().stream().anyMatch(Node::isFocused);
            tables.getChildren().setAll(shown);
            if (hadFocus) {
                shown.requestFocus();
            }
        } finally {
            syncing = false;
        }
        updateSelection();
    }

    /** Asks where to, then writes the rows shown, or only the selected ones, as CSV. */
    private void export(boolean selectedOnly) {
        boolean customers = model.sectionProperty().get() == Section.CUSTOMERS;
        String name = (selectedOnly ? "portfolio-selected-" : "portfolio-") + (customers ? "customers.csv" : "tenants.csv");
        exportDialog.askWhereToSave(getScene() == null ? null : getScene().getWindow(), name)
                .ifPresent(selectedOnly ? model::exportSelected : model::exportShown);
    }

    /** Tells the model which customers (and tenants) are selected in the section that shows. */
    private void updateSelection() {
        Set<Long> tpids = new LinkedHashSet<>();
        List<UUID> tenantIds = new ArrayList<>();
        if (model.sectionProperty().get() == Section.CUSTOMERS) {
            for (PortfolioRow r : table.getSelectionModel().getSelectedItems()) {
                if (r != null) {
                    tpids.add(r.tpid());
                }
            }
        } else {
            for (TenantRow r : tenantTable.getSelectionModel().getSelectedItems()) {
                if (r != null) {
                    tpids.add(r.tpid());
                    tenantIds.add(r.tenantId());
                }
            }
        }
        // tenants first: the button's text and state read both lists when the customers change
        if (!model.selectedTenantIds().equals(tenantIds)) {
            model.selectedTenantIds().setAll(tenantIds);
        }
        if (!model.selectedTpids().equals(List.copyOf(tpids))) {
            model.selectedTpids().setAll(tpids);
        }
    }

    // ------------------------------------------------------------------ customers

    private void buildCustomerTable() {
        table.setId("portfolioTable");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE, "portfolio-table");
        // a keystroke that leaves a row's customer where it was leaves the row alone (see SteadyList)
        SteadyList.show(table, model.shownCustomers());
        table.setSkin(new SteadyTableSkin<>(table));
        // rows of one height let the table skip measuring each row after every keystroke
        table.setFixedCellSize(32);
        model.shownCustomers().comparatorProperty().bind(table.comparatorProperty());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<PortfolioRow>) c -> updateSelection());
        // columns keep their widths; a narrow window scrolls sideways rather than clipping text
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<PortfolioRow, PortfolioRow> actions = actionsColumn();
        // wide enough for typical names ("Woodgrove Financial Pharmaceuticals Highlands"); a longer one
        // shows in full on hover
        TableColumn<PortfolioRow, String> customer = TableColumns.text("Customer", "customerColumn", PortfolioRow::name,
                330, 150);
        // a dot after the name marks a customer someone else changed since it was last opened
        customer.setCellFactory(ValueCellFactory.<PortfolioRow, String>create().withText(name -> name)
                .withTooltip(name -> name)
                .withCellGraphic(cell -> new LiveMarkDot(cell, model.liveMarks()), (dot, name) -> dot.showForRow())
                .withSetup(cell -> cell.setContentDisplay(ContentDisplay.RIGHT)));
        // redrawn in place: the selection and the scroll position stay
        model.liveMarks().versionProperty().addListener((obs, old, now) -> table.refresh());
        table.getColumns().add(actions);
        table.getColumns().add(customer);
        table.getColumns().add(syncColumn());
        TableColumn<PortfolioRow, Long> tpid = TableColumns.plain("TPID", "tpidColumn", PortfolioRow::tpid, 98, 95);
        tpid.getStyleClass().add("number-column");
        table.getColumns().add(tpid);
        table.getColumns().add(TableColumns.text("Segment", "segmentColumn", r -> r.customer().segment().label(), 90, 85));
        table.getColumns().add(TableColumns.health("Overall health", "overallColumn", PortfolioRow::overall, 130, 126));
        for (WorkloadGroup group : WorkloadGroup.values()) {
            table.getColumns().add(TableColumns.health(group.label(), "group" + group.number() + "Column",
                    r -> r.group(group), 92, 88));
        }
        table.getColumns().add(TableColumns.text("Customer Status", "statusColumn",
                r -> r.status().map(Labelled::label).orElse("Not set"), 155, 140));
        table.getColumns().add(TableColumns.due("Next review", "reviewColumn", PortfolioRow::review,
                due -> due.overdue() ? "Overdue · " + DateText.of(due.dueOn(), "Never reviewed")
                        : DateText.of(due.dueOn(), "Never reviewed"), true, 252, 240));
        table.getColumns().add(TableColumns.text("CXP watchlist", "watchlistColumn",
                r -> r.watchlist().map(Labelled::label).orElse("Not set"), 145, 130));
        table.getColumns().add(TableColumns.text("Region", "regionColumn", r -> r.region().label(), 190, 120));
        table.getColumns().add(TableColumns.text("Vertical", "verticalColumn", r -> r.vertical().label(), 215, 110));
        table.getColumns().add(TableColumns.text("Health owner", "ownerColumn",
                r -> r.healthOwner().isEmpty() ? "Unassigned" : r.healthOwner(), 140, 100));
        TableColumn<PortfolioRow, Integer> tenants = TableColumns.plain("Tenants", "tenantsColumn",
                PortfolioRow::tenantCount, 92, 88);
        tenants.getStyleClass().add("number-column");
        table.getColumns().add(tenants);
        table.getColumns().add(flagsColumn());
        // scrolling right keeps each row's name (and its Assignments button) in sight
        FrozenColumns frozen = FrozenColumns.freeze(table, actions, customer);

        table.setRowFactory(openOnDoubleClick(model::open, frozen::newRow));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        table.setPlaceholder(placeholder("customers"));
    }

    /**
     * Rows that open their item on a plain double-click on that one row. The scene counts clicks
     * wherever they land, so a Shift- or Ctrl-click on a row soon after a click on another row
     * arrives as a double-click: that is someone selecting several rows, and it must not open the
     * row (which would switch tabs and take the keyboard away from the table mid-selection).
     */
    private static <R> Callback<TableView<R>, TableRow<R>> openOnDoubleClick(
            Consumer<R> open, Supplier<TableRow<R>> newRow) {
        // the row and item clicked last in this table; a double-click must land on the same one
        Object[] lastClick = new Object[2];
        return tv -> {
            TableRow<R> row = newRow.get();
            row.setOnMouseClicked(e -> {
                if (e.getButton() != MouseButton.PRIMARY || row.isEmpty()) {
                    return;
                }
                boolean sameRow = lastClick[0] == row && lastClick[1] == row.getItem();
                lastClick[0] = row;
                lastClick[1] = row.getItem();
                if (e.getClickCount() == 2 && sameRow && !e.isShiftDown() && !e.isShortcutDown()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        };
    }

    private Node placeholder(String what) {
        Label empty = new Label();
        empty.getStyleClass().add("placeholder-text");
        empty.setWrapText(true);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        spinner.visibleProperty().bind(model.loadingProperty().and(model.loadedProperty().not()));
        empty.visibleProperty().bind(spinner.visibleProperty().not());
        empty.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!model.errorProperty().get().isEmpty()) {
                return model.errorProperty().get();
            }
            boolean any = "customers".equals(what) ? !model.rows().isEmpty() : !model.tenants().isEmpty();
            return any ? "No " + what + " match these filters. Clear filters to see all of them."
                    : "No " + what + " in this workspace yet.";
        }, model.errorProperty(), model.rows(), model.tenants()));
        return new StackPane(empty, spinner);
    }

    /**
     * A warning when the customer's winner tenant is missing or doubled (the trophy itself is on the
     * winner tenant's row), and the COVID-19 RFA medical icon; each with a tooltip saying what it is.
     */
    private static TableColumn<PortfolioRow, PortfolioRow> flagsColumn() {
        TableColumn<PortfolioRow, PortfolioRow> column = TableColumns.plain("Flags", "flagsColumn", r -> r, 64, 56);
        // customers that need attention first: a winner warning, then COVID-19 RFA
        column.setComparator(Comparator.comparing((PortfolioRow r) -> r.winnerWarning().isEmpty() || !r.covidRfa())
                .thenComparing(r -> r.winnerWarning().isEmpty()).thenComparing(r -> !r.covidRfa()));
        column.setCellFactory(ValueCellFactory.<PortfolioRow, PortfolioRow>create()
                .withGraphic(FlagIcons::new, FlagIcons::show)
                .withGraphicWhen(r -> r.winnerWarning().isPresent() || r.covidRfa()));
        return column;
    }

    /**
     * The customer's edits the server has not taken yet: an upload icon with the number waiting to be
     * sent and a warning icon with the number waiting for a decision, each in its colour and with a
     * tooltip that says it in words; empty when everything is synced. Kept narrow so the customer's
     * name keeps its room. Sorting puts conflicts first, then the most pending.
     */
    private static TableColumn<PortfolioRow, UnsyncedEdits> syncColumn() {
        TableColumn<PortfolioRow, UnsyncedEdits> column = new TableColumn<>("Sync");
        column.setId("syncColumn");
        column.setPrefWidth(84);
        column.setMinWidth(64);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().unsynced()));
        column.setComparator(Comparator.comparingInt(UnsyncedEdits::conflicts).reversed()
                .thenComparing(Comparator.comparingInt(UnsyncedEdits::pending).reversed()));
        column.setCellFactory(ValueCellFactory.<PortfolioRow, UnsyncedEdits>create()
                .withGraphic(SyncMarkers::new, SyncMarkers::show)
                .withGraphicWhen(UnsyncedEdits::any));
        return column;
    }

    /** The Assignments icon of each row, handed to whoever registered {@code onOpenAssignments}. */
    private TableColumn<PortfolioRow, PortfolioRow> actionsColumn() {
        TableColumn<PortfolioRow, PortfolioRow> column = new TableColumn<>();
        column.setId("actionsColumn");
        FontIcon header = new FontIcon(Material2AL.ASSIGNMENT_IND);
        Tooltip.install(header, new Tooltip("Action: Assignments"));
        column.setGraphic(header);
        column.setPrefWidth(46);
        column.setMinWidth(46);
        column.setMaxWidth(46);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(ValueCellFactory.<PortfolioRow, PortfolioRow>create()
                .withCellGraphic(cell -> assignmentsButton(cell), (button, row) -> { }));
        return column;
    }

    /** The row's own Assignments button: it asks for the assignments of the customer of its cell. */
    private Button assignmentsButton(TableCell<PortfolioRow, PortfolioRow> cell) {
        Button button = new Button(null, new FontIcon(Material2AL.ASSIGNMENT_IND));
        button.setId("assignmentsButton");
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        button.setTooltip(new Tooltip("Assignments"));
        button.disableProperty().bind(model.onOpenAssignmentsProperty().isNull());
        button.setOnAction(e -> {
            PortfolioRow row = cell.getItem();
            if (row != null) {
                model.openAssignments(List.of(row.tpid()));
            }
        });
        return button;
    }

    // ------------------------------------------------------------------ tenants

    private void buildTenantTable() {
        tenantTable.setId("tenantTable");
        tenantTable.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE, "portfolio-table");
        SteadyList.show(tenantTable, model.shownTenants());
        tenantTable.setSkin(new SteadyTableSkin<>(tenantTable));
        tenantTable.setFixedCellSize(30);
        model.shownTenants().comparatorProperty().bind(tenantTable.comparatorProperty());
        tenantTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tenantTable.getSelectionModel().getSelectedItems()
                .addListener((ListChangeListener<TenantRow>) c -> updateSelection());
        tenantTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        tenantTable.getColumns().add(TableColumns.text("Tenant name", "tenantNameColumn", TenantRow::name, 290, 160));
        TableColumn<TenantRow, String> id = TableColumns.text("Tenant ID", "tenantIdColumn", r -> r.tenantId().toString(), 320, 200);
        id.getStyleClass().add("id-column");
        tenantTable.getColumns().add(id);
        tenantTable.getColumns().add(TableColumns.text("Customer", "tenantCustomerColumn", r -> r.customer().name(), 210, 140));
        TableColumn<TenantRow, Long> tpid = TableColumns.plain("TPID", "tenantTpidColumn", TenantRow::tpid, 98, 10);
        tpid.getStyleClass().add("number-column");
        tenantTable.getColumns().add(tpid);
        tenantTable.getColumns().add(flagColumn("Winner", "winnerColumn", TenantRow::winner, FlagIcons::winnerIcon));
        tenantTable.getColumns().add(flagColumn("COVID-19 RFA", "covidColumn", TenantRow::covidRfa, FlagIcons::covidIcon));
        tenantTable.getColumns().add(TableColumns.text("Is Enterprise", "enterpriseColumn",
                r -> r.tenant().enterpriseLevel().map(Labelled::label).orElse("No"), 122, 110));
        TableColumn<TenantRow, Long> users = TableColumns.plain("Users", "usersColumn", r -> r.tenant().userCount(), 90, 10);
        users.getStyleClass().add("number-column");
        users.setCellFactory(ValueCellFactory.<TenantRow, Long>create().withText(n -> String.format(Locale.US, "%,d", n)));
        tenantTable.getColumns().add(users);
        tenantTable.getColumns().add(TableColumns.text("FM", "tenantFmColumn", r -> r.fm().isEmpty() ? "—" : r.fm(), 150, 100));
        tenantTable.getColumns().add(TableColumns.text("Origin", "originColumn", r -> r.tenant().origin().label(), 170, 120));

        tenantTable.setRowFactory(openOnDoubleClick(model::openTenant, TableRow::new));
        tenantTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.openTenant(tenantTable.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        tenantTable.setPlaceholder(placeholder("tenants"));
    }

    /** A yes/no column drawn as an icon (with a tooltip); sorting puts the flagged rows first. */
    private static TableColumn<TenantRow, Boolean> flagColumn(String title, String id, Predicate<TenantRow> value,
            Supplier<FontIcon> icon) {
        return TableColumns.flag(title, id, value, icon, title.length() > 8 ? 128 : 76, 64);
    }
}
