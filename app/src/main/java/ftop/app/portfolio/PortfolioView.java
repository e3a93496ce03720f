package ftop.app.portfolio;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.portfolio.PortfolioViewModel.Section;
import ftop.app.widgets.DateText;
import ftop.app.workspace.UnsyncedEdits;
import ftop.app.widgets.HealthChip;
import ftop.core.Labelled;
import ftop.core.customer.Segment;
import ftop.core.health.CustomerStatus;
import ftop.core.health.DueState;
import ftop.core.health.HealthColour;
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
    private final CustomTextField search = new CustomTextField();
    private final ToggleButton customersSection = new ToggleButton("Customers");
    private final ToggleButton tenantsSection = new ToggleButton("Tenants");
    private final ComboBox<Choice<ftop.core.customer.Region>> regionFilter = new ComboBox<>();
    private final ComboBox<Choice<Segment>> segmentFilter = new ComboBox<>();
    private final MenuButton healthFilter = new MenuButton();
    private final MenuButton statusFilter = new MenuButton();
    private final Map<HealthColour, CheckMenuItem> healthItems = new java.util.EnumMap<>(HealthColour.class);
    private final Map<CustomerStatus, CheckMenuItem> statusItems = new java.util.EnumMap<>(CustomerStatus.class);
    private final ToggleButton overdueFilter = filterToggle("Overdue", "overdueFilter", Material2MZ.WARNING);
    private final ToggleButton covidFilter = filterToggle("COVID-19 RFA", "covidFilter", Material2MZ.MEDICAL_SERVICES);
    private final ToggleButton watchlistFilter = filterToggle("Watchlist", "watchlistFilter", Material2MZ.VISIBILITY);
    private final ToggleButton mineFilter = filterToggle("Mine only", "mineFilter", Material2AL.ACCOUNT_CIRCLE);
    /** "With unsynced edits", said short so the filter bar still fits a 1400-pixel window. */
    private final ToggleButton unsyncedFilter = filterToggle("Unsynced", "unsyncedFilter", Material2AL.CLOUD_UPLOAD);
    private final StackPane tables = new StackPane();
    private final Button assignSelected = new Button("Assignments", new FontIcon(Material2AL.ASSIGNMENT_IND));

    private ExportDialog exportDialog = ExportDialog.fileChooser();
    /** Set while the controls are being brought in line with the model, so they do not write back. */
    private boolean syncing;

    public PortfolioView(PortfolioViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        setId("portfolioView");
        getStyleClass().add("portfolio-view");

        buildCustomerTable();
        buildTenantTable();

        // only the table of the section that shows is in the scene, so lookups and focus find that one
        tables.getChildren().setAll(model.sectionProperty().get() == Section.TENANTS ? tenantTable : table);

        setTop(new VBox(toolbar(), filterBar()));
        setCenter(tables);
        setBottom(footer());

        model.filterProperty().addListener((obs, old, now) -> showFilter(now));
        model.sectionProperty().addListener((obs, old, now) -> showSection(now));
        showFilter(model.filterProperty().get());
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

        search.setId("portfolioSearch");
        search.setPromptText("Name, TPID, tenant name or ID");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        search.setPrefWidth(300);
        search.setMinWidth(220);
        Button clearSearch = new Button(null, new FontIcon(Material2AL.CLOSE));
        clearSearch.setId("clearSearch");
        clearSearch.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clearSearch.setOnAction(e -> search.clear());
        clearSearch.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clearSearch);
        search.textProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                update(f -> f.withText(now));
            }
        });

        Label views = new Label("Views");
        views.getStyleClass().add(Styles.TEXT_MUTED);
        HBox presets = new HBox(4, views);
        presets.setAlignment(Pos.CENTER_LEFT);
        for (PortfolioFilter.Preset preset : PortfolioFilter.Preset.values()) {
            Button button = new Button(preset.label());
            button.setId(switch (preset) {
                case OVERDUE_REVIEWS -> "viewOverdue";
                case RED_AND_YELLOW -> "viewRedYellow";
                case BLOCKED -> "viewBlocked";
            });
            button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, "preset-button");
            button.setTooltip(new Tooltip("Show only: " + preset.label() + " (other filters are cleared)"));
            button.setOnAction(e -> model.filterProperty().set(preset.filter()));
            presets.getChildren().add(button);
        }

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

        Button export = new Button("Export CSV", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("exportButton");
        export.setTooltip(new Tooltip("Save the rows shown, in the order shown, as a CSV file"));
        export.setOnAction(e -> export());

        HBox bar = new HBox(10, sectionBox, search, presets, spacer, assignSelected, export);
        for (javafx.scene.control.Control c : List.of(customersSection, tenantsSection, assignSelected, export)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        presets.setMinWidth(Region.USE_PREF_SIZE);
        bar.getStyleClass().add("portfolio-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private FlowPane filterBar() {
        Label filters = new Label(null, new FontIcon(Material2AL.FILTER_LIST));
        filters.setTooltip(new Tooltip("Filters"));

        regionFilter.setId("regionFilter");
        regionFilter.getItems().add(new Choice<>(null, "All regions"));
        for (ftop.core.customer.Region r : ftop.core.customer.Region.values()) {
            regionFilter.getItems().add(new Choice<>(r, r.label()));
        }
        regionFilter.setTooltip(new Tooltip("Region"));
        regionFilter.setPrefWidth(150);
        regionFilter.valueProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                update(f -> f.withRegion(Optional.ofNullable(now.value())));
            }
        });

        segmentFilter.setId("segmentFilter");
        segmentFilter.getItems().add(new Choice<>(null, "All segments"));
        for (Segment s : Segment.values()) {
            segmentFilter.getItems().add(new Choice<>(s, s.label()));
        }
        segmentFilter.setTooltip(new Tooltip("Segment"));
        segmentFilter.setPrefWidth(140);
        segmentFilter.valueProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                update(f -> f.withSegment(Optional.ofNullable(now.value())));
            }
        });

        healthFilter.setId("healthFilter");
        for (HealthColour colour : HealthColour.values()) {
            CheckMenuItem item = new CheckMenuItem(colour.label(), new HealthChip(colour));
            item.setText(null);
            item.setId("health" + colour.label());
            item.selectedProperty().addListener((obs, old, now) -> {
                if (!syncing) {
                    update(f -> f.withHealth(toggled(f.health(), colour, now, HealthColour.class)));
                }
            });
            healthItems.put(colour, item);
            healthFilter.getItems().add(item);
        }

        statusFilter.setId("statusFilter");
        for (CustomerStatus status : CustomerStatus.values()) {
            CheckMenuItem item = new CheckMenuItem(status.label());
            item.setId("status" + status.label().replace(" ", ""));
            item.selectedProperty().addListener((obs, old, now) -> {
                if (!syncing) {
                    update(f -> f.withStatuses(toggled(f.statuses(), status, now, CustomerStatus.class)));
                }
            });
            statusItems.put(status, item);
            statusFilter.getItems().add(item);
        }

        overdueFilter.selectedProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                update(f -> f.withOverdue(now));
            }
        });
        covidFilter.selectedProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                update(f -> f.withCovidRfa(now));
            }
        });
        watchlistFilter.selectedProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                update(f -> f.withWatchlist(now));
            }
        });
        mineFilter.selectedProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                update(f -> f.withMine(now));
            }
        });
        unsyncedFilter.selectedProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                update(f -> f.withUnsynced(now));
            }
        });
        unsyncedFilter.setTooltip(new Tooltip("With unsynced edits: only customers with edits the server has not "
                + "taken yet, waiting to be sent or in conflict"));
        overdueFilter.setTooltip(new Tooltip("Only customers whose review date has passed, or who were never reviewed"));
        covidFilter.setTooltip(new Tooltip("Only tenants (customers) with an approved COVID-19 RFA"));
        watchlistFilter.setTooltip(new Tooltip("Only customers on the CXP watchlist, critical included"));
        Tooltip mine = new Tooltip();
        // says whose assignments count, and follows a new sign-in
        mine.textProperty().bind(Bindings.createStringBinding(() -> model.userProperty().get() == null
                || model.userProperty().get().isEmpty() ? "Only what I am assigned to"
                : "Only what " + model.userProperty().get() + " is assigned to", model.userProperty()));
        mineFilter.setTooltip(mine);

        Button clear = new Button("Clear filters", new FontIcon(Material2AL.CLEAR_ALL));
        clear.setId("clearFilters");
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.disableProperty().bind(Bindings.createBooleanBinding(() -> model.filterProperty().get().isEmpty(),
                model.filterProperty()));
        clear.setOnAction(e -> model.filterProperty().set(PortfolioFilter.NONE));

        Separator separator = new Separator(javafx.geometry.Orientation.VERTICAL);
        separator.setPrefHeight(24);
        // a narrow window wraps the last filters onto a second line rather than pushing them (and
        // the toolbar's Export) off the window's edge
        FlowPane bar = new FlowPane(8, 6, filters, regionFilter, segmentFilter, healthFilter, statusFilter, separator,
                overdueFilter, covidFilter, watchlistFilter, mineFilter, unsyncedFilter, clear);
        bar.setRowValignment(javafx.geometry.VPos.CENTER);
        // filters never shrink into "Any ..."
        for (Node n : List.of(regionFilter, segmentFilter, healthFilter, statusFilter, overdueFilter, covidFilter,
                watchlistFilter, mineFilter, unsyncedFilter, clear)) {
            ((javafx.scene.control.Control) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.getStyleClass().add("portfolio-filters");
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

    private static ToggleButton filterToggle(String text, String id, Ikon icon) {
        ToggleButton toggle = new ToggleButton(text, new FontIcon(icon));
        toggle.setId(id);
        toggle.getStyleClass().add("filter-toggle");
        return toggle;
    }

    private void update(Function<PortfolioFilter, PortfolioFilter> change) {
        model.filterProperty().set(change.apply(model.filterProperty().get()));
    }

    private static <E extends Enum<E>> Set<E> toggled(Set<E> set, E value, boolean on, Class<E> type) {
        Set<E> copy = set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
        if (on) {
            copy.add(value);
        } else {
            copy.remove(value);
        }
        return copy;
    }

    /** Brings every control in line with {@code f}, e.g. after a ready-made view or on start. */
    private void showFilter(PortfolioFilter f) {
        syncing = true;
        try {
            if (!search.getText().equals(f.text())) {
                search.setText(f.text());
            }
            regionFilter.setValue(regionFilter.getItems().stream()
                    .filter(c -> Objects.equals(c.value(), f.region().orElse(null))).findFirst().orElseThrow());
            segmentFilter.setValue(segmentFilter.getItems().stream()
                    .filter(c -> Objects.equals(c.value(), f.segment().orElse(null))).findFirst().orElseThrow());
            healthItems.forEach((colour, item) -> item.setSelected(f.health().contains(colour)));
            statusItems.forEach((status, item) -> item.setSelected(f.statuses().contains(status)));
            healthFilter.setText(f.health().isEmpty() ? "Any health"
                    : "Health: " + String.join(", ", EnumSet.copyOf(f.health()).stream().map(HealthColour::label).toList()));
            statusFilter.setText(f.statuses().isEmpty() ? "Any status"
                    : "Status: " + String.join(", ", EnumSet.copyOf(f.statuses()).stream().map(CustomerStatus::label).toList()));
            highlight(healthFilter, !f.health().isEmpty());
            highlight(statusFilter, !f.statuses().isEmpty());
            highlight(regionFilter, f.region().isPresent());
            highlight(segmentFilter, f.segment().isPresent());
            overdueFilter.setSelected(f.overdue());
            covidFilter.setSelected(f.covidRfa());
            watchlistFilter.setSelected(f.watchlist());
            mineFilter.setSelected(f.mine());
            unsyncedFilter.setSelected(f.unsynced());
        } finally {
            syncing = false;
        }
    }

    private static void highlight(Node control, boolean active) {
        control.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("filtering"), active);
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

    private void export() {
        boolean customers = model.sectionProperty().get() == Section.CUSTOMERS;
        String name = customers ? "portfolio-customers.csv" : "portfolio-tenants.csv";
        exportDialog.askWhereToSave(getScene() == null ? null : getScene().getWindow(), name)
                .ifPresent(model::exportShown);
    }

    /** Tells the model which customers (and tenants) are selected in the section that shows. */
    private void updateSelection() {
        Set<Long> tpids = new LinkedHashSet<>();
        List<java.util.UUID> tenantIds = new java.util.ArrayList<>();
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
        table.setItems(model.shownCustomers());
        // rows of one height let the table skip measuring each row after every keystroke
        table.setFixedCellSize(32);
        model.shownCustomers().comparatorProperty().bind(table.comparatorProperty());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<PortfolioRow>) c -> updateSelection());
        // columns keep their widths; a narrow window scrolls sideways rather than clipping text
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(actionsColumn());
        table.getColumns().add(textColumn("Customer", "customerColumn", PortfolioRow::name, 240, 150));
        table.getColumns().add(syncColumn());
        table.getColumns().add(tpidColumn());
        table.getColumns().add(textColumn("Segment", "segmentColumn", r -> r.customer().segment().label(), 90, 85));
        table.getColumns().add(healthColumn("Overall health", "overallColumn", PortfolioRow::overall, 130));
        for (WorkloadGroup group : WorkloadGroup.values()) {
            table.getColumns().add(healthColumn(group.label(), "group" + group.number() + "Column", r -> r.group(group), 92));
        }
        table.getColumns().add(textColumn("Customer Status", "statusColumn",
                r -> r.status().map(Labelled::label).orElse("Not set"), 155, 140));
        table.getColumns().add(reviewColumn());
        table.getColumns().add(textColumn("CXP watchlist", "watchlistColumn",
                r -> r.watchlist().map(Labelled::label).orElse("Not set"), 145, 130));
        table.getColumns().add(textColumn("Region", "regionColumn", r -> r.region().label(), 190, 120));
        table.getColumns().add(textColumn("Vertical", "verticalColumn", r -> r.vertical().label(), 215, 110));
        table.getColumns().add(textColumn("Health owner", "ownerColumn",
                r -> r.healthOwner().isEmpty() ? "Unassigned" : r.healthOwner(), 140, 100));
        table.getColumns().add(tenantsColumn());
        table.getColumns().add(flagsColumn());

        table.setRowFactory(openOnDoubleClick(model::open));
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
    private static <R> javafx.util.Callback<TableView<R>, TableRow<R>> openOnDoubleClick(
            java.util.function.Consumer<R> open) {
        // the row and item clicked last in this table; a double-click must land on the same one
        Object[] lastClick = new Object[2];
        return tv -> {
            TableRow<R> row = new TableRow<>();
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

    private static <R> TableColumn<R, String> textColumn(String title, String id, Function<R, String> value,
            double width, double minWidth) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(String.CASE_INSENSITIVE_ORDER);
        return column;
    }

    private static TableColumn<PortfolioRow, Long> tpidColumn() {
        TableColumn<PortfolioRow, Long> column = new TableColumn<>("TPID");
        column.setId("tpidColumn");
        column.setPrefWidth(98);
        column.setMinWidth(95);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tpid()));
        column.getStyleClass().add("number-column");
        return column;
    }

    private static TableColumn<PortfolioRow, Optional<HealthColour>> healthColumn(String title, String id,
            Function<PortfolioRow, Optional<HealthColour>> value, double width) {
        TableColumn<PortfolioRow, Optional<HealthColour>> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(width - 4);
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
        column.setPrefWidth(252);
        column.setMinWidth(240);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().review()));
        // never reviewed first (they are the most overdue), then by date
        column.setComparator(Comparator.comparing(d -> d.dueOn().orElse(java.time.LocalDate.MIN)));
        column.setCellFactory(c -> new TableCell<>() {
            private final FontIcon warning = new FontIcon(Material2MZ.WARNING);

            @Override
            protected void updateItem(DueState item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("overdue");
                setGraphic(null);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                String date = DateText.of(item.dueOn(), "Never reviewed");
                if (item.overdue()) {
                    getStyleClass().add("overdue");
                    setGraphic(warning);
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
        column.setPrefWidth(92);
        column.setMinWidth(88);
        column.getStyleClass().add("number-column");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tenantCount()));
        return column;
    }

    /** The winner trophy and the COVID-19 RFA medical icon; each with a tooltip saying what it is. */
    private static TableColumn<PortfolioRow, PortfolioRow> flagsColumn() {
        TableColumn<PortfolioRow, PortfolioRow> column = new TableColumn<>("Flags");
        column.setId("flagsColumn");
        column.setPrefWidth(64);
        column.setMinWidth(56);
        // flagged customers first: both flags, then the winner, then COVID-19 RFA
        column.setComparator(Comparator.comparing((PortfolioRow r) -> !r.winner() || !r.covidRfa())
                .thenComparing(r -> !r.winner()).thenComparing(r -> !r.covidRfa()));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final FontIcon trophy = winnerIcon();
            private final FontIcon covid = covidIcon();
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
        column.setCellFactory(c -> new TableCell<>() {
            private final Label pending = marker("pendingMarker", "pending-marker", Material2AL.CLOUD_UPLOAD);
            private final Label conflicts = marker("conflictMarker", "conflict-marker", Material2AL.ERROR_OUTLINE);
            private final HBox box = new HBox(6);

            {
                box.setAlignment(Pos.CENTER_LEFT);
                pending.getStyleClass().add(Styles.ACCENT);
                conflicts.getStyleClass().add(Styles.DANGER);
            }

            @Override
            protected void updateItem(UnsyncedEdits item, boolean empty) {
                super.updateItem(item, empty);
                box.getChildren().clear();
                if (empty || item == null || !item.any()) {
                    setGraphic(null);
                    return;
                }
                if (item.conflicts() > 0) {
                    conflicts.setText(Integer.toString(item.conflicts()));
                    conflicts.setAccessibleText(item.conflicts() + (item.conflicts() == 1 ? " conflict" : " conflicts"));
                    conflicts.getTooltip().setText(item.conflicts() == 1
                            ? "1 edit the server did not take: open the conflicts from the status bar to decide"
                            : item.conflicts() + " edits the server did not take: open the conflicts from the "
                                    + "status bar to decide");
                    box.getChildren().add(conflicts);
                }
                if (item.pending() > 0) {
                    pending.setText(Integer.toString(item.pending()));
                    pending.setAccessibleText(item.pending() + " pending");
                    pending.getTooltip().setText(item.pending() == 1 ? "1 edit waits to be sent to the server"
                            : item.pending() + " edits wait to be sent to the server");
                    box.getChildren().add(pending);
                }
                setGraphic(box);
            }
        });
        return column;
    }

    private static Label marker(String id, String styleClass, Ikon icon) {
        Label label = new Label(null, new FontIcon(icon));
        label.setId(id);
        label.getStyleClass().addAll("sync-marker", styleClass, Styles.TEXT_SMALL);
        label.setTooltip(new Tooltip());
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
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
        column.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button(null, new FontIcon(Material2AL.ASSIGNMENT_IND));

            {
                button.setId("assignmentsButton");
                button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
                button.setTooltip(new Tooltip("Assignments"));
                button.disableProperty().bind(model.onOpenAssignmentsProperty().isNull());
                button.setOnAction(e -> {
                    PortfolioRow row = getItem();
                    if (row != null) {
                        model.openAssignments(List.of(row.tpid()));
                    }
                });
            }

            @Override
            protected void updateItem(PortfolioRow item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : button);
            }
        });
        return column;
    }

    // ------------------------------------------------------------------ tenants

    private void buildTenantTable() {
        tenantTable.setId("tenantTable");
        tenantTable.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE, "portfolio-table");
        tenantTable.setItems(model.shownTenants());
        tenantTable.setFixedCellSize(30);
        model.shownTenants().comparatorProperty().bind(tenantTable.comparatorProperty());
        tenantTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tenantTable.getSelectionModel().getSelectedItems()
                .addListener((ListChangeListener<TenantRow>) c -> updateSelection());
        tenantTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        tenantTable.getColumns().add(textColumn("Tenant name", "tenantNameColumn", TenantRow::name, 290, 160));
        TableColumn<TenantRow, String> id = textColumn("Tenant ID", "tenantIdColumn", r -> r.tenantId().toString(), 320, 200);
        id.getStyleClass().add("id-column");
        tenantTable.getColumns().add(id);
        tenantTable.getColumns().add(textColumn("Customer", "tenantCustomerColumn", r -> r.customer().name(), 210, 140));
        TableColumn<TenantRow, Long> tpid = new TableColumn<>("TPID");
        tpid.setId("tenantTpidColumn");
        tpid.setPrefWidth(98);
        tpid.getStyleClass().add("number-column");
        tpid.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tpid()));
        tenantTable.getColumns().add(tpid);
        tenantTable.getColumns().add(flagColumn("Winner", "winnerColumn", TenantRow::winner, PortfolioView::winnerIcon));
        tenantTable.getColumns().add(flagColumn("COVID-19 RFA", "covidColumn", TenantRow::covidRfa, PortfolioView::covidIcon));
        tenantTable.getColumns().add(textColumn("Is Enterprise", "enterpriseColumn",
                r -> r.tenant().enterpriseLevel().map(Labelled::label).orElse("No"), 122, 110));
        TableColumn<TenantRow, Long> users = new TableColumn<>("Users");
        users.setId("usersColumn");
        users.setPrefWidth(90);
        users.getStyleClass().add("number-column");
        users.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tenant().userCount()));
        users.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.US, "%,d", item));
            }
        });
        tenantTable.getColumns().add(users);
        tenantTable.getColumns().add(textColumn("FM", "tenantFmColumn", r -> r.fm().isEmpty() ? "—" : r.fm(), 150, 100));
        tenantTable.getColumns().add(textColumn("Origin", "originColumn", r -> r.tenant().origin().label(), 170, 120));

        tenantTable.setRowFactory(openOnDoubleClick(model::openTenant));
        tenantTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.openTenant(tenantTable.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        tenantTable.setPlaceholder(placeholder("tenants"));
    }

    /** A yes/no column drawn as an icon (with a tooltip); sorting puts the flagged rows first. */
    private static TableColumn<TenantRow, Boolean> flagColumn(String title, String id,
            java.util.function.Predicate<TenantRow> value, java.util.function.Supplier<FontIcon> icon) {
        TableColumn<TenantRow, Boolean> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(title.length() > 8 ? 128 : 76);
        column.setMinWidth(64);
        column.getStyleClass().add("flag-column");
        column.setComparator(Comparator.comparing((Boolean b) -> !b));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.test(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            private final FontIcon flag = icon.get();

            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(!empty && Boolean.TRUE.equals(item) ? flag : null);
            }
        });
        return column;
    }

    static FontIcon winnerIcon() {
        return icon(new FontIcon(Material2AL.EMOJI_EVENTS), "flag-icon-winner", "winnerIcon",
                "Winner tenant (SLT Watchlist)");
    }

    static FontIcon covidIcon() {
        return icon(new FontIcon(Material2MZ.MEDICAL_SERVICES), "flag-icon-covid", "covidIcon", "COVID-19 RFA approved");
    }

    private static FontIcon icon(FontIcon icon, String styleClass, String id, String tooltip) {
        icon.getStyleClass().add(styleClass);
        icon.setId(id);
        icon.setIconSize(18);
        Tooltip.install(icon, new Tooltip(tooltip));
        return icon;
    }

    /** An entry of a filter box: a value, or {@code null} for "all", and what the box shows. */
    record Choice<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }
}
