package ftop.app.search;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import ftop.app.AppFixtures;
import ftop.app.FtopApplication;
import ftop.app.tenant.TenantView;
import ftop.app.testkit.DesktopApp;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.search.SearchKind;
import ftop.core.status.EnterpriseStatusNote;

/**
 * Ctrl+K in the real window on the demo workspace, keyboard only: a word of a Risks note finds it,
 * Enter opens its winner tenant at that note; a customer's name opens the customer.
 */
class SearchPopupTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;
    private final Dataset demo = DatasetGenerator.demo(AppFixtures.TODAY);

    @BeforeEach
    void start() throws Exception {
        app = desktop.start(home);
        waitUntil("the Portfolio view", () -> lookup("#portfolioTable").tryQuery().isPresent());
    }

    @Test
    void aWordOfARiskFindsTheNoteAndEnterOpensItsTenantAtThatNote() {
        // the newest note whose risks speak of the proxy: the first status note hit
        EnterpriseStatusNote note = demo.notes().stream().filter(n -> n.risks().contains("proxy"))
                .max(Comparator.comparing(EnterpriseStatusNote::createdAt)).orElseThrow();
        String customer = demo.customers().stream().filter(c -> c.tpid() == note.tpid()).findFirst()
                .map(Customer::name).orElseThrow();

        openSearch();
        write("prox");
        waitUntil("the status notes found", () -> results().getItems().stream()
                .anyMatch(r -> !r.isHeading() && r.kind() == SearchKind.STATUS_NOTE));

        assertThat(results().getItems().get(0).isHeading()).isTrue();
        assertThat(results().getItems().get(0).kind()).isEqualTo(SearchKind.STATUS_NOTE);
        SearchRow picked = results().getSelectionModel().getSelectedItem();
        assertThat(picked.hit().id()).isEqualTo(note.id().toString());
        assertThat(picked.hit().field()).isEqualTo("Risks");
        // the matched word is drawn in bold, the rest plainly
        assertThat(lookup("#searchResults .search-match").queryAllAs(Text.class)).extracting(Text::getText)
                .contains("proxy");

        type(KeyCode.ENTER);

        waitUntil("the note to show, marked, in sight in its tenant", () -> lookup(".status-note." + TenantView.MARKED_NOTE)
                .tryQuery().filter(n -> note.createdAt().equals(n.getUserData())).map(this::inSight).orElse(false));
        assertThat(app.search().popup().stage().isShowing()).isFalse();
        assertThat(selectedTab()).isEqualTo("tenantTab");
        assertThat(app.shell().tenant().detailsProperty().get().tenant().tenantId()).isEqualTo(note.tenantId());

        // and from the tenant, Ctrl+K again: the customer by its name, Enter opens it
        openSearch();
        write(customer);
        waitUntil("the customer found", () -> results().getItems().stream()
                .anyMatch(r -> !r.isHeading() && r.kind() == SearchKind.CUSTOMER && r.hit().title().equals(customer)));
        while (!results().getSelectionModel().getSelectedItem().hit().title().equals(customer)) {
            type(KeyCode.DOWN);
        }
        type(KeyCode.ENTER);

        waitUntil("the customer to open", () -> lookup("#customerName").tryQuery()
                .map(n -> customer.equals(((Label) n).getText())).orElse(false));
        assertThat(selectedTab()).isEqualTo("customerTab");
    }

    @Test
    void arrowsSkipHeadingsAndEscClosesWithoutOpeningAnything() {
        openSearch();
        write("co");
        waitUntil("hits of two kinds", () -> results().getItems().stream().filter(SearchRow::isHeading).count() >= 2);

        int first = results().getSelectionModel().getSelectedIndex();
        assertThat(first).isEqualTo(1);
        int hitsInFirstGroup = (int) results().getItems().stream()
                .takeWhile(r -> r.kind() == results().getItems().get(0).kind()).filter(r -> !r.isHeading()).count();
        for (int i = 0; i < hitsInFirstGroup; i++) {
            type(KeyCode.DOWN);
        }
        // past the first group's last hit and the second group's heading
        assertThat(results().getSelectionModel().getSelectedIndex()).isEqualTo(hitsInFirstGroup + 2);
        assertThat(results().getSelectionModel().getSelectedItem().isHeading()).isFalse();
        type(KeyCode.UP);
        assertThat(results().getSelectionModel().getSelectedIndex()).isEqualTo(hitsInFirstGroup);

        String tabBefore = selectedTab();
        type(KeyCode.ESCAPE);

        waitUntil("the popup to close", () -> !app.search().popup().stage().isShowing());
        assertThat(selectedTab()).isEqualTo(tabBefore);
    }

    @Test
    void saysWhenNothingMatches() {
        openSearch();
        write("zzqx");

        waitUntil("the answer", () -> ((Label) lookup("#searchStatus").query()).getText().startsWith("Nothing"));
        assertThat(((Label) lookup("#searchStatus").query()).getText())
                .isEqualTo("Nothing in this workspace matches \u201czzqx\u201d.");
        assertThat(results().getItems()).isEmpty();
    }

    /** Ctrl+K; the keys typed next go to the popup. */
    private void openSearch() {
        targetWindow(FxToolkit.toolkitContext().getRegisteredStage());
        push(KeyCode.CONTROL, KeyCode.K);
        waitUntil("the search field to have the focus", () -> lookup("#searchField").tryQuery()
                .map(Node::isFocused).orElse(false));
        // headless, every window says it has the focus: tell the robot which one the keys are for
        targetWindow(app.search().popup().stage());
    }

    @SuppressWarnings("unchecked")
    private ListView<SearchRow> results() {
        return (ListView<SearchRow>) lookup("#searchResults").query();
    }

    private String selectedTab() {
        return ((TabPane) lookup("#mainTabs").query()).getSelectionModel().getSelectedItem().getId();
    }

    /** Whether the note's top lies within the tenant view's scroll viewport. */
    private boolean inSight(Node note) {
        ScrollPane scroll = lookup("#tenantScroll").queryAs(ScrollPane.class);
        Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        Bounds shown = note.localToScene(note.getLayoutBounds());
        return shown.getMinY() >= viewport.getMinY() && shown.getMinY() < viewport.getMaxY();
    }
}
