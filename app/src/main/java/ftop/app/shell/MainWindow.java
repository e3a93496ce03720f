package ftop.app.shell;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.customer.CustomerView;
import ftop.app.edit.DraftForm;
import ftop.app.edit.DraftsDialog;
import ftop.app.portfolio.PortfolioView;
import ftop.app.review.ExportFileChooser;
import ftop.app.review.ReviewView;
import ftop.app.tenant.TenantView;
import ftop.core.store.Draft;

/**
 * The main window's content: a header with the app's actions, a tab per {@link Page}, and the
 * status bar. Binds to the {@link ShellModel}; holds no state of its own.
 */
public final class MainWindow extends BorderPane {

    static final KeyCombination SHOW_PORTFOLIO = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SHOW_CUSTOMER = new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FIND_CUSTOMER = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    /** Quit, asking first about unsaved work. */
    public static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private final TabPane tabs = new TabPane();
    private final HBox header;
    private Button refreshButton;
    private final Tab portfolioTab;
    private final Tab customerTab;
    /** The pages besides the Portfolio are built when first shown: the first screen does not wait for them. */
    private final LazyView<CustomerView> customerView;
    private final LazyView<TenantView> tenantView;
    private final Consumer<UUID> openTenant;
    private final ShellModel model;
    private Runnable onQuit = () -> { };
    private BiConsumer<Draft, Consumer<Optional<String>>>
            onRestoreAssignments = (draft, done) -> done.accept(Optional.of(
                    "Assignments cannot be edited in this workspace."));

