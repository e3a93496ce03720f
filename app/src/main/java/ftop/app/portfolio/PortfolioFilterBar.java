package ftop.app.portfolio;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.core.Labelled;
import ftop.core.customer.Segment;
import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;

/**
 * The Portfolio's search box and filter bar, kept in line with the view model's
 * {@link PortfolioViewModel#filterProperty() filter} both ways: a control the person changes makes a
 * new filter, and a new filter (a ready-made view, Clear filters, the filter of the last run) sets
 * every control. Health and Customer Status take several values each, as ControlsFX
 * {@link CheckComboBox}es. The ready-made views come first: each sets the whole filter at once.
 *
 * <p>The bar is a {@link FlowPane}: a narrow window wraps the last filters onto a second line rather
 * than pushing them off the window's edge. The search box goes in the Portfolio's toolbar
 * ({@link #search()}).
 */
final class PortfolioFilterBar extends FlowPane {

    private static final PseudoClass FILTERING = PseudoClass.getPseudoClass("filtering");

    private final PortfolioViewModel model;
    private final CustomTextField search = new CustomTextField();
    private final ComboBox<Choice<ftop.core.customer.Region>> regionFilter = new ComboBox<>();
    private final ComboBox<Choice<Segment>> segmentFilter = new ComboBox<>();
    private final CheckComboBox<HealthColour> healthFilter = new CheckComboBox<>();
    private final CheckComboBox<CustomerStatus> statusFilter = new CheckComboBox<>();
    private final ToggleButton overdueFilter = toggle("Overdue", "overdueFilter", Material2MZ.WARNING);
    private final ToggleButton covidFilter = toggle("COVID-19 RFA", "covidFilter", Material2MZ.MEDICAL_SERVICES);
    private final ToggleButton watchlistFilter = toggle("Watchlist", "watchlistFilter", Material2MZ.VISIBILITY);
    private final ToggleButton mineFilter = toggle("Mine only", "mineFilter", Material2AL.ACCOUNT_CIRCLE);
    /** "With unsynced edits", said short so the filter bar still fits a 1400-pixel window. */
    private final ToggleButton unsyncedFilter = toggle("Unsynced", "unsyncedFilter", Material2AL.CLOUD_UPLOAD);

    /** Set while the controls are being brought in line with the model, so they do not write back. */
    private boolean syncing;

    PortfolioFilterBar(PortfolioViewModel model) {
        super(8, 6);
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("portfolio-filters");
        setAlignment(Pos.CENTER_LEFT);
        setRowValignment(VPos.CENTER);

        buildSearch();
        buildChoices();
        buildCheckFilters();
        buildToggles();

        Label filters = new Label(null, new FontIcon(Material2AL.FILTER_LIST));
        filters.setTooltip(new Tooltip("Filters"));
        Button clear = new Button("Clear filters", new FontIcon(Material2AL.CLEAR_ALL));
        clear.setId("clearFilters");
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.disableProperty().bind(Bindings.createBooleanBinding(() -> model.filterProperty().get().isEmpty(),
                model.filterProperty()));
        clear.setOnAction(e -> model.filterProperty().set(PortfolioFilter.NONE));
        Separator separator = new Separator(Orientation.VERTICAL);
        separator.setPrefHeight(24);

        Separator beforeFilters = new Separator(Orientation.VERTICAL);
        beforeFilters.setPrefHeight(24);
        getChildren().addAll(presets(), beforeFilters, filters, regionFilter, segmentFilter, healthFilter, statusFilter, separator,
                overdueFilter, covidFilter, watchlistFilter, mineFilter, unsyncedFilter, clear);
        // filters never shrink into "Any ..."
        for (Control c : List.of(regionFilter, segmentFilter, healthFilter, statusFilter, overdueFilter, covidFilter,
                watchlistFilter, mineFilter, unsyncedFilter, clear)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }

        model.filterProperty().addListener((obs, old, now) -> show(now));
        show(model.filterProperty().get());
    }

    /** The ready-made views a manager uses before a review; each replaces the whole filter. */
    private HBox presets() {
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
        presets.setMinWidth(Region.USE_PREF_SIZE);
        return presets;
    }

    /** The search box: name, TPID, tenant name or ID; it belongs in the toolbar. */
    CustomTextField search() {
        return search;
    }

    private void buildSearch() {
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
        follow(search.textProperty(), PortfolioFilter::withText);
    }

