package ftop.app.portfolio;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.selectedTab;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.FtopApplication;
import ftop.app.testkit.DesktopApp;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.BatchPreview;
import ftop.core.assignment.Role;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.contact.Contact;
import ftop.core.customer.Region;
import ftop.core.dataset.DemoUsers;
import ftop.core.store.LocalStore;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;

/**
 * Drives the real Portfolio tab on a real local store in a temporary folder, filled with the demo
 * workspace on first start: search, each filter, the ready-made views, sorting, opening customers
 * and tenants, the flag icons, multi-select, export, and filters remembered across a restart.
 */
class PortfolioViewTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;
    private final Dataset demo = DatasetGenerator.demo(AppFixtures.TODAY);

    @BeforeEach
    void start() throws Exception {
        launch();
    }

    private void launch() throws Exception {
        app = desktop.start(home);
        waitUntil("the Portfolio to fill", () -> lookup("#portfolioView").tryQuery().isPresent());
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchFindsCustomersByNameTpidTenantNameAndTenantId() {
        List<PortfolioRow> all = model().rows();
        PortfolioRow northwind = row("Northwind Traders");
        Tenant extra = demo.tenants().stream().filter(t -> !t.winner()).findFirst().orElseThrow();
        PortfolioRow owner = all.stream().filter(r -> r.tpid() == extra.tpid()).findFirst().orElseThrow();

        clickOn("#portfolioSearch").write("northwind");
        assertThat(customers()).containsExactly(northwind);
        assertThat(label("#shownCount")).isEqualTo("Showing 1 of " + all.size() + " customers");

        search(Long.toString(northwind.tpid()));
        assertThat(customers()).containsExactly(northwind);

        search(extra.name().toUpperCase());
        assertThat(customers()).containsExactly(owner);

        search(extra.tenantId().toString());
        assertThat(customers()).containsExactly(owner);

        search("no such customer anywhere");
        assertThat(customers()).isEmpty();
        assertThat(lookup("#portfolioTable").lookup("No customers match these filters. Clear filters to see all of them.")
                .tryQuery()).isPresent();

        clickOn("#clearSearch");
        assertThat(customers()).hasSize(all.size());
        assertThat(label("#shownCount")).isEqualTo("Showing " + all.size() + " of " + all.size() + " customers");
    }

    @Test
    void searchInTheTenantsSectionFindsTenants() {
        Tenant extra = demo.tenants().stream().filter(t -> !t.winner()).findFirst().orElseThrow();
        clickOn("#tenantsSection");
        assertThat(label("#shownCount")).isEqualTo("Showing " + demo.tenants().size() + " of " + demo.tenants().size()
                + " tenants");

        clickOn("#portfolioSearch").write(extra.name());

        assertThat(tenants()).extracting(TenantRow::tenantId).containsExactly(extra.tenantId());
        assertThat(label("#shownCount")).isEqualTo("Showing 1 of " + demo.tenants().size() + " tenants");
    }

    // ------------------------------------------------------------------ filters

    @Test
    void regionFilterShowsThatRegionOnly() {
        Region region = row("Contoso").region();
        choose("#regionFilter", region.label());
        assertShownCustomers(r -> r.region() == region);
    }

    @Test
    void segmentFilterShowsThatSegmentOnly() {
        var segment = row("Contoso").customer().segment();
        choose("#segmentFilter", segment.label());
        assertShownCustomers(r -> r.customer().segment() == segment);
    }

    @Test
    void healthFilterTakesSeveralColours() {
        tick("#healthFilter", "Red");
        assertShownCustomers(r -> r.overall().equals(Optional.of(HealthColour.RED)));
        tick("#healthFilter", "Blue");
        assertShownCustomers(r -> r.overall().filter(c -> c == HealthColour.RED || c == HealthColour.BLUE).isPresent());
        assertThat(lookup("#healthFilter").queryAs(CheckComboBox.class).getTitle()).isEqualTo("Health: Red, Blue");
    }

    @Test
    void statusFilterShowsThatStatusOnly() {
        tick("#statusFilter", CustomerStatus.IN_PROGRESS.label());
        assertShownCustomers(r -> r.status().equals(Optional.of(CustomerStatus.IN_PROGRESS)));
    }

    @Test
    void overdueCovidWatchlistAndMineToggles() {
        clickOn("#overdueFilter");
        assertShownCustomers(r -> r.review().overdue());
        assertThat(lookup("#portfolioTable").lookup(".overdue").queryAllAs(Labeled.class)).isNotEmpty()
                .allSatisfy(cell -> assertThat(cell.getText()).startsWith("Overdue · "));
        clickOn("#overdueFilter");

        clickOn("#covidFilter");
        assertShownCustomers(PortfolioRow::covidRfa);
        clickOn("#covidFilter");

        clickOn("#watchlistFilter");
        assertShownCustomers(PortfolioRow::onWatchlist);
        clickOn("#watchlistFilter");

        clickOn("#mineFilter");
        assertShownCustomers(PortfolioRow::mine);
        // the demo user owns the demo portfolio, but not every customer in it
        assertThat(customers()).isNotEmpty();
    }

    @Test
    void filtersApplyToTenantsThroughTheirCustomer() {
        clickOn("#tenantsSection");
        clickOn("#covidFilter");
        List<TenantRow> shown = tenants();
        assertThat(shown).isNotEmpty().allMatch(TenantRow::covidRfa);
        assertThat(shown).hasSize((int) demo.tenants().stream().filter(Tenant::covidRfaApproved).count());

        clickOn("#covidFilter");
        clickOn("#overdueFilter");
        assertThat(tenants()).isNotEmpty().allMatch(t -> t.customer().review().overdue());
    }

    @Test
    void readyMadeViewsSetTheFiltersAndClearPutsThemBack() {
        clickOn("#viewRedYellow");
        assertShownCustomers(r -> r.overall().filter(c -> c == HealthColour.RED || c == HealthColour.YELLOW).isPresent());
        assertThat(lookup("#healthFilter").queryAs(CheckComboBox.class).getTitle()).isEqualTo("Health: Red, Yellow");

        clickOn("#viewBlocked");
        assertShownCustomers(r -> r.status().filter(s -> s == CustomerStatus.BLOCKED_BUSINESS
                || s == CustomerStatus.BLOCKED_TECHNICAL).isPresent());
        assertThat(lookup("#healthFilter").queryAs(CheckComboBox.class).getTitle()).isEqualTo("Any health");

        clickOn("#viewOverdue");
        assertShownCustomers(r -> r.review().overdue());
        assertThat(lookup("#overdueFilter").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();

        clickOn("#clearFilters");
        assertThat(customers()).hasSize(model().rows().size());
        assertThat(lookup("#overdueFilter").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void filtersAreRememberedAcrossARestart() throws Exception {
        clickOn("#portfolioSearch").write("a");
        clickOn("#overdueFilter");
        clickOn("#tenantsSection");
        List<TenantRow> before = tenants();
        WaitForAsyncUtils.waitForFxEvents();

        desktop.stop();
        launch();

        waitUntil("the remembered tenants", () -> tenants().size() == before.size());
        assertThat(lookup("#portfolioSearch").queryAs(TextField.class).getText()).isEqualTo("a");
        assertThat(lookup("#overdueFilter").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(lookup("#tenantsSection").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(tenants()).extracting(TenantRow::tenantId)
                .containsExactlyElementsOf(before.stream().map(TenantRow::tenantId).toList());
    }

    // ------------------------------------------------------------------ sorting

    @Test
    void everyColumnSortsAndSortsBack() {
        clickOn(header("tpidColumn"));
        assertThat(customers()).isSortedAccordingTo(Comparator.comparingLong(PortfolioRow::tpid));
        clickOn(header("tpidColumn"));
        assertThat(customers()).isSortedAccordingTo(Comparator.comparingLong(PortfolioRow::tpid).reversed());

        clickOn(header("overallColumn"));
        // worst colour first, customers without data last
        assertThat(customers()).isSortedAccordingTo(Comparator.comparing(r -> r.overall().map(Enum::ordinal)
                .orElse(Integer.MAX_VALUE)));
        assertThat(customers().get(0).overall()).contains(HealthColour.RED);

        clickOn(header("reviewColumn"));
        assertThat(customers()).isSortedAccordingTo(Comparator.comparing(r -> r.review().dueOn()
                .orElse(java.time.LocalDate.MIN)));

        clickOn(header("customerColumn"));
        assertThat(customers()).extracting(PortfolioRow::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        for (var column : table().getColumns()) {
            if (!"actionsColumn".equals(column.getId())) {
                assertThat(column.isSortable()).as(column.getId()).isTrue();
            }
        }

        clickOn("#tenantsSection");
        clickOn(header("winnerColumn"));
        assertThat(tenants()).extracting(TenantRow::winner).isSortedAccordingTo(Comparator.reverseOrder());
        clickOn(header("tenantNameColumn"));
        assertThat(tenants()).extracting(TenantRow::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    // ------------------------------------------------------------------ opening

    @Test
    void doubleClickOnACustomerOpensTheCustomerTab() {
        doubleClickOn(customerCell("Northwind Traders"));
        waitUntil("the Customer tab", () -> "customerTab".equals(selectedTab())
                && "Northwind Traders".equals(label("#customerName")));
    }

    @Test
    void aWinnerTenantOpensWithItsFlagsAndEnterpriseStatusNotes() {
        Tenant winner = demo.tenants().stream().filter(Tenant::winner).filter(Tenant::covidRfaApproved)
                .findFirst().orElseThrow();
        List<EnterpriseStatusNote> notes = demo.notes().stream()
                .filter(n -> n.tenantId().equals(winner.tenantId())).toList();
        clickOn("#tenantsSection");

        doubleClickOn(tenantCell(winner.name()));

        waitUntil("the Tenant tab", () -> "tenantTab".equals(selectedTab()) && winner.name().equals(label("#tenantName")));
        assertThat(label("#tenantFacts")).contains(winner.tenantId().toString());
        assertThat(lookup("#tenantWinnerFlag").tryQuery()).isPresent();
        assertThat(label("#tenantCovidFlag")).startsWith("COVID-19 RFA approved");
        assertThat(label("#tenantEnterprise")).startsWith("Is Enterprise: ");
        assertThat(lookup("#tenantNotes").lookup(".status-note").queryAll()).hasSize(notes.size()).isNotEmpty();
        EnterpriseStatusNote newest = notes.stream().max(Comparator.comparing(EnterpriseStatusNote::createdAt)).orElseThrow();
        Node first = lookup("#tenantNotes").lookup(".status-note").query();
        assertThat(from(first).lookup(newest.executiveSummary()).tryQuery()).isPresent();

        clickOn("#openTenantCustomer");
        waitUntil("the Customer tab", () -> "customerTab".equals(selectedTab()));
    }

    @Test
    void enterOnAnotherTenantSaysWhereItsNotesAreKept() {
        Tenant extra = demo.tenants().stream().filter(t -> !t.winner()).findFirst().orElseThrow();
        Tenant winner = demo.tenants().stream().filter(t -> t.winner() && t.tpid() == extra.tpid()).findFirst().orElseThrow();
        clickOn("#tenantsSection");
        clickOn("#portfolioSearch").write(extra.name());
        clickOn(tenantCell(extra.name()));
        type(KeyCode.ENTER);

        waitUntil("the Tenant tab", () -> extra.name().equals(label("#tenantName")));
        assertThat(lookup("#tenantWinnerFlag").tryQuery()).isEmpty();
        assertThat(label("#notesElsewhere")).contains(winner.name());
    }

    @Test
    void trophyAndMedicalIconsAreOnTheRightTenantRows() {
        clickOn("#tenantsSection");
        WaitForAsyncUtils.waitForFxEvents();
        List<TableRow<?>> rows = visibleRows("#tenantTable");
        assertThat(rows).isNotEmpty();
        boolean sawWinner = false;
        boolean sawOther = false;
        for (TableRow<?> row : rows) {
            TenantRow item = (TenantRow) row.getItem();
            assertThat(from(row).lookup("#winnerIcon").tryQuery().isPresent()).as(item.name()).isEqualTo(item.winner());
            assertThat(from(row).lookup("#covidIcon").tryQuery().isPresent()).as(item.name()).isEqualTo(item.covidRfa());
            sawWinner |= item.winner();
            sawOther |= !item.winner();
        }
        assertThat(sawWinner && sawOther).isTrue();

        clickOn("#customersSection");
        WaitForAsyncUtils.waitForFxEvents();
        // the trophy is the winner tenant's; a customer row warns only when its winner is missing or doubled
        for (TableRow<?> row : visibleRows("#portfolioTable")) {
            PortfolioRow item = (PortfolioRow) row.getItem();
            assertThat(from(row).lookup("#winnerIcon").tryQuery()).as(item.name()).isEmpty();
            assertThat(from(row).lookup("#winnerWarningIcon").tryQuery().isPresent()).as(item.name())
                    .isEqualTo(item.winnerWarning().isPresent());
            assertThat(from(row).lookup("#covidIcon").tryQuery().isPresent()).as(item.name()).isEqualTo(item.covidRfa());
        }
    }

    // ------------------------------------------------------------------ selection and export

    @Test
    void shiftSelectsSeveralCustomersForTheAssignmentsHook() {
        List<List<Long>> asked = new ArrayList<>();
        assertThat(lookup("#assignSelectedButton").queryButton().isDisabled()).isTrue();
        interact(() -> model().onOpenAssignmentsProperty().set(asked::add));
        List<PortfolioRow> rows = customers();

        clickOn(customerCell(rows.get(0).name()));
        WaitForAsyncUtils.waitForFxEvents();
        Node third = customerCell(rows.get(2).name());
        // soon after the first click, so the scene counts it as a second click: it selects, it does not open
        press(KeyCode.SHIFT).clickOn(third).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab()).isEqualTo("portfolioTab");
        assertThat(lookup("#portfolioTable").query().isFocused()).isTrue();
        // Shift+Down extends the range by one more row from the keyboard
        press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();

        PortfolioView view = lookup("#portfolioView").queryAs(PortfolioView.class);
        List<Long> expected = List.of(rows.get(0).tpid(), rows.get(1).tpid(), rows.get(2).tpid(), rows.get(3).tpid());
        assertThat(view.selectedTpids()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(lookup("#assignSelectedButton").queryButton().getText()).isEqualTo("Assignments (4)");

        clickOn("#assignSelectedButton");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).containsExactlyInAnyOrderElementsOf(expected);

        // the row's own Assignments icon asks for that customer only
        TableRow<?> someRow = visibleRows("#portfolioTable").get(1);
        clickOn(from(someRow).lookup("#assignmentsButton").<Node>query());
        assertThat(asked.get(1)).containsExactly(((PortfolioRow) someRow.getItem()).tpid());
    }

    @Test
    void severalTenantsGoToTheTenantBatchWhichPreviewsAppliesWithOutboxEntriesAndUndoes() {
        LocalStore store = ((StoreWorkspace) app.shell().workspace()).store();
        clickOn("#tenantsSection");
        List<TenantRow> rows = tenants();
        clickOn(tenantCell(rows.get(0).name()));
        press(KeyCode.SHIFT).clickOn(tenantCell(rows.get(2).name())).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        List<UUID> picked = rows.subList(0, 3).stream().map(TenantRow::tenantId).toList();
        assertThat(model().selectedTenantIds()).containsExactlyInAnyOrderElementsOf(picked);
        assertThat(lookup("#assignSelectedButton").queryButton().getText()).isEqualTo("Assignments (3)");
        List<Assignment> before = store.assignments().all();
        int pendingBefore = store.outbox().pendingCount();

        clickOn("#assignSelectedButton");
        waitUntil("the tenant batch", () -> lookup("#batchAssignmentDialog").tryQuery().isPresent());
        assertThat(label("#batchTitle")).isEqualTo("Batch edit assignments of 3 tenants");
        clickOn("#batchRoleBox").clickOn("FastTrack Architect");
        clickOn("#batchUserField").write(DemoUsers.ISAIAH_LANGER);
        assertThat(lookup("#batchScopeBox").queryComboBox().getValue()).hasToString("Selected tenants");
        clickOn("#previewButton");
        waitUntil("the preview", () -> !lookup("#previewTable").queryTableView().getItems().isEmpty());
        @SuppressWarnings("unchecked")
        List<BatchPreview.Line> lines = List.copyOf(lookup("#previewTable").queryAs(TableView.class).getItems());
        assertThat(lines).isNotEmpty().noneMatch(l -> l.outcome() == BatchPreview.Outcome.REFUSED);
        assertThat(store.assignments().all()).as("a preview writes nothing").containsExactlyInAnyOrderElementsOf(before);

        clickOn("#applyButton");
        waitUntil("the batch to apply", () -> label("#batchStatus").startsWith("Applied:"));
        for (TenantRow tenant : rows.subList(0, 3)) {
            assertThat(store.assignments().byTpid(tenant.tpid())).as(tenant.name())
                    .anyMatch(a -> a.area() == AssignmentArea.CUSTOMER_HEALTH && a.role() == Role.FTA
                            && a.userId().equals(DemoUsers.ISAIAH_LANGER) && a.coversTenant(tenant.tenantId()));
        }
        long written = lines.stream().filter(BatchPreview.Line::writes).count();
        assertThat(written).isPositive();
        assertThat(store.outbox().pendingCount()).isEqualTo(pendingBefore + (int) written);
        assertThat(store.outbox().pending(1000)).filteredOn(e -> e.mutation().kind() == EntityKind.ASSIGNMENT)
                .hasSizeGreaterThanOrEqualTo((int) written);
        // no other tenant was ticked anywhere
        for (Assignment now : store.assignments().all()) {
            Set<UUID> added = new java.util.HashSet<>(now.tenantIds());
            before.stream().filter(b -> b.id().equals(now.id())).findFirst()
                    .ifPresent(b -> added.removeAll(b.tenantIds()));
            assertThat(added).as("tenants newly ticked on " + now).isSubsetOf(picked);
        }

        clickOn("#undoButton");
        waitUntil("the undo", () -> label("#batchStatus").startsWith("Undone:"));
        assertThat(store.assignments().all()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void rowsWithUnsyncedEditsAreMarkedPendingOrConflictAndCanBeShownAlone() {
        LocalStore store = ((StoreWorkspace) app.shell().workspace()).store();
        PortfolioRow edited = customers().stream().filter(r -> !store.contacts().byTpid(r.tpid()).isEmpty())
                .findFirst().orElseThrow();
        assertThat(lookup("#pendingMarker").tryQuery()).isEmpty();
        Contact contact = store.contacts().byTpid(edited.tpid()).get(0);

        // an edit of the customer's contact waits in the outbox
        Mutation edit = store.save(new Contact(contact.id(), contact.tpid(), contact.kind(), contact.name(),
                "Intune CAT", contact.email(), contact.phone()));
        waitUntil("the pending marker", () -> label("#pendingMarker").equals("1"));
        assertThat(markedRow("#pendingMarker")).isEqualTo(edited.tpid());
        assertThat(lookup("#pendingMarker").queryLabeled().getTooltip().getText())
                .isEqualTo("1 edit waits to be sent to the server");

        clickOn("#unsyncedFilter");
        assertShownCustomers(r -> r.tpid() == edited.tpid());

        // the server refuses it: the row says conflict until someone decides
        store.outbox().markRejected(edit.id(), "Forbidden: not your customer");
        waitUntil("the conflict marker", () -> label("#conflictMarker").equals("1"));
        assertThat(lookup("#pendingMarker").tryQuery()).isEmpty();
        assertThat(customers()).extracting(PortfolioRow::tpid).containsExactly(edited.tpid());

        store.outbox().discard(edit.id());
        waitUntil("the row to leave the filter", () -> customers().isEmpty());
        clickOn("#unsyncedFilter");
        assertThat(customers()).hasSize(model().rows().size());
        assertThat(lookup("#conflictMarker").tryQuery()).isEmpty();
    }

    /** The TPID of the row showing the marker {@code id}. */
    private long markedRow(String id) {
        Node node = lookup(id).query();
        while (!(node instanceof TableRow<?>)) {
            node = node.getParent();
        }
        return ((PortfolioRow) ((TableRow<?>) node).getItem()).tpid();
    }

    @Test
    void exportWritesTheVisibleRowsInTheirOrder() throws Exception {
        Path file = home.resolve("exports/red-yellow.csv");
        PortfolioView view = lookup("#portfolioView").queryAs(PortfolioView.class);
        interact(() -> view.setExportDialog((owner, name) -> Optional.of(file)));
        clickOn("#viewRedYellow");
        clickOn(header("tpidColumn"));
        List<PortfolioRow> shown = customers();

        clickOn("#exportButton");

        waitUntil("the export", () -> label("#portfolioMessage").startsWith("Exported"));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(PortfolioCsv.CUSTOMER_HEADER);
        assertThat(lines).hasSize(shown.size() + 1);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(lines.get(i + 1)).startsWith(shown.get(i).tpid() + ",");
            assertThat(lines.get(i + 1)).matches(".*,(Red|Yellow),.*");
        }

        Path tenantsFile = home.resolve("exports/tenants.csv");
        interact(() -> view.setExportDialog((owner, name) -> {
            assertThat(name).isEqualTo("portfolio-tenants.csv");
            return Optional.of(tenantsFile);
        }));
        clickOn("#clearFilters");
        clickOn("#tenantsSection");
        clickOn("#exportButton");
        waitUntil("the tenant export", () -> Files.exists(tenantsFile) && label("#portfolioMessage").contains("tenants"));
        assertThat(Files.readAllLines(tenantsFile)).hasSize(demo.tenants().size() + 1)
                .first().isEqualTo(PortfolioCsv.TENANT_HEADER);
    }

    // ------------------------------------------------------------------ helpers

    private void assertShownCustomers(Predicate<PortfolioRow> expected) {
        WaitForAsyncUtils.waitForFxEvents();
        List<PortfolioRow> want = model().rows().stream().filter(expected).toList();
        assertThat(want).as("the demo workspace has rows for this filter").isNotEmpty();
        assertThat(customers()).containsExactlyInAnyOrderElementsOf(want);
        assertThat(label("#shownCount")).isEqualTo("Showing " + want.size() + " of " + model().rows().size() + " customers");
    }

    private void search(String text) {
        clickOn("#portfolioSearch").push(KeyCode.CONTROL, KeyCode.A).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void choose(String comboId, String text) {
        clickOn(comboId);
        clickOn(lookup(".list-cell").match(LabeledMatchers.hasText(text)).match(NodeQueryUtils.isVisible())
                .<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Ticks {@code item} in the check-list filter {@code filterId}, then closes its list with Esc. */
    private void tick(String filterId, String item) {
        clickOn(filterId);
        Node cell = lookup(".check-box-list-cell").match(LabeledMatchers.hasText(item))
                .match(NodeQueryUtils.isVisible()).query();
        clickOn(from(cell).lookup(".check-box").<Node>query());
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node header(String columnId) {
        return lookup(".column-header").match((Node n) -> columnId.equals(n.getId()))
                .match(NodeQueryUtils.isVisible()).query();
    }

    private Node customerCell(String name) {
        int index = customers().stream().map(PortfolioRow::name).toList().indexOf(name);
        interact(() -> table().scrollTo(index));
        return lookup("#portfolioTable .table-row-cell").lookup(name).match(NodeQueryUtils.isVisible()).query();
    }

    private Node tenantCell(String name) {
        int index = tenants().stream().map(TenantRow::name).toList().indexOf(name);
        interact(() -> tenantTable().scrollTo(index));
        return lookup("#tenantTable .table-row-cell").lookup(name).match(NodeQueryUtils.isVisible()).query();
    }

    private List<TableRow<?>> visibleRows(String tableId) {
        List<TableRow<?>> rows = new ArrayList<>();
        for (Node n : lookup(tableId + " .table-row-cell").queryAll()) {
            TableRow<?> row = (TableRow<?>) n;
            if (!row.isEmpty() && row.getItem() != null && row.isVisible()) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparingInt(TableRow::getIndex));
        return rows;
    }

    private PortfolioViewModel model() {
        return app.shell().portfolio();
    }

    private PortfolioRow row(String name) {
        return model().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private List<PortfolioRow> customers() {
        return List.copyOf(table().getItems());
    }

    private List<TenantRow> tenants() {
        return List.copyOf(tenantTable().getItems());
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
