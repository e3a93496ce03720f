package ftop.app.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;
import ftop.core.validation.Contoso;

/** The Customer tab's state, without a window: tasks run at once on the test thread. */
class CustomerViewModelTest {

    private StoreWorkspace workspace;
    private CustomerViewModel model;

    @BeforeEach
    void open(@TempDir Path dir) {
        workspace = AppFixtures.workspace(dir);
        model = new CustomerViewModel(workspace, BackgroundTasks.immediate(), AppFixtures.clock());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void loadChoicesListsEveryCustomerByName() {
        model.loadChoices();

        assertThat(model.choices()).containsExactly(new CustomerChoice(Contoso.TPID, "Contoso"),
                new CustomerChoice(Contoso.FABRIKAM_TPID, "Fabrikam"));
        assertThat(model.detailsProperty().get()).isNull();

        model.showChoices(List.of(new CustomerChoice(3, "b"), new CustomerChoice(1, "C"), new CustomerChoice(2, "a")));
        assertThat(model.choices()).extracting(CustomerChoice::name).containsExactly("a", "b", "C");
    }

    @Test
    void refreshReadsTheSelectedCustomerAgain() {
        model.refresh();
        assertThat(model.detailsProperty().get()).isNull();

        model.select(Contoso.TPID);
        CustomerDetails first = model.detailsProperty().get();
        model.refresh();
        CustomerDetails again = model.detailsProperty().get();
        assertThat(again).isNotSameAs(first);
        assertThat(again.customer()).isEqualTo(first.customer());
        assertThat(again.progress()).isEqualTo(first.progress());
    }

    @Test
    void selectShowsTheCustomersHealthFieldsWithTheGuidesLabels() {
        model.select(Contoso.TPID);

        CustomerDetails details = model.detailsProperty().get();
        assertThat(details.customer()).isEqualTo(Contoso.CUSTOMER);
        assertThat(model.selectedProperty().get()).isEqualTo(new CustomerChoice(Contoso.TPID, "Contoso"));
        assertThat(details.progress()).extracting(FormField::label).containsExactly("Customer Status",
                "Expected Progress Due", "Expected Health", "Next Review Date", "Previous Review Date", "CXP Watchlist",
                "Region", "Vertical");
        assertThat(details.perspective()).extracting(FormField::label).containsExactly("Overall Mindset",
                "Completion Date", "Business Reason", "Success Owner");
        assertThat(value(details.progress(), "customerStatus")).isEqualTo("In Progress");
        assertThat(value(details.progress(), "nextReviewDate")).isEqualTo("May 17, 2021");
        assertThat(value(details.perspective(), "successOwner")).isEqualTo("Patti Fernandez (CIO)");
        assertThat(details.assessment().overall()).contains(HealthColour.YELLOW);
        assertThat(details.assessment().group(WorkloadGroup.GROUP_2)).contains(HealthColour.RED);
        assertThat(details.review().overdue()).isFalse();
        assertThat(details.tenants()).hasSize(2);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aCustomerWithoutHealthShowsEveryFieldAsNotSet() {
        model.select(Contoso.FABRIKAM_TPID);

        CustomerDetails details = model.detailsProperty().get();
        assertThat(details.progress()).allSatisfy(f -> assertThat(f.value()).isEmpty());
        assertThat(details.perspective()).allSatisfy(f -> assertThat(f.value()).isEmpty());
        assertThat(details.assessment().isEmpty()).isTrue();
        assertThat(details.review().overdue()).isTrue();
    }

    @Test
    void anUnknownCustomerSaysSoAndKeepsWhatWasShown() {
        model.select(Contoso.TPID);
        model.select(987_654);

        assertThat(model.errorProperty().get()).contains("987654");
        assertThat(model.detailsProperty().get().customer()).isEqualTo(Contoso.CUSTOMER);
    }

    private static String value(List<FormField> fields, String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().value().orElse(null);
    }
}
