package ftop.app.portfolio;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import ftop.app.edit.LiveMarksModel;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.Scheduler;
import ftop.app.widgets.Plurals;
import ftop.app.workspace.UnsyncedEdits;
import ftop.app.workspace.Workspace;

/**
 * The state of the Portfolio tab: the customers and tenants of the workspace, the filter a manager
 * set (remembered in the workspace between runs), and the commands of the tab (open a customer or
 * tenant, open the assignments of a selection, export what is shown). The view binds to it and
 * calls its commands; it never reads the store itself.
 */
public final class PortfolioViewModel {

    /** Setting: the last filter of the Portfolio, as {@link PortfolioFilter#encode()}. */
    public static final String FILTER_SETTING = "portfolio.filter";
    /** Setting: the section that showed last. */
    public static final String SECTION_SETTING = "portfolio.section";

    /**
     * Rows (customers and tenants) up to which the Portfolio is kept for the next start: S1500's
     * 7,500 rows make about 3.6 MB of JSON; far bigger portfolios show once their rows are read.
     */
    static final int SNAPSHOT_MAX_ROWS = 25_000;

    /** The two sections of the tab. */
    public enum Section {
        CUSTOMERS, TENANTS
    }

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final LongConsumer openCustomer;
    private final LiveMarksModel liveMarks;

    private final ObservableList<PortfolioRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PortfolioRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<PortfolioRow> filteredCustomers = new FilteredList<>(readOnlyRows);
    private final SortedList<PortfolioRow> shownCustomers = new SortedList<>(filteredCustomers);
    private final ObservableList<TenantRow> tenantRows = FXCollections.observableArrayList();
    private final ObservableList<TenantRow> readOnlyTenants = FXCollections.unmodifiableObservableList(tenantRows);
    private final FilteredList<TenantRow> filteredTenants = new FilteredList<>(readOnlyTenants);
    private final SortedList<TenantRow> shownTenants = new SortedList<>(filteredTenants);
    private final ObservableList<Long> selectedTpids = FXCollections.observableArrayList();
    private final ObservableList<UUID> selectedTenantIds = FXCollections.observableArrayList();

