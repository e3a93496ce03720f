package ftop.app.sync;

import static ftop.app.testkit.Ui.FIRST_SYNC;
import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.waitForLabel;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.Screenshots;
import ftop.app.portfolio.PortfolioRow;
import ftop.app.tasks.VirtualScheduler;
import ftop.app.testkit.DesktopApp;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.change.EntityCodec;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.BusinessReason;
import ftop.core.health.CustomerHealth;
import ftop.core.store.LocalStore;
import ftop.core.store.RemoteChange;
import ftop.sync.client.SyncClient;

/**
 * Two desktops on one real server on loopback: the demo workspace (Megan Bowen) and a colleague's
 * sync client. A colleague's save shows as "Updated by … just now" on the Portfolio row and in the
 * Customer tab's section it touched; the user's own save marks nothing; the time in the mark follows
 * the injected clock.
 */
class LiveMarksUiTest extends FxRobot {

    @TempDir
    Path home;
    @TempDir
    Path other;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    /** The app's clock and timers: still until the test moves them. */
    private final VirtualScheduler time = new VirtualScheduler(Instant.now());
    private FtopApplication app;
    private LocalStore second;

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aColleaguesSaveIsMarkedWhereItShowsAndTheUsersOwnIsNot() throws Exception {
        app = desktop.launch(() -> new FtopApplication(AppOptions.inDirectory(home), StoreWorkspace::open,
                time.clock(), true, time));
        waitUntil("the window", () -> lookup("#syncState").tryQuery().isPresent(), FIRST_SYNC);
        waitForLabel("#syncState", "Online");
        SyncSession session = app.syncSession().orElseThrow();
        LocalStore mine = session.store();
        waitUntil("the portfolio", () -> lookup("#portfolioTable").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));

        second = LocalStore.open(other);
        SyncClient colleague = new SyncClient(session.demo().orElseThrow().url(), second);
        colleague.login(DemoUsers.ALEX_WILBER, DemoUsers.DEMO_PASSWORD);
        colleague.sync(p -> { });
        List<CustomerHealth> shared = mine.health().all().stream()
                .filter(h -> second.health().get(Long.toString(h.tpid())).isPresent()).limit(2).toList();
        assertThat(shared).hasSize(2);
        long theirs = shared.get(0).tpid();
        long own = shared.get(1).tpid();

        // the user's own save goes up and comes back: nothing to mark
        mine.save(EntityCodec.apply(shared.get(1), Map.of("perspective.businessReason",
                TextNode.valueOf(anotherReason(shared.get(1))))));
        waitUntil("my save to reach the server", () -> mine.outbox().pendingCount() == 0);

        // the colleague saves Customer Perspective; the live wait brings it at once
        String id = Long.toString(theirs);
        CustomerHealth before = second.health().get(id).orElseThrow();
        second.save(EntityCodec.apply(before, Map.of("perspective.businessReason",
                TextNode.valueOf(anotherReason(before)))));
        colleague.sync(p -> { });

        waitUntil("the mark on the colleague's customer", () -> {
            showRow(theirs);
            return portfolioMark(theirs).isPresent();
        });
        Label dot = portfolioMark(theirs).orElseThrow();
        assertThat(dot.getTooltip().getText()).isEqualTo("Updated by Alex Wilber just now");
        assertThat(dot.getAccessibleText()).isEqualTo("Updated by Alex Wilber just now");
        showRow(own);
        assertThat(portfolioMark(own)).isEmpty();
        showRow(theirs);
        Screenshots.save(dot.getScene(), "live-mark-portfolio");
        assertThat(app.shell().portfolio().liveMarks().customerMark(own)).isEmpty();
        // no other customer is marked
        assertThat(app.shell().portfolio().rows()).filteredOn(r -> app.shell().portfolio().liveMarks()
                .customerMark(r.tpid()).isPresent()).extracting(PortfolioRow::tpid).containsExactly(theirs);

        // in the Customer tab, on the section the colleague saved, not on the other health section
        interact(() -> app.shell().openCustomer(theirs));
        waitUntil("the section's mark", () -> lookup("#customerPerspectiveSectionLiveMark").tryQuery()
                .map(Node::isVisible).orElse(false));
        assertThat(label("#customerPerspectiveSectionLiveMark")).isEqualTo("Updated by Alex Wilber just now");
        Node perspective = lookup("#customerPerspectiveSection").query();
        reveal(perspective);
        Screenshots.save(perspective.getScene(), "live-mark-section-light");
        interact(() -> app.shell().setDark(true));
        Screenshots.save(perspective.getScene(), "live-mark-section-dark");
        interact(() -> app.shell().setDark(false));
        assertThat(lookup("#customerProgressSectionLiveMark").query().isVisible()).isFalse();
        assertThat(lookup("#statusSectionLiveMark").query().isVisible()).isFalse();
        // opened: the Portfolio's mark has done its job
        assertThat(app.shell().portfolio().liveMarks().customerMark(theirs)).isEmpty();

        // six minutes later by the app's clock
        Instant changedAt = mine.changesByOthers(DemoUsers.DEMO_USER, Instant.EPOCH).stream()
                .filter(c -> c.tpid() == theirs).map(RemoteChange::changedAt).findFirst().orElseThrow();
        interact(() -> time.advance(Duration.between(time.clock().instant(), changedAt.plus(Duration.ofMinutes(6)))));
        waitForLabel("#customerPerspectiveSectionLiveMark", "Updated by Alex Wilber 6 min ago");

        // and gone after ten
        interact(() -> time.advance(Duration.ofMinutes(4)));
        waitUntil("the mark to go", () -> !lookup("#customerPerspectiveSectionLiveMark").query().isVisible());
    }

    /** A Business Reason other than the one {@code health} has. */
    private static String anotherReason(CustomerHealth health) {
        String now = EntityCodec.fields(health).get("perspective.businessReason").asText();
        return Arrays.stream(BusinessReason.values()).map(Enum::name).filter(r -> !r.equals(now)).findFirst()
                .orElseThrow();
    }

    /** Scrolls the Portfolio to the row of {@code tpid}. */
    @SuppressWarnings("unchecked")
    private void showRow(long tpid) {
        TableView<PortfolioRow> table = (TableView<PortfolioRow>) lookup("#portfolioTable").query();
        interact(() -> table.getItems().stream().filter(r -> r.tpid() == tpid).findFirst().ifPresent(table::scrollTo));
    }

    /** The visible mark on the Portfolio row of {@code tpid}, if any. */
    private Optional<Label> portfolioMark(long tpid) {
        return lookup(".live-mark").queryAll().stream()
                .filter(Node::isVisible)
                .filter(n -> n.getParent() instanceof TableCell<?, ?> cell && cell.getIndex() >= 0
                        && cell.getIndex() < cell.getTableView().getItems().size()
                        && ((PortfolioRow) cell.getTableView().getItems().get(cell.getIndex())).tpid() == tpid)
                .map(Label.class::cast)
                .findFirst();
    }
}
