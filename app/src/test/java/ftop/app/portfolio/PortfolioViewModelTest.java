package ftop.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.app.portfolio.PortfolioViewModel.Section;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.ForwardingWorkspace;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.customer.Customer;
import ftop.core.health.HealthColour;
import ftop.core.validation.Contoso;

/** The Portfolio's state, without a window: tasks run at once on the test thread. */
class PortfolioViewModelTest {

    @TempDir
    Path dir;

    private StoreWorkspace workspace;
    private final List<Long> opened = new ArrayList<>();
    private PortfolioViewModel model;

    @BeforeEach
    void open() {
        workspace = AppFixtures.workspace(dir.resolve("store"));
        model = new PortfolioViewModel(workspace, BackgroundTasks.immediate(), AppFixtures.clock(), opened::add);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void loadsBothSectionsAndCountsWhatIsShown() {
        model.refresh();

        assertThat(model.rows()).hasSize(2);
        assertThat(model.tenants()).hasSize(3);
        assertThat(model.shownTextProperty().get()).isEqualTo("Showing 2 of 2 customers");

        model.filterProperty().set(PortfolioFilter.NONE.withText("fabrikam"));
        assertThat(model.shownCustomers()).extracting(PortfolioRow::name).containsExactly("Fabrikam");
        assertThat(model.shownTextProperty().get()).isEqualTo("Showing 1 of 2 customers");

        model.sectionProperty().set(Section.TENANTS);
        assertThat(model.shownTenants()).extracting(TenantRow::name).containsExactly("fabrikam.com");
        assertThat(model.shownTextProperty().get()).isEqualTo("Showing 1 of 3 tenants");
    }

    @Test
    void theNextStartShowsTheRowsKeptFromTheLastRunThenWhatChangedSince() {
        model.refresh();
        model.filterProperty().set(PortfolioFilter.NONE.withText("con"));
        Runnable keep = model.snapshotWork();
        assertThat(keep).isNotNull();
        keep.run();
        // nothing changed since: nothing more to keep
        assertThat(model.snapshotWork()).isNull();
        Customer contoso = workspace.customer(Contoso.TPID).orElseThrow();
        workspace.writes().save(new Customer(contoso.tpid(), "Contoso Group", contoso.segment(), contoso.region(),
                contoso.vertical(), contoso.area(), contoso.phase(), contoso.renewalDates()));

        PortfolioViewModel next = new PortfolioViewModel(workspace, BackgroundTasks.immediate(), AppFixtures.clock(),
                t -> { });
        next.showPrefetched(PortfolioViewModel.prefetch(workspace));

        // the rows as the last run showed them, with its filter, before any row is read
        assertThat(next.loadedProperty().get()).isTrue();
        assertThat(next.currentProperty().get()).isFalse();
        assertThat(next.rows()).isEqualTo(model.rows());
        assertThat(next.tenants()).isEqualTo(model.tenants());
        assertThat(next.shownCustomers()).extracting(PortfolioRow::name).containsExactly("Contoso");
        PortfolioRow fabrikam = next.rows().stream().filter(r -> r.name().equals("Fabrikam")).findFirst().orElseThrow();

        next.refresh();

        assertThat(next.currentProperty().get()).isTrue();
        assertThat(next.rows()).extracting(PortfolioRow::name).containsExactly("Contoso Group", "Fabrikam");
        // an unchanged row stays the one shown, so the table keeps it (and its selection) as it is
        assertThat(next.rows().get(1)).isSameAs(fabrikam);
        assertThat(next.snapshotWork()).isNotNull();
    }

    @Test
    void aSnapshotForAnotherUserOrInAnotherFormatIsNotShown() {
        model.refresh();
        model.snapshotWork().run();
        workspace.signedIn("someone.else");
        PortfolioViewModel next = new PortfolioViewModel(workspace, BackgroundTasks.immediate(), AppFixtures.clock(),
                t -> { });

        next.showPrefetched(PortfolioViewModel.prefetch(workspace));
        assertThat(next.loadedProperty().get()).isFalse();

        workspace.writes().putViewSnapshot(PortfolioSnapshot.NAME, "{\"format\": 0}");
        assertThat(PortfolioViewModel.prefetch(workspace).snapshot()).isEmpty();
        workspace.writes().putViewSnapshot(PortfolioSnapshot.NAME, "not JSON");
        assertThat(PortfolioViewModel.prefetch(workspace).snapshot()).isEmpty();
        next.refresh();
        assertThat(next.rows()).hasSize(2);
    }

    @Test
    void theFilterAndSectionAreRememberedInTheWorkspace() {
        model.refresh();
        PortfolioFilter f = PortfolioFilter.NONE.withHealth(Set.of(HealthColour.YELLOW)).withText("con");
        model.filterProperty().set(f);
        model.sectionProperty().set(Section.TENANTS);

        assertThat(workspace.setting(PortfolioViewModel.FILTER_SETTING)).contains(f.encode());
        assertThat(workspace.setting(PortfolioViewModel.SECTION_SETTING)).contains("TENANTS");

        PortfolioViewModel next = new PortfolioViewModel(workspace, BackgroundTasks.immediate(), AppFixtures.clock(), t -> { });
        next.refresh();
        assertThat(next.filterProperty().get()).isEqualTo(f);
        assertThat(next.sectionProperty().get()).isEqualTo(Section.TENANTS);
        assertThat(next.shownTenants()).extracting(TenantRow::name)
                .containsExactly("contoso.onmicrosoft.com", "contosolabs.onmicrosoft.com");
    }

    @Test
    void aDamagedRememberedFilterStillShowsThePortfolio() {
        workspace.putSetting(PortfolioViewModel.FILTER_SETTING, "health=PURPLE&&&text=%zz");
        workspace.putSetting(PortfolioViewModel.SECTION_SETTING, "GALAXY");

        model.refresh();

        assertThat(model.sectionProperty().get()).isEqualTo(Section.CUSTOMERS);
        assertThat(model.shownCustomers()).hasSize(2);
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void openingGoesToTheRegisteredHandlers() {
        model.refresh();
        List<UUID> tenants = new ArrayList<>();
        List<List<Long>> assignments = new ArrayList<>();

        model.open(model.rows().get(1));
        model.openTenant(model.tenants().get(0));
        model.openAssignments(List.of(Contoso.TPID));
        assertThat(opened).containsExactly(Contoso.FABRIKAM_TPID);
        assertThat(tenants).isEmpty();

        model.onOpenTenantProperty().set(tenants::add);
        model.onOpenAssignmentsProperty().set(assignments::add);
        model.openTenant(model.tenants().get(0));
        model.openAssignments(List.of(Contoso.TPID, Contoso.FABRIKAM_TPID));
        model.openAssignments(List.of());
        assertThat(tenants).containsExactly(Contoso.WINNER_TENANT_ID);
        assertThat(assignments).containsExactly(List.of(Contoso.TPID, Contoso.FABRIKAM_TPID));
    }

    @Test
    void exportWritesTheShownRowsInTheShownOrder() throws Exception {
        model.refresh();
        model.filterProperty().set(PortfolioFilter.NONE.withOverdue(true));
        Path file = dir.resolve("out/customers.csv");

        model.exportShown(file);

        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo(PortfolioCsv.CUSTOMER_HEADER);
        assertThat(Files.readAllLines(file).get(1)).contains(",Fabrikam,");
        assertThat(model.messageProperty().get()).isEqualTo("Exported 1 customer to customers.csv");
    }

    @Test
    void anExportThatCannotBeWrittenSaysSoAndLeavesNothing() throws Exception {
        model.refresh();
        Path blocker = Files.writeString(dir.resolve("file"), "x");

        model.exportShown(blocker.resolve("customers.csv"));

        assertThat(model.messageProperty().get()).startsWith("The export could not be written to");
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    @Test
    void refreshShowsEveryCustomerOfTheWorkspace() {
        assertThat(model.loadedProperty().get()).isFalse();

        model.refresh();

        assertThat(model.rows()).extracting(PortfolioRow::name).containsExactly("Contoso", "Fabrikam");
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void openingARowAsksForThatCustomer() {
        model.refresh();

        model.open(model.rows().get(1));
        model.open(null);

        assertThat(opened).containsExactly(Contoso.FABRIKAM_TPID);
    }

    @Test
    void aWorkspaceThatCannotBeReadIsExplainedAndTheRowsStay() {
        boolean[] broken = {false};
        ForwardingWorkspace failing = new ForwardingWorkspace(workspace) {
            @Override
            public List<Customer> customers() {
                if (broken[0]) {
                    throw new IllegalStateException("The database file is damaged");
                }
                return super.customers();
            }
        };
        PortfolioViewModel failingModel = new PortfolioViewModel(failing, BackgroundTasks.immediate(),
                AppFixtures.clock(), opened::add);
        failingModel.refresh();
        broken[0] = true;

        failingModel.refresh();

        assertThat(failingModel.errorProperty().get())
                .isEqualTo("The customers could not be read from the local workspace: The database file is damaged");
        assertThat(failingModel.rows()).hasSize(2);
        assertThat(failingModel.loadingProperty().get()).isFalse();
    }
}
