package ftop.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.DatasetWorkspace;
import ftop.core.customer.Customer;
import ftop.core.health.HealthRules;
import ftop.core.validation.Contoso;

/** The Portfolio's state, without a window: tasks run at once on the test thread. */
class PortfolioViewModelTest {

    private final List<Long> opened = new ArrayList<>();

    @Test
    void refreshShowsEveryCustomerOfTheWorkspace() {
        PortfolioViewModel model = new PortfolioViewModel(AppFixtures.workspace(), BackgroundTasks.immediate(),
                AppFixtures.clock(), opened::add);
        assertThat(model.loadedProperty().get()).isFalse();

        model.refresh();

        assertThat(model.rows()).extracting(PortfolioRow::name).containsExactly("Contoso", "Fabrikam");
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void openingARowAsksForThatCustomer() {
        PortfolioViewModel model = new PortfolioViewModel(AppFixtures.workspace(), BackgroundTasks.immediate(),
                AppFixtures.clock(), opened::add);
        model.refresh();

        model.open(model.rows().get(1));
        model.open(null);

        assertThat(opened).containsExactly(Contoso.FABRIKAM_TPID);
    }

    @Test
    void aWorkspaceThatCannotBeReadIsExplainedAndTheRowsStay() {
        boolean[] broken = {false};
        DatasetWorkspace workspace = new DatasetWorkspace("test", "megan.bowen", AppFixtures.dataset(),
                HealthRules.defaults()) {
            @Override
            public List<Customer> customers() {
                if (broken[0]) {
                    throw new IllegalStateException("The database file is damaged");
                }
                return super.customers();
            }
        };
        PortfolioViewModel model = new PortfolioViewModel(workspace, BackgroundTasks.immediate(), AppFixtures.clock(),
                opened::add);
        model.refresh();
        broken[0] = true;

        model.refresh();

        assertThat(model.errorProperty().get())
                .isEqualTo("The customers could not be read from the local workspace: The database file is damaged");
        assertThat(model.rows()).hasSize(2);
        assertThat(model.loadingProperty().get()).isFalse();
    }
}
