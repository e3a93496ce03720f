package ftop.app.customer;

import static ftop.app.testkit.Ui.FIRST_SYNC;
import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Labeled;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.sync.SyncSession;
import ftop.app.testkit.DesktopApp;
import ftop.app.widgets.TrendChart;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;
import ftop.core.health.HealthRules;
import ftop.core.health.UsageTrend;
import ftop.core.store.LocalStore;

/**
 * The workload trend in the real app against a real server: the demo's embedded central server on
 * loopback, loaded with a year of usage history. The chart shows the points of that history, and
 * what was fetched stays on screen when the server goes away.
 */
class WorkloadTrendUiTest extends FxRobot {

    private static final String RED_CUSTOMER = "Northwind Traders";

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    @Test
    void theChartShowsTheServersHistoryAndKeepsItOffline() throws Exception {
        AppOptions options = new AppOptions(AppOptions.DEFAULT_PROFILE, Optional.of(home), Optional.empty(), false,
                Optional.of(RED_CUSTOMER));
        FtopApplication app = desktop.launch(() -> new FtopApplication(options, StoreWorkspace::open,
                Clock.systemDefaultZone(), true));
        waitUntil("the customer's trend", () -> label("#workloadTrendNote").startsWith("From the server's history"),
                FIRST_SYNC);

        SyncSession session = app.syncSession().orElseThrow();
        LocalStore store = session.store();
        long tpid = tpidOf(store, RED_CUSTOMER);
        UsageTrend expected = UsageTrend.of(store.history(tpid).entries(), store.usage().byTpid(tpid),
                HealthRules.defaults(), YearMonth.now(), ZoneId.systemDefault(), UsageTrend.DEFAULT_MONTHS);
        assertThat(expected.points()).hasSize(12);

        TrendChart chart = lookup("#workloadTrend").queryAs(TrendChart.class);
        assertThat(chart.isVisible()).isTrue();
        List<TrendChart.Point> shown = chart.getPoints();
        assertThat(shown).extracting(TrendChart.Point::percent).containsExactlyElementsOf(
                expected.points().stream().map(p -> (double) p.overallPercent().getAsInt()).toList());
        assertThat(shown).extracting(TrendChart.Point::label).containsExactlyElementsOf(expected.points().stream()
                .map(p -> p.month().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.US)).toList());
        // one dot per month, in the month's health colour, telling its values
        List<Node> dots = List.copyOf(lookup("#workloadTrend .trend-point").queryAll());
        assertThat(dots).hasSize(12);
        for (int i = 0; i < dots.size(); i++) {
            UsageTrend.Point point = expected.points().get(i);
            String colour = point.overall().orElseThrow().name().toLowerCase(Locale.ROOT);
            assertThat(dots.get(i).getPseudoClassStates()).contains(PseudoClass.getPseudoClass(colour));
            assertThat(shown.get(i).description())
                    .contains("Overall: " + point.overallPercent().getAsInt() + "% · " + point.overall().get().label())
                    .contains("Group 1: ").contains("Group 3: ");
        }
        // pointing at a month shows its values
        moveTo(dots.get(4));
        String fifth = shown.get(4).description();
        waitUntil("the point's tooltip", () -> lookup(".tooltip").queryAll().stream()
                .anyMatch(n -> n instanceof Labeled l && l.getText().equals(fifth)));
        assertThat(fifth).startsWith(expected.points().get(4).month().getMonth()
                .getDisplayName(java.time.format.TextStyle.FULL, Locale.US));
        // the last month is today's figures, the same as the card above the chart
        assertThat(shown.get(11).colour().orElseThrow().label()).isEqualTo(label("#workloadOverallHealth"));

        // the server goes away: another customer has no history to show, this one keeps what was fetched
        session.demo().orElseThrow().close();
        long contoso = tpidOf(store, "Contoso");
        interact(() -> app.shell().openCustomer(contoso));
        waitUntil("Contoso's note", () -> label("#workloadTrendNote").equals("No history yet, offline"));
        assertThat(lookup("#workloadTrend").query().isVisible()).isFalse();

        interact(() -> app.shell().openCustomer(tpid));
        waitUntil("the cached trend", () -> label("#workloadTrendNote").equals("Last fetched just now, offline"));
        assertThat(lookup("#workloadTrend").queryAs(TrendChart.class).getPoints()).isEqualTo(shown);
        assertThat(lookup("#workloadTrend").query().isVisible()).isTrue();
    }

    private static long tpidOf(LocalStore store, String name) {
        return store.customers().all().stream().filter(c -> c.name().equals(name)).map(Customer::tpid)
                .findFirst().orElseThrow();
    }
}
