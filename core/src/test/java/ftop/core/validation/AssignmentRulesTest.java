package ftop.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.tenant.Tenant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentRulesTest {

    private static final List<Tenant> TENANTS = List.of(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT);

    private static Assignment assignment(Role role, String userId, Set<UUID> tenants, boolean primary) {
        return new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH, role, userId, true, tenants,
                primary);
    }

    @Test
    void onePrimaryOnTheWinnerTenantGivesNoWarning() {
        List<Assignment> assignments = List.of(Contoso.primaryFm(),
                assignment(Role.FTA, Contoso.FTA.userId(), Set.of(Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID), false));

        assertThat(AssignmentRules.warnings(assignments, TENANTS)).isEmpty();
    }

    @Test
    void noAssignmentsNoWarnings() {
        assertThat(AssignmentRules.warnings(List.of(), TENANTS)).isEmpty();
        assertThat(AssignmentRules.warnings(List.of(assignment(Role.FM, "megan.bowen", Set.of(), false)), List.of())).isEmpty();
    }

    @Test
    void warnsAboutASecondPrimary() {
        List<Assignment> assignments = List.of(Contoso.primaryFm(),
                assignment(Role.FTA, Contoso.FTA.userId(), Set.of(Contoso.WINNER_TENANT_ID), true));

        List<Problem> warnings = AssignmentRules.warnings(assignments, TENANTS);

        assertThat(warnings).extracting(Problem::field).containsExactly("primary");
        assertThat(warnings.get(0).message()).contains("megan.bowen").contains("alex.wilber").contains("one primary");
    }

    @Test
    void theSamePersonPrimaryInTwoAreasIsOnePrimary() {
        Assignment onboarding = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.ONBOARDING, Role.FM,
                Contoso.FM.userId(), false, Set.of(Contoso.WINNER_TENANT_ID), true);

        assertThat(AssignmentRules.warnings(List.of(Contoso.primaryFm(), onboarding), TENANTS)).isEmpty();
    }

    @Test
    void warnsWhenThePrimaryIsNotOnTheWinnerTenant() {
        List<Problem> warnings = AssignmentRules.warnings(
                List.of(assignment(Role.FM, Contoso.FM.userId(), Set.of(Contoso.SECOND_TENANT_ID), true)), TENANTS);

        assertThat(warnings).extracting(Problem::field).containsExactly("tenantIds");
        assertThat(warnings.get(0).message()).contains("megan.bowen").contains("contoso.onmicrosoft.com");
    }

    @Test
    void warnsWhenTheCustomerHasNoWinnerTenant() {
        List<Problem> warnings = AssignmentRules.warnings(List.of(Contoso.primaryFm()),
                List.of(Contoso.WINNER_TENANT.withWinner(false), Contoso.SECOND_TENANT));

        assertThat(warnings).extracting(Problem::field).containsExactly("tenantIds");
        assertThat(warnings.get(0).message()).contains("no winner tenant");
    }

    @Test
    void primaryFlagsOnOtherRolesAreLeftToValidation() {
        Assignment partner = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.PARTNER, Role.FRP,
                Contoso.PARTNER.userId(), true, Set.of(), true);

        assertThat(AssignmentRules.warnings(List.of(Contoso.primaryFm(), partner), TENANTS)).isEmpty();
    }
}
