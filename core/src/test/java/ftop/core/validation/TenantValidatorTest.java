package ftop.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.tenant.EnterpriseLevel;
import ftop.core.tenant.Tenant;
import ftop.core.tenant.TenantOrigin;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantValidatorTest {

    private final InMemoryValidationContext context = Contoso.context();

    private List<Problem> validate(Tenant tenant) {
        return Validator.validate(tenant, context);
    }

    private static Tenant named(String name) {
        Tenant t = Contoso.SECOND_TENANT;
        return new Tenant(t.tenantId(), name, t.tpid(), t.winner(), t.covidRfaApprovedOn(), t.enterpriseLevel(),
                t.userCount(), t.origin());
    }

    private static Tenant newTenant(long tpid, boolean winner, Optional<LocalDate> covid, Optional<EnterpriseLevel> level,
            long users) {
        return new Tenant(UUID.randomUUID(), "newtenant.onmicrosoft.com", tpid, winner, covid, level, users,
                TenantOrigin.TENANT_EXCEPTION);
    }

    @Test
    void theFixtureTenantsAreValid() {
        assertThat(validate(Contoso.WINNER_TENANT)).isEmpty();
        assertThat(validate(Contoso.SECOND_TENANT)).isEmpty();
        assertThat(validate(Contoso.FABRIKAM_TENANT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"contoso.onmicrosoft.com", "Contoso.OnMicrosoft.com", "contoso-eu.onmicrosoft.com",
        "contoso.com", "mail.contoso.co.uk", "x1.de"})
    void acceptsDomainNames(String name) {
        assertThat(validate(named(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"contoso", "contoso .onmicrosoft.com", "-contoso.onmicrosoft.com", "contoso-.com",
        "contoso..com", "contoso.onmicrosoft.com.", "contoso.123", "contoso@onmicrosoft.com", "https://contoso.com"})
    void refusesWhatIsNotADomainName(String name) {
        List<Problem> problems = validate(named(name));

        assertThat(problems).extracting(Problem::field).containsExactly("name");
        assertThat(problems.get(0).message()).contains(name).contains("contoso.onmicrosoft.com");
    }

    @Test
    void refusesABlankOrOverlongName() {
        assertThat(validate(named("  "))).extracting(Problem::field).containsExactly("name");
        // Labels of at most 63 characters, 253 in all: the longest name DNS allows.
        String longest = ("a".repeat(63) + ".").repeat(3) + "a".repeat(57) + ".com";
        String tooLong = "a." + longest;

        assertThat(longest).hasSize(Limits.TENANT_NAME_MAX);
        assertThat(validate(named(longest))).isEmpty();
        assertThat(validate(named(tooLong))).extracting(Problem::field).containsExactly("name");
        assertThat(validate(named(tooLong)).get(0).message()).contains("at most " + Limits.TENANT_NAME_MAX);
    }

    @Test
    void theCustomerMustExist() {
        assertThat(validate(newTenant(4242, false, Optional.empty(), Optional.empty(), 10)))
                .extracting(Problem::field).containsExactly("tpid");
    }

    @Test
    void aSecondWinnerForOneTpidIsRefused() {
        List<Problem> problems = validate(Contoso.SECOND_TENANT.withWinner(true));

        assertThat(problems).extracting(Problem::field).containsExactly("winner");
        assertThat(problems.get(0).message()).contains("contoso.onmicrosoft.com").contains("one winner");
    }

    @Test
    void theWinnerItselfAndAWinnerOfAnotherCustomerAreFine() {
        assertThat(validate(Contoso.WINNER_TENANT.withWinner(true))).isEmpty();
        assertThat(validate(newTenant(Contoso.FABRIKAM_TPID, false, Optional.empty(), Optional.empty(), 5))).isEmpty();
        InMemoryValidationContext noWinner = Contoso.context().with(Contoso.WINNER_TENANT.withWinner(false));
        assertThat(Validator.validate(Contoso.SECOND_TENANT.withWinner(true), noWinner)).isEmpty();
    }

    @Test
    void aTenantCannotMoveToAnotherCustomer() {
        Tenant t = Contoso.SECOND_TENANT;
        Tenant moved = new Tenant(t.tenantId(), t.name(), Contoso.FABRIKAM_TPID, false, t.covidRfaApprovedOn(),
                t.enterpriseLevel(), t.userCount(), t.origin());

        List<Problem> problems = validate(moved);

        assertThat(problems).extracting(Problem::field).containsExactly("tpid");
        assertThat(problems.get(0).message()).contains("1001").contains("one customer");
    }

    @Test
    void covidRfaApprovalCannotBeInTheFuture() {
        assertThat(validate(newTenant(Contoso.TPID, false, Optional.of(Contoso.TODAY.plusDays(1)), Optional.empty(), 5)))
                .extracting(Problem::field).containsExactly("covidRfaApprovedOn");
        assertThat(validate(newTenant(Contoso.TPID, false, Optional.of(Contoso.TODAY), Optional.empty(), 5))).isEmpty();
        assertThat(validate(newTenant(Contoso.TPID, false, Optional.of(LocalDate.of(1999, 1, 1)), Optional.empty(), 5)))
                .extracting(Problem::field).containsExactly("covidRfaApprovedOn");
    }

    @Test
    void covidRfaApprovalStaysOnceGiven() {
        Tenant t = Contoso.WINNER_TENANT;
        Tenant cleared = new Tenant(t.tenantId(), t.name(), t.tpid(), t.winner(), Optional.empty(), t.enterpriseLevel(),
                t.userCount(), t.origin());

        assertThat(validate(cleared)).extracting(Problem::field).containsExactly("covidRfaApprovedOn");
    }

    @Test
    void enterpriseLevelMustMatchTheUserCount() {
        assertThat(validate(newTenant(Contoso.TPID, false, Optional.empty(), Optional.of(EnterpriseLevel.LEVEL_3), 49_999)))
                .isEmpty();
        assertThat(validate(newTenant(Contoso.TPID, false, Optional.empty(), Optional.of(EnterpriseLevel.LEVEL_4), 50_000)))
                .isEmpty();
        assertThat(validate(newTenant(Contoso.TPID, false, Optional.empty(), Optional.empty(), 50_000))).isEmpty();

        List<Problem> problems = validate(newTenant(Contoso.TPID, false, Optional.empty(),
                Optional.of(EnterpriseLevel.LEVEL_4), 49_999));
        assertThat(problems).extracting(Problem::field).containsExactly("enterpriseLevel");
        assertThat(problems.get(0).message()).contains("49,999").contains("Level 3");
        assertThat(validate(newTenant(Contoso.TPID, false, Optional.empty(), Optional.of(EnterpriseLevel.LEVEL_3), 50_000)))
                .extracting(Problem::field).containsExactly("enterpriseLevel");
    }

    @Test
    void userCountCannotBeNegative() {
        assertThat(validate(newTenant(Contoso.TPID, false, Optional.empty(), Optional.empty(), -1)))
                .extracting(Problem::field).containsExactly("userCount");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Tenant t = Contoso.SECOND_TENANT;
        Tenant bad = new Tenant(t.tenantId(), "not a domain", Contoso.FABRIKAM_TPID, true,
                Optional.of(Contoso.TODAY.plusYears(1)), Optional.of(EnterpriseLevel.LEVEL_4), 10, t.origin());

        assertThat(validate(bad)).extracting(Problem::field).containsExactlyInAnyOrder(
                "name", "tpid", "winner", "covidRfaApprovedOn", "enterpriseLevel");
    }
}
