package ftop.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssignmentValidatorTest {

    private static List<Problem> validate(long tpid, AssignmentArea area, Role role, String userId, boolean customer,
            Set<UUID> tenants, boolean primary) {
        return Validator.validate(new Assignment(UUID.randomUUID(), tpid, area, role, userId, customer, tenants, primary),
                Contoso.context());
    }

    @Test
    void thePrimaryFmIsValid() {
        assertThat(Validator.validate(Contoso.primaryFm(), Contoso.context())).isEmpty();
    }

    @ParameterizedTest(name = "{0} offers {1}: {2}")
    @CsvSource({
        "CUSTOMER_HEALTH, FM, true",
        "CUSTOMER_HEALTH, FTA, true",
        "CUSTOMER_HEALTH, FE, false",
        "ONBOARDING, FE, true",
        "PARTNER, FRP, true",
        "PARTNER, FM, false",
        "GATEWAY, GATEWAY, true",
        "ACCOUNT_TEAM, SUCCESS_MANAGER, true",
        "ACCOUNT_TEAM, GATEWAY, false",
    })
    void theAreaMustOfferTheRole(AssignmentArea area, Role role, boolean offered) {
        List<Problem> problems = validate(Contoso.TPID, area, role, Contoso.FM.userId(), true, Set.of(), false);

        if (offered) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(Problem::field).containsExactly("role");
            assertThat(problems.get(0).message()).contains(area.label()).contains(role.label());
        }
    }

    @Test
    void theUserMustExist() {
        List<Problem> unknown = validate(Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FM, "nobody", true, Set.of(), false);

        assertThat(unknown).extracting(Problem::field).containsExactly("userId");
        assertThat(unknown.get(0).message()).contains("nobody");
        assertThat(validate(Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FM, "", true, Set.of(), false))
                .extracting(Problem::field).containsExactly("userId");
    }

    @Test
    void theScopeCannotBeEmpty() {
        assertThat(validate(Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FM, Contoso.FM.userId(), false, Set.of(), false))
                .extracting(Problem::field).containsExactly("tenantIds");
        assertThat(validate(Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FM, Contoso.FM.userId(), false,
                Set.of(Contoso.SECOND_TENANT_ID), false)).isEmpty();
    }

    @Test
    void everyTenantInScopeBelongsToTheCustomer() {
        List<Problem> problems = validate(Contoso.TPID, AssignmentArea.ONBOARDING, Role.FE, Contoso.FM.userId(), false,
                Set.of(Contoso.WINNER_TENANT_ID, Contoso.FABRIKAM_TENANT_ID, UUID.fromString("00000000-0000-0000-0000-000000000bad")),
                false);

        assertThat(problems).extracting(Problem::field).containsExactly("tenantIds");
        assertThat(problems.get(0).message()).contains("fabrikam.com").contains("0bad").doesNotContain("contoso.onmicrosoft.com");
    }

    @Test
    void onlyFmAndFtaCanBePrimary() {
        assertThat(validate(Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FTA, Contoso.FTA.userId(), true, Set.of(), true))
                .isEmpty();
        List<Problem> problems = validate(Contoso.TPID, AssignmentArea.PARTNER, Role.FRP, Contoso.PARTNER.userId(), true,
                Set.of(), true);
        assertThat(problems).extracting(Problem::field).containsExactly("primary");
        assertThat(problems.get(0).message()).contains("FastTrack Ready Partner");
    }

    @Test
    void theCustomerMustExistAndEveryProblemIsReported() {
        assertThat(validate(4242, AssignmentArea.PARTNER, Role.GATEWAY, "nobody", false, Set.of(), true))
                .extracting(Problem::field).containsExactly("tpid", "role", "userId", "tenantIds", "primary");
    }
}