    private final ObjectProperty<PortfolioFilter> filter = new SimpleObjectProperty<>(this, "filter", PortfolioFilter.NONE);
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.CUSTOMERS);
    private final ObjectProperty<Consumer<UUID>> onOpenTenant = new SimpleObjectProperty<>(this, "onOpenTenant");
    private final ObjectProperty<Consumer<List<Long>>> onOpenAssignments =
            new SimpleObjectProperty<>(this, "onOpenAssignments");
    private final ObjectProperty<Consumer<List<UUID>>> onOpenTenantAssignments =
            new SimpleObjectProperty<>(this, "onOpenTenantAssignments");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper current = new ReadOnlyBooleanWrapper(this, "current");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final StringBinding shownText;

    /** The latest settings not yet written; one write takes whatever is newest, so keystrokes coalesce. */
    private final AtomicReference<String[]> unsavedSettings = new AtomicReference<>();
    private boolean restored;
    private PortfolioFilter customersFilteredBy = PortfolioFilter.NONE;
    private PortfolioFilter tenantsFilteredBy = PortfolioFilter.NONE;
    /** The user whose "mine" the rows showing were built for; null before the first load. */
    private String rowsBuiltFor;
    /** The rows showing differ from the snapshot the workspace keeps (see {@link PortfolioSnapshot}). */
    private boolean snapshotStale = true;

    /**
     * @param openCustomer called with a TPID when the user asks to open that customer
     */
    public PortfolioViewModel(Workspace workspace, BackgroundTasks tasks, Clock clock, LongConsumer openCustomer) {
        this(workspace, tasks, clock, openCustomer, new LiveMarksModel(workspace, tasks, clock, Scheduler.fx()));
    }

    /**
     * @param openCustomer called with a TPID when the user asks to open that customer
     * @param liveMarks    what colleagues changed lately, marked on the rows
     */
    public PortfolioViewModel(Workspace workspace, BackgroundTasks tasks, Clock clock, LongConsumer openCustomer,
                              LiveMarksModel liveMarks) {
        this.liveMarks = Objects.requireNonNull(liveMarks, "liveMarks");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.openCustomer = Objects.requireNonNull(openCustomer, "openCustomer");
        filter.addListener((obs, old, now) -> {
            if (now == null) {
                filter.set(PortfolioFilter.NONE);
                return;
            }
            applyFilter(now);
            remember();
        });
        section.addListener((obs, old, now) -> {
            if (now == null) {
                section.set(Section.CUSTOMERS);
                return;
            }
            applyFilter(filter.get());
            remember();
        });
        user.addListener((obs, old, now) -> {
            // a load in flight checks the user when it lands (see show)
            if (loaded.get() && !loading.get() && now != null && !now.isEmpty() && !now.equals(rowsBuiltFor)) {
                refresh();
            }
        });
        shownText = Bindings.createStringBinding(this::describeShown, section, filteredCustomers, rows,
                filteredTenants, tenantRows);
    }

    /** Reads the customers and tenants again from the workspace, in the background. */
    public void refresh() {
        loading.set(true);
        LocalDate today = LocalDate.now(clock);
        boolean firstLoad = !restored;
        tasks.run(() -> {
                    PortfolioRows.Source source = PortfolioRows.Source.of(workspace);
                    return new Loaded(PortfolioRows.build(source, today), source.userId(),
                            firstLoad ? workspace.setting(FILTER_SETTING).orElse(null) : null,
                            firstLoad ? workspace.setting(SECTION_SETTING).orElse(null) : null);
                },
                this::show,
                failure -> {
                    loading.set(false);
                    error.set("The customers could not be read from the local workspace: " + messageOf(failure));
                });
    }

    /**
     * Reads again only which customers have edits the server has not taken (the outbox moved: an
     * edit, a push, a conflict) and marks their rows; far lighter than {@link #refresh}, so it can
     * follow every change. Does nothing before the first load, which reads them with the rows.
     */
    public void refreshUnsynced() {
        if (!loaded.get()) {
            return;
        }
        tasks.run(workspace::unsyncedEdits, this::showUnsynced,
                failure -> message.set("Which customers have unsynced edits could not be read: " + messageOf(failure)));
    }

    private void showUnsynced(Map<Long, UnsyncedEdits> edits) {
        Map<Long, PortfolioRow> changed = new HashMap<>();
        List<PortfolioRow> next = new ArrayList<>(rows.size());
        for (PortfolioRow row : rows) {
            UnsyncedEdits now = edits.getOrDefault(row.tpid(), UnsyncedEdits.NONE);
            if (now.equals(row.unsynced())) {
                next.add(row);
            } else {
                PortfolioRow marked = row.withUnsynced(now);
                changed.put(row.tpid(), marked);
                next.add(marked);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        rows.setAll(next);
        snapshotStale = true;
        tenantRows.setAll(tenantRows.stream()
                .map(t -> changed.containsKey(t.tpid()) ? t.withCustomer(changed.get(t.tpid())) : t).toList());
    }

    private record Loaded(PortfolioRows.Portfolio portfolio, String userId, String filter, String section) {
    }

    /**
     * What the Portfolio of the last run showed and its filters, read in one go for the first screen
     * (see {@link #prefetch} and {@link #showPrefetched}).
     *
     * @param snapshot the rows as last built; empty when the workspace keeps none for its user
     */
    public record Prefetched(Optional<PortfolioRows.Portfolio> snapshot, String userId, String filter,
            String section) {
    }

    /**
     * Reads what the first screen needs from {@code workspace}: the rows the Portfolio showed last
     * (its snapshot) and the filters. Reads the workspace: call it off the FX thread, e.g. in the
     * task that opens it.
     */
    public static Prefetched prefetch(Workspace workspace) {
        return new Prefetched(PortfolioSnapshot.read(workspace), workspace.userId(),
                workspace.setting(FILTER_SETTING).orElse(null), workspace.setting(SECTION_SETTING).orElse(null));
    }

    /**
     * Shows the prefetched rows at once, before the workspace's rows are read; {@link #refresh}
     * then reads them and replaces what changed. Does nothing once rows were read, or when
     * there is no snapshot (the filters then come back with the first load).
     */
    public void showPrefetched(Prefetched prefetched) {
        if (loaded.get() || prefetched.snapshot().isEmpty()) {
            return;
        }
        show(new Loaded(prefetched.snapshot().get(), prefetched.userId(), prefetched.filter(), prefetched.section()));
        snapshotStale = false;
        current.set(false);
    }

    /**
     * Keeps the rows showing as the workspace's Portfolio snapshot, in the background, when they
     * differ from the one it keeps: after the first read, and when the app closes. Returns the
     * work to run, or null when there is nothing to keep.
     */
    public Runnable snapshotWork() {
        if (!snapshotStale || !current.get() || rows.size() + tenantRows.size() > SNAPSHOT_MAX_ROWS) {
            return null;
        }
        snapshotStale = false;
        PortfolioRows.Portfolio showing = new PortfolioRows.Portfolio(List.copyOf(rows), List.copyOf(tenantRows));
        String builtFor = rowsBuiltFor;
        return () -> PortfolioSnapshot.write(workspace, showing, builtFor);
    }

    private void show(Loaded fresh) {
        if (!restored) {
            restored = true;
            // the filters of the last run come back before the rows show, so nothing flickers
            if (fresh.filter() != null) {
                filter.set(PortfolioFilter.decode(fresh.filter()));
            }
            if (fresh.section() != null) {
                try {
                    section.set(Section.valueOf(fresh.section()));
                } catch (IllegalArgumentException e) {
                    // a section this version does not know: stay on Customers
                }
            }
        }
        PortfolioRows.Portfolio kept = keepUnchanged(fresh.portfolio());
        if (kept != null) {
            rows.setAll(kept.customers());
            tenantRows.setAll(kept.tenants());
            snapshotStale = true;
        }
        rowsBuiltFor = fresh.userId();
        error.set("");
        loading.set(false);
        loaded.set(true);
        current.set(true);
        String now = user.get();
        if (now != null && !now.isEmpty() && !now.equals(rowsBuiltFor)) {
            // someone else signed in while these rows were read: their "mine" differs
            refresh();
        }
    }

    /**
     * {@code fresh} with every row equal to one showing replaced by the one showing, so that the
     * tables keep those rows (and their selection) as they are; null when nothing changed at all.
     */
    private PortfolioRows.Portfolio keepUnchanged(PortfolioRows.Portfolio fresh) {
        Map<Long, PortfolioRow> showing = new HashMap<>(rows.size() * 2);
        for (PortfolioRow row : rows) {
            showing.put(row.tpid(), row);
        }
        boolean same = fresh.customers().size() == rows.size() && fresh.tenants().size() == tenantRows.size();
        List<PortfolioRow> customers = new ArrayList<>(fresh.customers().size());
        for (int i = 0; i < fresh.customers().size(); i++) {
            PortfolioRow row = fresh.customers().get(i);
            PortfolioRow old = showing.get(row.tpid());
            PortfolioRow next = row.equals(old) ? old : row;
            same &= next == (i < rows.size() ? rows.get(i) : null);
            customers.add(next);
        }
        Map<UUID, TenantRow> showingTenants = new HashMap<>(tenantRows.size() * 2);
        for (TenantRow row : tenantRows) {
            showingTenants.put(row.tenantId(), row);
        }
        List<TenantRow> tenants = new ArrayList<>(fresh.tenants().size());
        for (int i = 0; i < fresh.tenants().size(); i++) {
            TenantRow row = fresh.tenants().get(i);
            TenantRow old = showingTenants.get(row.tenantId());
            TenantRow next = row.equals(old) ? old : row;
            same &= next == (i < tenantRows.size() ? tenantRows.get(i) : null);
            tenants.add(next);
        }
        return same ? null : new PortfolioRows.Portfolio(customers, tenants);
    }

    /**
     * Filters the section that shows; the other one catches up when it is shown. A keystroke then
     * costs one pass over one list, not two.
     */
    private void applyFilter(PortfolioFilter now) {
        if (section.get() == Section.CUSTOMERS) {
            if (now != customersFilteredBy) {
                customersFilteredBy = now;
                filteredCustomers.setPredicate(now.isEmpty() ? null : now.customers());
            }
        } else if (now != tenantsFilteredBy) {
            tenantsFilteredBy = now;
            filteredTenants.setPredicate(now.isEmpty() ? null : now.tenants());
        }
    }

    /** Writes the filter and section to the workspace in the background, coalescing bursts of keystrokes. */
    private void remember() {
        if (!restored) {
            return;
        }
        String[] values = {filter.get().encode(), section.get().name()};
        if (unsavedSettings.getAndSet(values) == null) {
            tasks.run(() -> {
                String[] latest = unsavedSettings.getAndSet(null);
                if (latest != null) {
                    workspace.putSetting(FILTER_SETTING, latest[0]);
                    workspace.putSetting(SECTION_SETTING, latest[1]);
                }
                return null;
            }, ignored -> { }, failure -> message.set("The filters could not be remembered: " + messageOf(failure)));
        }
    }

    private String describeShown() {
        boolean customers = section.get() == Section.CUSTOMERS;
        int shown = customers ? filteredCustomers.size() : filteredTenants.size();
        int all = customers ? rows.size() : tenantRows.size();
        String noun = customers ? (all == 1 ? "customer" : "customers") : (all == 1 ? "tenant" : "tenants");
        return String.format(Locale.US, "Showing %,d of %,d %s", shown, all, noun);
    }

    /** Opens the customer of {@code row} in the Customer tab. */
    public void open(PortfolioRow row) {
        if (row != null) {
            openCustomer.accept(row.tpid());
        }
    }

    /** Opens the tenant of {@code row} in the Tenant tab. */
    public void openTenant(TenantRow row) {
        Consumer<UUID> handler = onOpenTenant.get();
        if (row != null && handler != null) {
            handler.accept(row.tenantId());
        }
    }

    /** Opens the assignments of {@code tpids}, when a feature registered for it. */
    public void openAssignments(List<Long> tpids) {
        Consumer<List<Long>> handler = onOpenAssignments.get();
        if (handler != null && tpids != null && !tpids.isEmpty()) {
            handler.accept(List.copyOf(tpids));
        }
    }

    /**
     * Opens the assignments of what is selected: several tenants in the Tenants section go to the
     * batch edit over those tenants; otherwise the customers of the selection (one customer's
     * dialog, or the batch edit over several).
     */
    public void openSelectedAssignments() {
        if (tenantBatchSelected()) {
            onOpenTenantAssignments.get().accept(List.copyOf(selectedTenantIds));
        } else {
            openAssignments(selectedTpids);
        }
    }

    /** True when the selection's Assignments button opens the batch edit over tenants. */
    public boolean tenantBatchSelected() {
        return section.get() == Section.TENANTS && selectedTenantIds.size() > 1 && onOpenTenantAssignments.get() != null;
    }

    /**
     * Writes the rows shown in the current section, in the order shown, to {@code file} as CSV, in
     * the background. The outcome is told in {@link #messageProperty()}.
     */
    public void exportShown(Path file) {
        export(file, false);
    }

    /**
     * Writes the selected rows of the current section, in the order shown, to {@code file} as the
     * same CSV as {@link #exportShown}, in the background. Nothing is written when none is selected.
     */
    public void exportSelected(Path file) {
        export(file, true);
    }

    /** True when the section that shows has selected rows, so "Export selected" has something to write. */
    public boolean anySelected() {
        return section.get() == Section.CUSTOMERS ? !selectedTpids.isEmpty() : !selectedTenantIds.isEmpty();
    }

    private void export(Path file, boolean selectedOnly) {
        Objects.requireNonNull(file, "file");
        boolean customers = section.get() == Section.CUSTOMERS;
        // a snapshot taken on the FX thread: the lists must not be read from the worker
        Set<Long> tpids = Set.copyOf(selectedTpids);
        Set<UUID> tenantIds = Set.copyOf(selectedTenantIds);
        List<PortfolioRow> customerSnapshot = !customers ? List.of() : shownCustomers.stream()
                .filter(r -> !selectedOnly || tpids.contains(r.tpid())).toList();
        List<TenantRow> tenantSnapshot = customers ? List.of() : shownTenants.stream()
                .filter(t -> !selectedOnly || tenantIds.contains(t.tenantId())).toList();
        int count = customers ? customerSnapshot.size() : tenantSnapshot.size();
        String rows = Plurals.count(count, customers ? "customer" : "tenant");
        if (selectedOnly && count == 0) {
            message.set("Select the rows to export first (Shift/Ctrl-click selects several).");
            return;
        }
        message.set("Exporting " + Plurals.count(count, "row") + "…");
        tasks.run(() -> {
                    String csv = customers ? PortfolioCsv.customers(customerSnapshot) : PortfolioCsv.tenants(tenantSnapshot);
                    Path parent = file.toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    Files.writeString(file, csv, StandardCharsets.UTF_8);
                    return file;
                },
                saved -> message.set(String.format(Locale.US, "Exported %s to %s", rows, saved.getFileName())),
                failure -> message.set("The export could not be written to " + file + ": " + messageOf(failure)));
    }

    /** Every customer, sorted by name; changes on the FX thread only. */
    public ObservableList<PortfolioRow> rows() {
        return readOnlyRows;
    }

    /** Every tenant; changes on the FX thread only. */
    public ObservableList<TenantRow> tenants() {
        return readOnlyTenants;
    }

    /** The customers the filter lets through, sorted as the table's comparator says. */
    public SortedList<PortfolioRow> shownCustomers() {
        return shownCustomers;
    }

    /** The tenants the filter lets through, sorted as the table's comparator says. */
    public SortedList<TenantRow> shownTenants() {
        return shownTenants;
    }

    /** The TPIDs of the rows selected in the current section (a tenant counts for its customer). */
    public ObservableList<Long> selectedTpids() {
        return selectedTpids;
    }

    /**
     * The signed-in user's ID, whose assignments "Mine only" shows; the shell keeps it current.
     * When it changes the rows are read again, so "mine" follows a new sign-in at once.
     */
    public StringProperty userProperty() {
        return user;
    }

    /** The IDs of the tenants selected in the Tenants section; empty while Customers shows. */
    public ObservableList<UUID> selectedTenantIds() {
        return selectedTenantIds;
    }

    /**
     * Called with the IDs of several tenants selected in the Tenants section, to batch edit their
     * assignments; set by the assignments feature. Until then a tenant selection opens the
     * assignments of the tenants' customers.
     */
    public ObjectProperty<Consumer<List<UUID>>> onOpenTenantAssignmentsProperty() {
        return onOpenTenantAssignments;
    }

    public ObjectProperty<PortfolioFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    /** Called with a tenant ID when the user opens a tenant. */
    public ObjectProperty<Consumer<UUID>> onOpenTenantProperty() {
        return onOpenTenant;
    }

    /**
     * Called with the TPIDs of the customers whose assignments the user wants to see or edit, from
     * the Assignments button of a row or of a selection. The assignments feature sets it; until
     * then the buttons are disabled.
     */
    public ObjectProperty<Consumer<List<Long>>> onOpenAssignmentsProperty() {
        return onOpenAssignments;
    }

    /** e.g. "Showing 12 of 1,500 customers". */
    public StringBinding shownTextProperty() {
        return shownText;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True once rows show: those the workspace kept from the last run, or those read from it. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /**
     * True once the rows showing were read from the workspace; false while the Portfolio shows
     * the rows kept from the last run (see {@link #showPrefetched}).
     */
    public ReadOnlyBooleanProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** What went wrong with the last load, for people; empty when it worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The outcome of the last export or settings write, for the tab's status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** What colleagues changed lately: the rows of those customers carry a mark until opened. */
    public LiveMarksModel liveMarks() {
        return liveMarks;
    }
}
