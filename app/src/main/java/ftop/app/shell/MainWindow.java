package ftop.app.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.customer.CustomerView;
import ftop.app.portfolio.PortfolioView;
import ftop.app.tenant.TenantView;

/**
 * The main window's content: a header with the app's actions, a tab per {@link Page}, and the
 * status bar. Binds to the {@link ShellModel}; holds no state of its own.
 */
public final class MainWindow extends BorderPane {

    private final TabPane tabs = new TabPane();
    private final Tab portfolioTab;
    private final Tab customerTab;
    private final Tab tenantTab;

    public MainWindow(ShellModel model) {
        setId("mainWindow");

        PortfolioView portfolioView = new PortfolioView(model.portfolio());
        CustomerView customerView = new CustomerView(model.customer());
        portfolioTab = tab(Page.PORTFOLIO, "portfolioTab", portfolioView, new FontIcon(Material2AL.DASHBOARD));
        customerTab = tab(Page.CUSTOMER, "customerTab", customerView, new FontIcon(Material2MZ.PERSON));
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tenantTab = tab(Page.TENANT, "tenantTab", new TenantView(model.tenant()), new FontIcon(Material2AL.CLOUD_QUEUE));
        tabs.getTabs().addAll(portfolioTab, customerTab, tenantTab);

        // the model decides which page shows; clicking a tab is a request to the model
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.show((Page) now.getUserData());
            }
        });
        model.pageProperty().addListener((obs, old, now) -> select(now));
        select(model.pageProperty().get());

        setTop(header(model));
        setCenter(tabs);
        setBottom(statusBar(model));
    }

    private void select(Page page) {
        tabs.getSelectionModel().select(switch (page) {
            case PORTFOLIO -> portfolioTab;
            case CUSTOMER -> customerTab;
            case TENANT -> tenantTab;
        });
    }

    private static Tab tab(Page page, String id, javafx.scene.Node content, FontIcon icon) {
        Tab tab = new Tab(page.title(), content);
        tab.setId(id);
        tab.setUserData(page);
        tab.setGraphic(icon);
        return tab;
    }

    private static HBox header(ShellModel model) {
        Label title = new Label("FTOP Desktop");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("Customer Health");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.setId("refreshButton");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(new Tooltip("Read the workspace again"));
        refresh.setOnAction(e -> model.refresh());

        ToggleButton theme = new ToggleButton(null, new FontIcon(Material2AL.BRIGHTNESS_4));
        theme.setId("themeToggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setTooltip(new Tooltip("Dark theme"));
        theme.setSelected(model.darkProperty().get());
        theme.selectedProperty().addListener((obs, old, now) -> model.setDark(now));
        model.darkProperty().addListener((obs, old, now) -> theme.setSelected(now));

        HBox header = new HBox(title, subtitle, spacer, refresh, theme);
        header.setId("appHeader");
        header.getStyleClass().add("app-header");
        return header;
    }

    private static HBox statusBar(ShellModel model) {
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

        HBox bar = new HBox(workspace, user, counts, spacer, sync, pending);
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

    public TabPane tabs() {
        return tabs;
    }
}
