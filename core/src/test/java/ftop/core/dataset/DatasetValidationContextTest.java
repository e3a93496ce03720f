package ftop.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.tenant.Tenant;
import ftop.core.validation.Contoso;
import ftop.core.validation.Problem;
import ftop.core.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatasetValidationContextTest {

    private static final Dataset DATA = new Dataset(List.of(Contoso.FM, Contoso.FTA),
            List.of(Contoso.CUSTOMER, Contoso.FABRIKAM),
            List.of(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT, Contoso.FABRIKAM_TENANT), List.of(), List.of(),
            List.of(Contoso.CUSTOMER_CONTACT, Contoso.MICROSOFT_CONTACT, Contoso.FABRIKAM_CONTACT),
            List.of(), List.of(), List.of());

    private final DatasetValidationContext context = DatasetValidationContext.of(DATA, Contoso.TODAY);

    @Test
    void answers_rows_by_tpid_id_and_user() {
        assertThat(context.customer(Contoso.TPID)).contains(Contoso.CUSTOMER);
        assertThat(context.customer(9)).isEmpty();
        assertThat(context.tenantsOf(Contoso.TPID)).containsExactlyInAnyOrder(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT);
        assertThat(context.tenantsOf(9)).isEmpty();
        assertThat(context.contactsOf(Contoso.FABRIKAM_TPID)).containsExactly(Contoso.FABRIKAM_CONTACT);
        assertThat(context.tenant(Contoso.FABRIKAM_TENANT_ID)).contains(Contoso.FABRIKAM_TENANT);
        assertThat(context.tenant(UUID.randomUUID())).isEmpty();
        assertThat(context.user("megan.bowen")).contains(Contoso.FM);
        assertThat(context.user("nobody")).isEmpty();
        assertThat(context.today()).isEqualTo(Contoso.TODAY);
        assertThat(context.on(LocalDate.of(2030, 1, 1)).today()).isEqualTo(LocalDate.of(2030, 1, 1));
    }

    @Test
    void a_later_row_with_the_same_id_replaces_the_earlier_one() {
        Tenant moved = Contoso.SECOND_TENANT.withWinner(true);
        Dataset twice = new Dataset(DATA.users(), DATA.customers(),
                List.of(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT, moved), List.of(), List.of(), DATA.contacts(),
                List.of(), List.of(), List.of());
        DatasetValidationContext c = DatasetValidationContext.of(twice, Contoso.TODAY);
        assertThat(c.tenantsOf(Contoso.TPID)).containsExactlyInAnyOrder(Contoso.WINNER_TENANT, moved);
        assertThat(c.tenant(moved.tenantId())).contains(moved);
    }

    @Test
    void lets_the_validator_find_a_second_winner_tenant() {
        List<Problem> problems = Validator.validate(Contoso.SECOND_TENANT.withWinner(true), context);
        assertThat(problems).extracting(Problem::field).containsExactly("winner");
        assertThat(Validator.validate(Contoso.WINNER_TENANT, context)).isEmpty();
    }

    @Test
    void the_checks_of_a_whole_dataset_name_the_broken_row() {
        Dataset broken = new Dataset(DATA.users(), DATA.customers(),
                List.of(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT.withWinner(true), Contoso.FABRIKAM_TENANT),
                List.of(), List.of(), DATA.contacts(), List.of(), List.of(), List.of());
        assertThat(DatasetChecks.problems(DATA, Contoso.TODAY)).isEmpty();
        assertThat(DatasetChecks.problems(broken, Contoso.TODAY)).hasSize(2)
                .allSatisfy(p -> assertThat(p).startsWith("TENANT").contains("winner"));
    }
}
