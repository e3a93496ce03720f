package ftop.app.shell;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.selectedTab;
import static ftop.app.testkit.Ui.waitForLabel;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import ftop.app.AppFixtures;
import ftop.app.FtopApplication;
import ftop.app.StartupSequence;
import ftop.app.portfolio.PortfolioRow;
import ftop.app.testkit.DesktopApp;
import ftop.app.widgets.DateText;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.Labelled;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerStatus;
import ftop.core.store.LocalStore;

/**
 * Clicks through the real window on a real local store in a temporary folder, created with the
 * demo workspace on first start as a new user would see it.
 */
class MainWindowTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;
    private final Dataset demo = DatasetGenerator.demo(AppFixtures.TODAY);

    @BeforeEach
    void start() throws Exception {
        app = desktop.start(home);
        waitUntil("the Portfolio to fill", () -> lookup("#portfolioTable").tryQuery().isPresent()
                && !table().getItems().isEmpty() && !label("#statusPending").isEmpty());
    }

    @Test
    void firstStartCreatesTheDemoWorkspaceAndThePortfolioShowsIt() {
        assertThat(table().getItems()).extracting(PortfolioRow::name)
                .containsExactlyInAnyOrderElementsOf(demo.customers().stream().map(Customer::name).toList());
        assertThat(lookup(".table-row-cell").lookup("Contoso").tryQuery()).isPresent();
        assertThat(lookup(".health-chip").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Red", "Yellow", "Green", "Blue");
        assertThat(lookup("#covidIcon").queryAll()).isNotEmpty();
        assertThat(lookup(".overdue").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Overdue"));

        assertThat(label("#statusUser")).isEqualTo("megan.bowen");
        assertThat(label("#statusWorkspace")).isEqualTo("Workspace demo");
        assertThat(label("#statusCounts")).isEqualTo(demo.customers().size() + " customers · "
                + demo.tenants().size() + " tenants");
        assertThat(label("#statusPending")).isEqualTo("0 pending changes");
        assertThat(label("#statusSync")).contains("Local only");
    }

    @Test
    void theWindowCarriesTheAppsIconInTheSizesSystemsPickFrom() {
        List<Image> icons = FxToolkit.toolkitContext().getRegisteredStage().getIcons();
        waitUntil("the icons to load", () -> icons.stream().allMatch(icon -> icon.getProgress() == 1));

        assertThat(icons).allSatisfy(icon -> assertThat(icon.isError()).isFalse())
                .extracting(icon -> (int) icon.getWidth()).containsExactly(16, 32, 48, 64, 128, 256);
    }

    @Test
    void doubleClickOpensThatCustomerWithItsHealthFields() {
        Customer northwind = customerNamed("Northwind Traders");
        CustomerHealth health = healthOf(northwind);

        doubleClickOn(row("Northwind Traders"));

        waitForLabel("#customerName", "Northwind Traders");
        assertThat(selectedTab()).isEqualTo("customerTab");
        assertThat(label("#customerFacts")).contains("TPID " + northwind.tpid(), northwind.segment().label(),
                northwind.region().label());
        assertThat(label("#customerStatus"))
                .isEqualTo(health.progress().status().map(CustomerStatus::label).orElse("Not set"));
        assertThat(label("#nextReviewDate")).isEqualTo(DateText.of(health.progress().nextReviewDate(), "Not set"));
        assertThat(label("#cxpWatchlist")).isEqualTo(health.progress().cxpWatchlist().map(Labelled::label).orElse("Not set"));
        assertThat(label("#overallMindset")).isEqualTo(health.perspective().mindset().map(Labelled::label).orElse("Not set"));
        for (String id : List.of("#customerStatus", "#expectedProgressDue", "#nextReviewDate", "#previousReviewDate",
                "#cxpWatchlist", "#healthRegion", "#healthVertical", "#overallMindset", "#completionDate",
                "#businessReason", "#successOwner")) {
            assertThat(lookup(id).tryQuery()).as(id).isPresent();
        }
        assertThat(lookup("#customerProgressSection").lookup("Customer Status").tryQuery()).isPresent();
        assertThat(lookup("#customerPerspectiveSection").lookup("Success Owner").tryQuery()).isPresent();
        assertThat(lookup("#workloadHealth").lookup(".health-chip").queryAll()).isNotEmpty();
    }

    @Test
    void enterOpensTheSelectedCustomerAndTheTabsGoBack() {
        List<PortfolioRow> rows = table().getItems();
        clickOn(row(rows.get(0).name()));
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        waitForLabel("#customerName", rows.get(1).name());
        assertThat(selectedTab()).isEqualTo("customerTab");

        clickOn("#portfolioTab");
        assertThat(selectedTab()).isEqualTo("portfolioTab");
    }

    @Test
    void aLocalEditShowsAsAPendingChange() throws Exception {
        LocalStore store = desktop.store();
        Customer contoso = customerNamed("Contoso");
        CustomerHealth health = store.health().get(Long.toString(contoso.tpid())).orElseThrow();
        CustomerStatus other = health.progress().status().orElse(CustomerStatus.IN_PROGRESS) == CustomerStatus.NO_INTENT
                ? CustomerStatus.IN_PROGRESS : CustomerStatus.NO_INTENT;
        var progress = health.progress();
        store.save(health.withProgress(new ftop.core.health.CustomerProgress(java.util.Optional.of(other),
                progress.expectedProgressDue(), progress.expectedHealth(), progress.nextReviewDate(),
                progress.previousReviewDate(), progress.cxpWatchlist(), progress.region(), progress.vertical())));

        waitForLabel("#statusPending", "1 pending change");
        waitUntil("the Portfolio to show the new status", () -> table().getItems().stream()
                .anyMatch(r -> r.tpid() == contoso.tpid() && r.status().equals(java.util.Optional.of(other))));
    }

    @Test
    void thePickerFindsACustomerByPartOfItsName() {
        clickOn("#customerTab");
        clickOn("#customerPicker").write("northw");
        waitUntil("a suggestion", () -> lookup(".auto-complete-popup .list-cell").lookup("Northwind Traders ("
                + customerNamed("Northwind Traders").tpid() + ")").tryQuery().isPresent());
        clickOn(lookup(".auto-complete-popup .list-cell").lookup(
                "Northwind Traders (" + customerNamed("Northwind Traders").tpid() + ")").<Node>query());
        waitForLabel("#customerName", "Northwind Traders");

        // an exact TPID and Enter work as well
        Customer contoso = customerNamed("Contoso");
        clickOn("#customerPicker").push(KeyCode.CONTROL, KeyCode.A).write(Long.toString(contoso.tpid()))
                .type(KeyCode.ENTER);
        waitForLabel("#customerName", "Contoso");
    }

    @Test
    void theKeyboardReachesEveryPage() {
        clickOn(row("Contoso"));
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        assertThat(selectedTab()).isEqualTo("customerTab");
        push(KeyCode.CONTROL, KeyCode.DIGIT1);
        assertThat(selectedTab()).isEqualTo("portfolioTab");

        push(KeyCode.CONTROL, KeyCode.F);
        assertThat(selectedTab()).isEqualTo("customerTab");
        assertThat(lookup("#customerPicker").query().isFocused()).isTrue();
        write("Fabrikam").type(KeyCode.ENTER);
        waitForLabel("#customerName", "Fabrikam");
    }

    @Test
    void thePagesBesidesThePortfolioAreBuiltWhenFirstShown() {
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        assertThat(lookup("#customerView").tryQuery()).isEmpty();
        assertThat(lookup("#reviewView").tryQuery()).isEmpty();
        assertThat(tabs.getTabs().stream().filter(t -> "reviewTab".equals(t.getId())).findFirst().orElseThrow()
                .getContent()).isNull();

        clickOn("#reviewTab");
        waitUntil("the Review page", () -> lookup("#reviewView").tryQuery().isPresent());
        clickOn("#customerTab");
        waitForLabel("#customerPlaceholder", "Pick a customer to see its health.");

        // built once: back and forth shows the same views
        Node customerView = lookup("#customerView").query();
        clickOn("#portfolioTab");
        clickOn("#customerTab");
        assertThat(lookup("#customerView").queryAll()).containsExactly(customerView);
    }

    @Test
    void aCustomerOpenedBeforeItsTabWasBuiltShowsWhenTheTabIs() {
        // opened by the model alone (as a search result does), the tab built afterwards shows it
        Customer contoso = customerNamed("Contoso");
        interact(() -> app.shell().customer().open(contoso.tpid()));
        waitUntil("Contoso to be read", () -> app.shell().customer().detailsProperty().get() != null);
        assertThat(lookup("#customerView").tryQuery()).isEmpty();

        clickOn("#customerTab");
        waitForLabel("#customerName", "Contoso");
        assertThat(lookup("#customerPicker").queryAs(javafx.scene.control.TextField.class).getText())
                .startsWith("Contoso");
    }

    @Test
    void theStartNotesItsStepsInOrder() {
        waitUntil("the rows to be read", () -> app.startupSteps().stream().anyMatch(s -> s.name().equals("rows read")));
        List<StartupSequence.Step> steps = app.startupSteps();
        assertThat(steps).extracting(StartupSequence.Step::name)
                .containsSubsequence("window shown", "workspace open", "first screen read", "main window built",
                        "first frame", "rows read")
                .contains("Portfolio populated");
        assertThat(steps).extracting(StartupSequence.Step::millis).isSorted();
    }

    @Test
    void theThemeToggleSwitchesBetweenLightAndDark() {
        String light = javafx.application.Application.getUserAgentStylesheet();
        assertThat(light).isEqualTo(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());

        clickOn("#themeToggle");
        assertThat(javafx.application.Application.getUserAgentStylesheet())
                .isEqualTo(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        assertThat(app.shell().darkProperty().get()).isTrue();

        StoreWorkspace workspace = (StoreWorkspace) app.shell().workspace();
        waitUntil("the theme to be remembered", () -> workspace.store().setting(ShellModel.THEME_SETTING)
                .equals(java.util.Optional.of("dark")));

        clickOn("#themeToggle");
        assertThat(javafx.application.Application.getUserAgentStylesheet()).isEqualTo(light);
        waitUntil("the light theme to be remembered", () -> workspace.store().setting(ShellModel.THEME_SETTING)
                .equals(java.util.Optional.of("light")));
    }

    @Test
    void theWindowStartsInTheThemeItWasLeftIn() throws Exception {
        clickOn("#themeToggle");
        StoreWorkspace workspace = (StoreWorkspace) app.shell().workspace();
        waitUntil("the theme to be remembered", () -> workspace.store().setting(ShellModel.THEME_SETTING)
                .equals(java.util.Optional.of("dark")));
        desktop.stop();

        start();

        assertThat(app.shell().darkProperty().get()).isTrue();
        assertThat(javafx.application.Application.getUserAgentStylesheet())
                .isEqualTo(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        assertThat(lookup("#themeToggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void featuresOpenTheirOwnClosableTabsOnce() {
        MainWindow window = lookup("#mainWindow").queryAs(MainWindow.class);
        int[] made = {0};
        java.util.function.Supplier<Node> content = () -> {
            made[0]++;
            Label label = new Label("Tenant details");
            label.setId("tenantDetails");
            return label;
        };

        interact(() -> window.openTab("tenantTab-1", "contoso.onmicrosoft.com", null, content));
        assertThat(selectedTab()).isEqualTo("tenantTab-1");
        assertThat(app.shell().pageProperty().get()).isNull();
        assertThat(label("#tenantDetails")).isEqualTo("Tenant details");

        push(KeyCode.CONTROL, KeyCode.DIGIT1);
        assertThat(selectedTab()).isEqualTo("portfolioTab");
        interact(() -> window.openTab("tenantTab-1", "contoso.onmicrosoft.com", null, content));
        assertThat(selectedTab()).isEqualTo("tenantTab-1");
        assertThat(made[0]).isEqualTo(1);

        // from a feature's tab, opening a customer shows the Customer tab
        interact(() -> app.shell().openCustomer(customerNamed("Contoso").tpid()));
        waitForLabel("#customerName", "Contoso");
        assertThat(selectedTab()).isEqualTo("customerTab");

        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).filteredOn(javafx.scene.control.Tab::isClosable)
                .extracting(javafx.scene.control.Tab::getId).containsExactly("tenantTab-1");

        javafx.scene.control.Button action = new javafx.scene.control.Button("Connect to server…");
        action.setId("connectButton");
        interact(() -> window.addHeaderAction(action));
        assertThat(lookup("#appHeader").lookup("#connectButton").tryQuery()).isPresent();
    }

    /** The table row showing {@code name}, scrolled into view. */
    private Node row(String name) {
        TableView<PortfolioRow> table = table();
        int index = table.getItems().stream().map(PortfolioRow::name).toList().indexOf(name);
        interact(() -> table.scrollTo(index));
        return lookup(".table-row-cell").lookup(name).query();
    }

    private Customer customerNamed(String name) {
        return demo.customers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private CustomerHealth healthOf(Customer customer) {
        return demo.health().stream().filter(h -> h.tpid() == customer.tpid()).findFirst()
                .orElse(CustomerHealth.empty(customer.tpid()));
    }

    @SuppressWarnings("unchecked")
    private TableView<PortfolioRow> table() {
        return (TableView<PortfolioRow>) lookup("#portfolioTable").queryAs(TableView.class);
    }
}
