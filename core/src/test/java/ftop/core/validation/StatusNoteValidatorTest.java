package ftop.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.status.EnterpriseStatusGate;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusNoteValidatorTest {

    private final InMemoryValidationContext context = Contoso.context();

    private List<Problem> validate(String summary, String risks, String awareness) {
        EnterpriseStatusNote n = Contoso.note();
        return Validator.validate(new EnterpriseStatusNote(n.id(), n.tpid(), n.tenantId(), summary, risks, awareness,
                n.author(), n.createdAt()), context);
    }

    private List<Problem> onTenant(long tpid, UUID tenantId) {
        EnterpriseStatusNote n = Contoso.note();
        return Validator.validate(new EnterpriseStatusNote(n.id(), tpid, tenantId, n.executiveSummary(), n.risks(),
                n.awareness(), n.author(), n.createdAt()), context);
    }

    @Test
    void aNoteOnTheWinnerTenantIsValid() {
        assertThat(Validator.validate(Contoso.note(), context)).isEmpty();
    }

    @Test
    void anyOneOfTheThreeTextsIsEnough() {
        assertThat(validate("Summary only", "", "")).isEmpty();
        assertThat(validate("", "Risks only", "")).isEmpty();
        assertThat(validate("", "", "Awareness only")).isEmpty();
    }

    @Test
    void anEmptyNoteIsRefused() {
        List<Problem> problems = validate(" ", "", "\n");

        assertThat(problems).extracting(Problem::field).containsExactly("executiveSummary");
        assertThat(problems.get(0).message()).contains("Executive Summary").contains("Risks").contains("Awareness");
    }

    @Test
    void eachTextIsLimited() {
        String longest = "x".repeat(Limits.STATUS_TEXT_MAX);
        String tooLong = longest + "x";

        assertThat(validate(longest, longest, longest)).isEmpty();
        assertThat(validate(tooLong, tooLong, tooLong)).extracting(Problem::field)
                .containsExactly("executiveSummary", "risks", "awareness");
        assertThat(validate("ok", tooLong, "").get(0).message()).contains(String.valueOf(Limits.STATUS_TEXT_MAX)).contains("Risks");
    }

    @Test
    void theNoteMustSitOnTheCustomersWinnerTenant() {
        List<Problem> second = onTenant(Contoso.TPID, Contoso.SECOND_TENANT_ID);
        List<Problem> foreign = onTenant(Contoso.TPID, Contoso.FABRIKAM_TENANT_ID);
        List<Problem> unknown = onTenant(Contoso.TPID, UUID.randomUUID());

        assertThat(second).extracting(Problem::field).containsExactly("tenantId");
        assertThat(second.get(0).message()).contains("contosolabs.onmicrosoft.com").contains("contoso.onmicrosoft.com");
        assertThat(foreign).extracting(Problem::field).containsExactly("tenantId");
        assertThat(foreign.get(0).message()).contains("fabrikam.com").contains("2002");
        assertThat(unknown).extracting(Problem::field).containsExactly("tenantId");
    }

    @Test
    void aCustomerWithoutAWinnerTenantCannotTakeNotesYet() {
        InMemoryValidationContext noWinner = context.with(Contoso.WINNER_TENANT.withWinner(false));

        List<Problem> problems = Validator.validate(Contoso.note(), noWinner);

        assertThat(problems).extracting(Problem::field).containsExactly("tenantId");
        assertThat(problems.get(0).message()).contains("no winner tenant");
    }

    @Test
    void theIsEnterpriseFlagGatesTheNote() {
        Tenant winner = Contoso.WINNER_TENANT;
        Tenant notEnterprise = new Tenant(winner.tenantId(), winner.name(), winner.tpid(), true,
                winner.covidRfaApprovedOn(), Optional.empty(), winner.userCount(), winner.origin());
        InMemoryValidationContext flagOff = Contoso.context().with(notEnterprise);

        List<Problem> problems = Validator.validate(Contoso.note(), flagOff);

        assertThat(problems).extracting(Problem::field).containsExactly("tenantId");
        assertThat(problems.get(0).message()).contains("Is Enterprise").contains("\"No\"").contains("Level 3")
                .contains("Level 4").contains(winner.name());
        assertThat(EnterpriseStatusGate.disabledReason(notEnterprise)).contains(problems.get(0).message());
        assertThat(EnterpriseStatusGate.enabled(winner)).isTrue();
        assertThat(EnterpriseStatusGate.disabledReason(winner)).isEmpty();
    }

    @Test
    void theCustomerMustExistAndTheNoteNeedsAnAuthor() {
        EnterpriseStatusNote n = Contoso.note();
        EnterpriseStatusNote bad = new EnterpriseStatusNote(n.id(), 4242, n.tenantId(), n.executiveSummary(), "", "",
                " ", n.createdAt());

        assertThat(Validator.validate(bad, context)).extracting(Problem::field)
                .containsExactlyInAnyOrder("author", "tpid", "tenantId");
    }
}