    private void buildChoices() {
        regionFilter.setId("regionFilter");
        regionFilter.getItems().add(new Choice<>(null, "All regions"));
        for (ftop.core.customer.Region r : ftop.core.customer.Region.values()) {
            regionFilter.getItems().add(new Choice<>(r, r.label()));
        }
        regionFilter.setTooltip(new Tooltip("Region"));
        regionFilter.setPrefWidth(150);
        follow(regionFilter.valueProperty(), (f, choice) -> f.withRegion(Optional.ofNullable(choice.value())));

        segmentFilter.setId("segmentFilter");
        segmentFilter.getItems().add(new Choice<>(null, "All segments"));
        for (Segment s : Segment.values()) {
            segmentFilter.getItems().add(new Choice<>(s, s.label()));
        }
        segmentFilter.setTooltip(new Tooltip("Segment"));
        segmentFilter.setPrefWidth(140);
        follow(segmentFilter.valueProperty(), (f, choice) -> f.withSegment(Optional.ofNullable(choice.value())));
    }

    private void buildCheckFilters() {
        healthFilter.setId("healthFilter");
        healthFilter.getItems().setAll(HealthColour.values());
        healthFilter.setConverter(labels());
        healthFilter.setTooltip(new Tooltip("Overall health: tick one colour or several (Space ticks)"));
        healthFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<HealthColour>) c ->
                update(f -> f.withHealth(checked(healthFilter, HealthColour.class))));

        statusFilter.setId("statusFilter");
        statusFilter.getItems().setAll(CustomerStatus.values());
        statusFilter.setConverter(labels());
        statusFilter.setTooltip(new Tooltip("Customer Status: tick one or several (Space ticks)"));
        statusFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<CustomerStatus>) c ->
                update(f -> f.withStatuses(checked(statusFilter, CustomerStatus.class))));
    }

    private void buildToggles() {
        follow(overdueFilter.selectedProperty(), PortfolioFilter::withOverdue);
        follow(covidFilter.selectedProperty(), PortfolioFilter::withCovidRfa);
        follow(watchlistFilter.selectedProperty(), PortfolioFilter::withWatchlist);
        follow(mineFilter.selectedProperty(), PortfolioFilter::withMine);
        follow(unsyncedFilter.selectedProperty(), PortfolioFilter::withUnsynced);
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
    }

    /** A control the person changes makes a new filter from the current one and the control's value. */
    private <T> void follow(ObservableValue<T> control, BiFunction<PortfolioFilter, T, PortfolioFilter> change) {
        control.addListener((obs, old, now) -> {
            if (now != null) {
                update(f -> change.apply(f, now));
            }
        });
    }

    /** Sets the model's filter to {@code change} of it, unless the controls are only following the model. */
    private void update(Function<PortfolioFilter, PortfolioFilter> change) {
        if (!syncing) {
            model.filterProperty().set(change.apply(model.filterProperty().get()));
        }
    }

    /**
     * Brings every control in line with {@code f}, e.g. after a ready-made view or on start. Runs on
     * every keystroke in the search box, so a control is touched only when it differs.
     */
    private void show(PortfolioFilter f) {
        syncing = true;
        try {
            if (!search.getText().equals(f.text())) {
                search.setText(f.text());
            }
            select(regionFilter, f.region().orElse(null));
            select(segmentFilter, f.segment().orElse(null));
            check(healthFilter, f.health());
            check(statusFilter, f.statuses());
            healthFilter.setTitle(f.health().isEmpty() ? "Any health"
                    : "Health: " + String.join(", ", EnumSet.copyOf(f.health()).stream().map(HealthColour::label).toList()));
            statusFilter.setTitle(f.statuses().isEmpty() ? "Any status"
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

    private static <T> void select(ComboBox<Choice<T>> box, T value) {
        if (box.getValue() == null || !Objects.equals(box.getValue().value(), value)) {
            box.setValue(box.getItems().stream().filter(c -> Objects.equals(c.value(), value)).findFirst().orElseThrow());
        }
    }

    private static <E extends Enum<E>> void check(CheckComboBox<E> box, Set<E> values) {
        for (E item : box.getItems()) {
            boolean wanted = values.contains(item);
            if (box.getCheckModel().isChecked(item) != wanted) {
                if (wanted) {
                    box.getCheckModel().check(item);
                } else {
                    box.getCheckModel().clearCheck(item);
                }
            }
        }
    }

    private static <E extends Enum<E>> Set<E> checked(CheckComboBox<E> box, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(box.getCheckModel().getCheckedItems());
        return set;
    }

    private static void highlight(Node control, boolean active) {
        control.pseudoClassStateChanged(FILTERING, active);
    }

    private static <E extends Labelled> StringConverter<E> labels() {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : value.label();
            }

            @Override
            public E fromString(String text) {
                throw new UnsupportedOperationException("the filter's entries are chosen, not typed");
            }
        };
    }

    private static ToggleButton toggle(String text, String id, Ikon icon) {
        ToggleButton toggle = new ToggleButton(text, new FontIcon(icon));
        toggle.setId(id);
        toggle.getStyleClass().add("filter-toggle");
        return toggle;
    }

    /** An entry of a filter box: a value, or {@code null} for "all", and what the box shows. */
    record Choice<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }
}