    public MainWindow(ShellModel model) {
        setId("mainWindow");
        this.model = model;

        PortfolioView portfolioView = new PortfolioView(model.portfolio());
        LazyView<CustomerView> customerView = new LazyView<>(() -> new CustomerView(model.customer()));
        portfolioTab = tab(Page.PORTFOLIO, "portfolioTab", portfolioView, new FontIcon(Material2AL.DASHBOARD));
        customerTab = tab(Page.CUSTOMER, "customerTab", null, new FontIcon(Material2MZ.PERSON));
        portfolioTab.setTooltip(new Tooltip("All my customers (Ctrl+1)"));
        customerTab.setTooltip(new Tooltip("One customer's health (Ctrl+2; Ctrl+F to find a customer)"));
        tabs.setId("mainTabs");
        // Portfolio and Customer always stay; tabs that features open (openTab) can be closed
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        portfolioTab.setClosable(false);
        customerTab.setClosable(false);
        tabs.getTabs().addAll(portfolioTab, customerTab);
        LazyView<ReviewView> reviewView = new LazyView<>(() -> new ReviewView(model.review(),
                ExportFileChooser.system(), model::openCustomer));
        Tab reviewTab = new Tab("Review");
        reviewTab.setId("reviewTab");
        reviewTab.setGraphic(new FontIcon(Material2MZ.SLIDESHOW));
        reviewTab.setTooltip(new Tooltip("Prepare a customer health review meeting (F11: review mode)"));
        reviewTab.setClosable(false);
        reviewView.fill(reviewTab);
        reviewTab.setOnSelectionChanged(e -> {
            if (reviewTab.isSelected()) {
                reviewView.get().shown();
            }
        });
        tabs.getTabs().add(reviewTab);
        // a tenant opened from the Portfolio or the Customer tab shows in its own closable tab
        LazyView<TenantView> tenantView = new LazyView<>(() -> new TenantView(model.tenant()));
        Consumer<UUID> openTenant = tenantId -> {
            TenantView view = tenantView.get();
            model.tenant().open(tenantId);
            showTenantTab(model, view);
        };
        model.portfolio().onOpenTenantProperty().set(openTenant::accept);
        this.customerView = customerView;
        this.tenantView = tenantView;
        this.openTenant = openTenant;
        customerView.whenBuilt(view -> {
            view.setOnOpenTenant(tenant -> openTenant.accept(tenant.tenantId()));
            // "Add new status": the notes live on the winner tenant, so its tab opens with the editor focused
            view.setOnAddStatus(winner -> {
                TenantView tenant = tenantView.get();
                model.tenant().openForNewStatus(winner.tenantId());
                showTenantTab(model, tenant);
            });
            view.setOnShowTab(() -> {
                model.show(Page.CUSTOMER);
                select(Page.CUSTOMER);
            });
            // every editor of the window, so that quitting asks about them and what is typed is kept as drafts
            view.forms().forEach(model.forms()::register);
        });
        customerView.fill(customerTab);
        tenantView.whenBuilt(view -> {
            view.setOnShowTab(() -> showTenantTab(model, view));
            model.forms().register(view.statusForm());
        });

        // the model decides which page shows; clicking a tab is a request to the model
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (old == customerTab && now != null && now != customerTab
                    && customerView.ifBuilt().filter(view -> !view.confirmLeave()).isPresent()) {
                // the person keeps editing: back to the Customer tab once this change is done
                Platform.runLater(() -> tabs.getSelectionModel().select(customerTab));
                return;
            }
            if (now != null && now.getUserData() instanceof Page page) {
                model.show(page);
            } else if (now != null) {
                model.showOther();
            }
        });
        model.pageProperty().addListener((obs, old, now) -> select(now));
        select(model.pageProperty().get());

        header = header(model);
        setTop(header);
        setCenter(tabs);
        setBottom(statusBar(model));

        // the keyboard reaches every page: Ctrl+1/Ctrl+2 switch tabs, Ctrl+F finds a customer, F5 re-reads
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SHOW_PORTFOLIO.match(e)) {
                model.show(Page.PORTFOLIO);
                select(Page.PORTFOLIO);
                portfolioView.table().requestFocus();
            } else if (SHOW_CUSTOMER.match(e)) {
                model.show(Page.CUSTOMER);
                select(Page.CUSTOMER);
            } else if (FIND_CUSTOMER.match(e)) {
                model.show(Page.CUSTOMER);
                select(Page.CUSTOMER);
                customerView.get().picker().requestFocus();
                customerView.get().picker().selectAll();
            } else if (REFRESH.match(e)) {
                model.refresh();
            } else if (QUIT.match(e)) {
                onQuit.run();
            } else {
                return;
            }
            e.consume();
        });
    }

    private void select(Page page) {
        if (page != null) {
            tabs.getSelectionModel().select(page == Page.CUSTOMER ? customerTab : portfolioTab);
        }
    }

    /**
     * Shows a feature's own tab (a tenant, the conflicts list...): selects the tab with {@code id}
     * when it is open, else adds a closable one after the others with the content {@code content}
     * makes, and selects it.
     *
     * @return the tab, e.g. to close it or to change its title
     */
    public Tab openTab(String id, String title, Ikon icon, Supplier<Node> content) {
        for (Tab open : tabs.getTabs()) {
            if (id.equals(open.getId())) {
                tabs.getSelectionModel().select(open);
                return open;
            }
        }
        Tab tab = new Tab(title, content.get());
        tab.setId(id);
        if (icon != null) {
            tab.setGraphic(new FontIcon(icon));
        }
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        return tab;
    }

    /** Opens (or selects) the Tenant tab, titled by the tenant it shows; closing it asks about an unsaved status. */
    private void showTenantTab(ShellModel model, TenantView view) {
        Tab tab = openTab("tenantTab", "Tenant", Material2AL.CLOUD_QUEUE, () -> view);
        if (tab.getOnCloseRequest() == null) {
            tab.textProperty().bind(Bindings.createStringBinding(
                    () -> model.tenant().detailsProperty().get() == null ? "Tenant"
                            : model.tenant().detailsProperty().get().tenant().name(),
                    model.tenant().detailsProperty()));
            tab.setOnCloseRequest(e -> {
                if (!view.confirmLeave()) {
                    e.consume();
                }
            });
            // the view is kept for the next time a tenant opens
            tab.setOnClosed(e -> tab.setContent(null));
        }
    }

    /** Opens the tenant {@code tenantId} in the Tenant tab, as opening it from the Portfolio does. */
    public void openTenant(UUID tenantId) {
        openTenant.accept(tenantId);
    }

    /** What Ctrl+Q and the menu's Quit do: ask the quit guard. */
    public void setOnQuit(Runnable action) {
        onQuit = Objects.requireNonNull(action, "action");
    }

    /**
     * Offers the drafts left from before this start (restore or discard each); the status bar's
     * "unsaved drafts" and the menu open it again until each is decided.
     */
    public void showDrafts() {
        if (model.recoveredDrafts().entries().isEmpty()) {
            return;
        }
        DraftsDialog.show(getScene() == null ? null : getScene().getWindow(), model.recoveredDrafts(),
                (entry, done) -> restoreDraft(entry.draft(), done), model.customer().edits()::now,
                getScene() == null ? List.of() : getScene().getStylesheets());
    }

    /**
     * Opens the form of {@code draft} (the customer's or the winner tenant's tab) in edit mode with
     * the draft's values; {@code done} hears empty once it holds them, else why not.
     */
    public void restoreDraft(Draft draft, Consumer<Optional<String>> done) {
        var form = DraftForm.of(draft);
        if (form.filter(f -> f == DraftForm.STATUS_NOTE).isPresent()) {
            tenantView.get().restoreDraft(draft, done);
        } else if (form.filter(f -> f == DraftForm.ASSIGNMENTS).isPresent()) {
            onRestoreAssignments.accept(draft, done);
        } else {
            customerView.get().restoreDraft(draft, done);
        }
    }

    /** What restoring a draft of an assignment dialog does: open that dialog with it (the assignments feature). */
    public void setOnRestoreAssignments(BiConsumer<Draft,
            Consumer<Optional<String>>> action) {
        onRestoreAssignments = Objects.requireNonNull(action, "action");
    }

    /** Adds a control to the header, left of the shell's own buttons (e.g. "Connect to server…"). */
    public void addHeaderAction(Node action) {
        header.getChildren().add(header.getChildren().indexOf(refreshButton), action);
    }

    /**
     * Puts a sync feature's own status (online/offline, pending changes, Sync now) in the status
     * bar, in place of the shell's "Local only" labels.
     */
    public void setSyncStatus(Node status) {
        if (getBottom() instanceof HBox bar) {
            bar.getChildren().removeIf(n -> "statusSync".equals(n.getId()) || "statusPending".equals(n.getId()));
            bar.getChildren().add(status);
        }
    }

    private static Tab tab(Page page, String id, Node content, FontIcon icon) {
        Tab tab = new Tab(page.title(), content);
        tab.setId(id);
        tab.setUserData(page);
        tab.setGraphic(icon);
        return tab;
    }

    private HBox header(ShellModel model) {
        Label title = new Label("FTOP Desktop");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("Customer Health");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.setId("refreshButton");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(new Tooltip("Read the workspace again (F5)"));
        refresh.setOnAction(e -> model.refresh());
        refreshButton = refresh;

        ToggleButton theme = new ToggleButton(null, new FontIcon(Material2AL.BRIGHTNESS_4));
        theme.setId("themeToggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setTooltip(new Tooltip("Dark theme"));
        theme.setSelected(model.darkProperty().get());
        theme.selectedProperty().addListener((obs, old, now) -> model.setDark(now));
        model.darkProperty().addListener((obs, old, now) -> theme.setSelected(now));

        HBox header = new HBox(title, subtitle, spacer, refresh, theme, appMenu(model));
        header.setId("appHeader");
        header.getStyleClass().add("app-header");
        return header;
    }

    /** The header's menu: the drafts from before this start, and Quit (Ctrl+Q). */
    private MenuButton appMenu(ShellModel model) {
        MenuItem drafts = new MenuItem("Unsaved drafts…",
                new FontIcon(Material2MZ.RESTORE_PAGE));
        drafts.setId("draftsItem");
        drafts.disableProperty().bind(Bindings.isEmpty(model.recoveredDrafts().entries()));
        drafts.setOnAction(e -> showDrafts());
        MenuItem quit = new MenuItem("Quit", new FontIcon(Material2AL.EXIT_TO_APP));
        quit.setId("quitItem");
        // shown beside the item; the window's key filter does the work, wherever the focus is
        quit.setAccelerator(QUIT);
        quit.setOnAction(e -> onQuit.run());
        MenuButton menu = new MenuButton(null,
                new FontIcon(Material2MZ.MENU), drafts, new SeparatorMenuItem(), quit);
        menu.setId("appMenu");
        menu.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, atlantafx.base.theme.Tweaks.NO_ARROW);
        menu.setTooltip(new Tooltip("More: unsaved drafts, Quit (Ctrl+Q)"));
        return menu;
    }

    private HBox statusBar(ShellModel model) {
        Label workspace = statusLabel("statusWorkspace", Material2MZ.STORAGE);
        workspace.textProperty().bind(model.workspaceTextProperty());
        Tooltip location = new Tooltip();
        location.textProperty().bind(model.locationTextProperty());
        workspace.setTooltip(location);

        Label user = statusLabel("statusUser", Material2AL.ACCOUNT_CIRCLE);
        user.textProperty().bind(model.userTextProperty());

        Label counts = statusLabel("statusCounts", null);
        counts.textProperty().bind(model.countsTextProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label sync = statusLabel("statusSync", Material2AL.CLOUD_OFF);
        sync.textProperty().bind(model.syncTextProperty());
        sync.setTooltip(new Tooltip("This workspace is not connected to a server; every change is kept locally."));

        Label pending = statusLabel("statusPending", Material2MZ.SYNC);
        pending.textProperty().bind(model.pendingTextProperty());

        Button drafts = new Button(null, new FontIcon(Material2MZ.RESTORE_PAGE));
        drafts.setId("draftsButton");
        drafts.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "drafts-button");
        drafts.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.recoveredDrafts().entries().size();
            return n == 1 ? "1 unsaved draft" : n + " unsaved drafts";
        }, model.recoveredDrafts().entries()));
        drafts.setTooltip(new Tooltip("Drafts kept from before this start: restore or discard them"));
        drafts.visibleProperty().bind(Bindings.isNotEmpty(model.recoveredDrafts().entries()));
        drafts.managedProperty().bind(drafts.visibleProperty());
        drafts.setOnAction(e -> showDrafts());

        HBox bar = new HBox(workspace, user, counts, drafts, spacer, sync, pending);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Label statusLabel(String id, org.kordamp.ikonli.Ikon icon) {
        Label label = new Label();
        label.setId(id);
        if (icon != null) {
            label.setGraphic(new FontIcon(icon));
        }
        return label;
    }

    /** The model the window shows, for features that change it (e.g. a new sign-in). */
    public ShellModel model() {
        return model;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** The Customer tab's view, built now when its tab has not shown yet. */
    public CustomerView customerView() {
        return customerView.get();
    }

    /**
     * Runs {@code action} with the Customer tab's view once it is built (now if it is), for features
     * that plug into it (e.g. its Assignments card) without building it before it shows.
     */
    public void whenCustomerViewBuilt(Consumer<CustomerView> action) {
        customerView.whenBuilt(action);
    }
}
