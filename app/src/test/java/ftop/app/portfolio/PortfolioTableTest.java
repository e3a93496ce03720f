package ftop.app.portfolio;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.FtopApplication;
import ftop.app.testkit.DesktopApp;
import ftop.app.widgets.Theme;
import ftop.core.assignment.BatchPreview;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.tenant.Tenant;

/**
 * Drives the Portfolio's tables in the real application at 1280×800 on a real local store: the
 * Customer column stays put when the table scrolls right, the selected rows stand out in the light
 * and the dark theme, "Export selected" writes only the selected rows, and counts read in the
 * singular where there is one.
 */
class PortfolioTableTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;
    private final Dataset demo = DatasetGenerator.demo(AppFixtures.TODAY);

    @BeforeEach
    void start() throws Exception {
        app = desktop.start(home);
        waitUntil("the Portfolio view", () -> lookup("#portfolioView").tryQuery().isPresent());
        Stage stage = (Stage) table().getScene().getWindow();
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        interact(() -> Theme.apply(false));
    }

    @Test
    void theCustomerColumnStaysInPlaceWhileTheTableScrollsRight() {
        TableRow<?> first = visibleRows().get(0);
        PortfolioRow item = (PortfolioRow) first.getItem();
        Node name = cell(first, "customerColumn");
        double nameX = screenX(name);
        double nameHeaderX = screenX(header("customerColumn"));
        double reviewHeaderX = screenX(header("reviewColumn"));
        ScrollBar bar = horizontalBar();
        assertThat(bar.isVisible()).as("at 1280 pixels the table is wider than the window").isTrue();

        // drag the horizontal scroll bar's thumb all the way to the right, as a person would
        drag(from(bar).lookup(".thumb").<Node>query()).dropBy(1200, 0);
        WaitForAsyncUtils.waitForFxEvents();

        double scrolled = bar.getValue();
        assertThat(scrolled).as("scrolled past the Customer column").isGreaterThan(300);
        assertThat(screenX(header("reviewColumn"))).isCloseTo(reviewHeaderX - scrolled, within(1.0));
        assertThat(screenX(header("customerColumn"))).isCloseTo(nameHeaderX, within(1.0));
        Node nameNow = cell(first, "customerColumn");
        assertThat(nameNow.isVisible()).isTrue();
        assertThat(screenX(nameNow)).isCloseTo(nameX, within(1.0));
        Node flags = cell(first, "flagsColumn");
        Bounds shown = table().localToScreen(table().getBoundsInLocal());
        assertThat(flags.localToScreen(flags.getBoundsInLocal()).getMaxX()).as("the last column scrolled into view")
                .isLessThanOrEqualTo(shown.getMaxX());

        // the name drawn above the columns under it is the one clicked
        clickOn(nameNow);
        assertThat(table().getSelectionModel().getSelectedItem()).isEqualTo(item);
        assertThat(((Labeled) nameNow).getText()).isEqualTo(item.name());
    }

    private static double screenX(Node node) {
        Bounds bounds = node.localToScreen(node.getBoundsInLocal());
        assertThat(bounds).as(node + " on screen").isNotNull();
        return bounds.getMinX();
    }

    @Test
    void theSelectedRowStandsOutInTheLightAndTheDarkTheme() {
        for (boolean dark : new boolean[] {false, true}) {
            interact(() -> Theme.apply(dark));
            interact(() -> table().getSelectionModel().clearAndSelect(1));
            WaitForAsyncUtils.waitForFxEvents();
            List<TableRow<?>> rows = visibleRows();
            Color selected = colour(rows.get(1));
            String theme = dark ? "dark" : "light";
            assertThat(contrast(selected, colour(rows.get(0)))).as(theme + ", against an even row").isGreaterThan(1.25);
            assertThat(contrast(selected, colour(rows.get(3)))).as(theme + ", against an odd row").isGreaterThan(1.25);
            // the frozen name cell is painted in the row's colour, selected or not
            assertThat(colour((Region) cell(rows.get(1), "customerColumn"))).as(theme).isEqualTo(selected);
            assertThat(colour((Region) cell(rows.get(2), "customerColumn"))).as(theme).isEqualTo(colour(rows.get(2)));
        }
    }

    @Test
    void exportSelectedWritesOnlyTheSelectedRowsAsTheSameCsvAsExportAllShown() throws Exception {
        Path all = home.resolve("exports/all.csv");
        Path selected = home.resolve("exports/selected.csv");
        PortfolioView view = lookup("#portfolioView").queryAs(PortfolioView.class);
        assertThat(lookup("#exportSelectedButton").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#exportSelectedButton").queryButton().getText()).isEqualTo("Export selected");
        assertThat(lookup("#exportButton").queryButton().getText()).isEqualTo("Export all shown");
        assertFitsTheWindow("#exportSelectedButton");

        interact(() -> view.setExportDialog((owner, name) -> Optional.of(all)));
        clickOn("#exportButton");
        waitUntil("the export of all", () -> Files.exists(all) && label("#portfolioMessage").startsWith("Exported"));

        List<TableRow<?>> rows = visibleRows();
        clickOn(cell(rows.get(0), "tpidColumn"));
        press(KeyCode.CONTROL).clickOn(cell(rows.get(2), "tpidColumn")).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        List<Long> picked = List.of(((PortfolioRow) rows.get(0).getItem()).tpid(), ((PortfolioRow) rows.get(2).getItem()).tpid());
        assertThat(lookup("#exportSelectedButton").queryButton().isDisabled()).isFalse();

        interact(() -> view.setExportDialog((owner, name) -> {
            assertThat(name).isEqualTo("portfolio-selected-customers.csv");
            return Optional.of(selected);
        }));
        clickOn("#exportSelectedButton");
        waitUntil("the export of the selection", () -> Files.exists(selected)
                && label("#portfolioMessage").equals("Exported 2 customers to selected.csv"));

        List<String> allLines = Files.readAllLines(all);
        List<String> expected = new ArrayList<>();
        expected.add(allLines.get(0));
        allLines.stream().skip(1).filter(line -> picked.stream().anyMatch(t -> line.startsWith(t + ",")))
                .forEach(expected::add);
        assertThat(Files.readAllLines(selected)).containsExactlyElementsOf(expected).hasSize(3);
    }

    @Test
    void aBatchOfOneChangeSaysSoInTheSingular() {
        Map<Long, List<Tenant>> byCustomer = demo.tenants().stream().collect(Collectors.groupingBy(Tenant::tpid));
        List<Tenant> pair = byCustomer.values().stream().filter(list -> list.size() >= 2).findFirst().orElseThrow()
                .subList(0, 2);
        clickOn("#tenantsSection");
        clickOn("#portfolioSearch").write(Long.toString(pair.get(0).tpid()));
        waitUntil("the customer's tenants", () -> tenantTable().getItems().size() >= 2);
        List<UUID> ids = pair.stream().map(Tenant::tenantId).toList();
        interact(() -> {
            tenantTable().getSelectionModel().clearSelection();
            for (int i = 0; i < tenantTable().getItems().size(); i++) {
                if (ids.contains(tenantTable().getItems().get(i).tenantId())) {
                    tenantTable().getSelectionModel().select(i);
                }
            }
        });
        assertThat(lookup("#assignSelectedButton").queryButton().getText()).isEqualTo("Assignments (2)");

        clickOn("#assignSelectedButton");
        waitUntil("the tenant batch", () -> lookup("#batchAssignmentDialog").tryQuery().isPresent());
        assertThat(label("#batchTitle")).isEqualTo("Batch edit assignments of 2 tenants");
        clickOn("#batchRoleBox").clickOn("FastTrack Architect");
        clickOn("#batchUserField").write(DemoUsers.NESTOR_WILKE);
        clickOn("#previewButton");
        waitUntil("the preview", () -> !lookup("#previewTable").queryTableView().getItems().isEmpty());
        @SuppressWarnings("unchecked")
        List<BatchPreview.Line> lines = List.copyOf(lookup("#previewTable").queryAs(TableView.class).getItems());
        assertThat(lines.stream().filter(BatchPreview.Line::writes).count())
                .as("two tenants of one customer are one change").isEqualTo(1);
        assertThat(lookup("#applyButton").queryButton().getText()).isEqualTo("Apply 1 change");

        clickOn("#applyButton");
        waitUntil("the batch to apply", () -> label("#batchStatus").startsWith("Applied:"));
        assertThat(label("#batchStatus")).contains("(1 edit queued for the server)");
    }

    // ------------------------------------------------------------------ helpers

    /** The colour a region's background shows: its fills laid over each other. */
    private static Color colour(Region region) {
        Color shown = Color.TRANSPARENT;
        for (BackgroundFill fill : region.getBackground().getFills()) {
            Color c = (Color) fill.getFill();
            double a = c.getOpacity() + shown.getOpacity() * (1 - c.getOpacity());
            if (a == 0) {
                continue;
            }
            shown = new Color(
                    (c.getRed() * c.getOpacity() + shown.getRed() * shown.getOpacity() * (1 - c.getOpacity())) / a,
                    (c.getGreen() * c.getOpacity() + shown.getGreen() * shown.getOpacity() * (1 - c.getOpacity())) / a,
                    (c.getBlue() * c.getOpacity() + shown.getBlue() * shown.getOpacity() * (1 - c.getOpacity())) / a, a);
        }
        return shown;
    }

    /** The WCAG contrast ratio of two colours, 1 (the same) to 21 (black on white). */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private void assertFitsTheWindow(String id) {
        Labeled control = lookup(id).queryAs(Labeled.class);
        Bounds bounds = control.localToScene(control.getBoundsInLocal());
        assertThat(bounds.getMaxX()).as(id + " inside the window").isLessThanOrEqualTo(control.getScene().getWidth());
        Text text = from(control).lookup(".text").queryAs(Text.class);
        assertThat(text.getText()).as(id + " not cut off").isEqualTo(control.getText());
    }

    private ScrollBar horizontalBar() {
        return lookup("#portfolioTable .scroll-bar").match((ScrollBar b) -> b.getOrientation() == Orientation.HORIZONTAL)
                .queryAs(ScrollBar.class);
    }

    private static Node cell(TableRow<?> row, String columnId) {
        for (Node child : row.getChildrenUnmodifiable()) {
            if (child instanceof TableCell<?, ?> cell && columnId.equals(cell.getTableColumn().getId())) {
                return cell;
            }
        }
        throw new AssertionError("no cell of " + columnId + " in the row");
    }

    private Node header(String columnId) {
        return lookup("#portfolioTable .column-header").match((Node n) -> columnId.equals(n.getId()))
                .match(NodeQueryUtils.isVisible()).query();
    }

    private List<TableRow<?>> visibleRows() {
        List<TableRow<?>> rows = new ArrayList<>();
        for (Node n : lookup("#portfolioTable .table-row-cell").queryAll()) {
            TableRow<?> row = (TableRow<?>) n;
            if (!row.isEmpty() && row.getItem() != null && row.isVisible()) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparingInt(TableRow::getIndex));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private TableView<PortfolioRow> table() {
        return (TableView<PortfolioRow>) lookup("#portfolioTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<TenantRow> tenantTable() {
        return (TableView<TenantRow>) lookup("#tenantTable").queryAs(TableView.class);
    }

}
