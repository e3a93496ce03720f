package ftop.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.portfolio.PortfolioRow;

/** Clicks through the real window: Portfolio → double-click a customer → Customer tab. */
class MainWindowTest extends FxRobot {

    @TempDir
    Path home;

    private FtopApplication app;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (FtopApplication) FxToolkit.setupApplication(() -> new FtopApplication(AppOptions.inDirectory(home),
                (profile, dir, today) -> AppFixtures.workspace(), AppFixtures.clock()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#portfolioTable").tryQuery().isPresent()
                && !this.<TableView<PortfolioRow>>table().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table() {
        return (TableView<T>) lookup("#portfolioTable").queryAs(TableView.class);
    }

    @Test
    void portfolioListsTheWorkspaceCustomersWithTheirHealth() {
        TableView<PortfolioRow> table = table();
        assertThat(table.getItems()).extracting(PortfolioRow::name).containsExactly("Contoso", "Fabrikam");
        assertThat(lookup(".table-row-cell").lookup("Contoso").tryQuery()).isPresent();
        assertThat(lookup(".health-chip").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Yellow", "Green", "Red", "No data");
        assertThat(lookup("#winnerIcon").queryAll()).isNotEmpty();
        assertThat(lookup("#covidIcon").queryAll()).hasSize(1);
        assertThat(lookup(".overdue").queryAllAs(javafx.scene.control.Labeled.class)).extracting(l -> l.getText())
                .anySatisfy(text -> assertThat(text).startsWith("Overdue"));
        assertThat(label("#statusUser")).isEqualTo("megan.bowen");
        assertThat(label("#statusCounts")).isEqualTo("2 customers · 3 tenants");
        assertThat(label("#statusPending")).isEqualTo("0 pending changes");
        assertThat(label("#statusSync")).contains("Local only");
    }

    @Test
    void doubleClickOpensTheCustomerInTheCustomerTab() {
        Node fabrikam = lookup(".table-row-cell").lookup("Fabrikam").query();
        doubleClickOn(fabrikam);
        waitForLabel("#customerName", "Fabrikam");
        assertThat(selectedTab()).isEqualTo("customerTab");
        assertThat(label("#customerStatus")).isEqualTo("Not set");

        clickOn("#portfolioTab");
        doubleClickOn(lookup(".table-row-cell").lookup("Contoso").<Node>query());
        waitForLabel("#customerName", "Contoso");
        assertThat(selectedTab()).isEqualTo("customerTab");
        assertThat(label("#customerFacts")).contains("TPID 1001", "S500", "United States");
        assertThat(label("#customerStatus")).isEqualTo("In Progress");
        assertThat(label("#nextReviewDate")).isEqualTo("May 17, 2021");
        assertThat(label("#cxpWatchlist")).isNotEqualTo("Not set");
        assertThat(label("#overallMindset")).isEqualTo("Aligned");
        assertThat(label("#successOwner")).isEqualTo("Patti Fernandez (CIO)");
        assertThat(lookup("#customerOverallHealth").queryAs(Label.class).getText()).isEqualTo("Yellow");
        assertThat(lookup("#group2Health").queryAs(Label.class).getText()).isEqualTo("Red");
        assertThat(lookup("#customerPicker").tryQuery()).isPresent();
    }

    @Test
    void enterOpensTheSelectedCustomer() {
        clickOn(lookup(".table-row-cell").lookup("Contoso").<Node>query());
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        waitForLabel("#customerName", "Fabrikam");
        assertThat(selectedTab()).isEqualTo("customerTab");
    }

    private String selectedTab() {
        return lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    private String label(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private void waitForLabel(String id, String text) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> lookup(id).tryQuery().map(n -> text.equals(((Label) n).getText())).orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " never read \"" + text + "\"; it reads \""
                    + lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("(missing)") + "\"", e);
        }
    }
}
