package ftop.app.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ftop.app.AppFixtures;
import ftop.core.health.HealthRules;
import ftop.core.permission.Decision;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.validation.Contoso;

/** What the Customer tab derives from a customer's rows: the status history and its cadence. */
class CustomerDetailsTest {

    private static final LocalDate TODAY = AppFixtures.TODAY;

    private static EnterpriseStatusNote note(UUID tenant, LocalDate day, String summary) {
        return new EnterpriseStatusNote(UUID.randomUUID(), Contoso.TPID, tenant, summary, "", "", "megan.bowen",
                day.atTime(9, 0).toInstant(ZoneOffset.UTC));
    }

    private static CustomerDetails details(List<EnterpriseStatusNote> notes) {
        return CustomerDetails.of(Contoso.CUSTOMER, Optional.of(Contoso.health()),
                List.of(Contoso.CUSTOMER_CONTACT, Contoso.MICROSOFT_CONTACT),
                List.of(Contoso.SECOND_TENANT, Contoso.WINNER_TENANT), AppFixtures.contosoUsage(), notes, List.of(),
                List.of(Contoso.primaryFm()), Map.of("megan.bowen", "Megan Bowen"), Decision.allow(),
                HealthRules.defaults(), TODAY, ZoneOffset.UTC);
    }

    @Test
    void theHistoryIsTheWinnerTenantsNotesNewestFirst() {
        EnterpriseStatusNote old = note(Contoso.WINNER_TENANT_ID, TODAY.minusDays(30), "old");
        EnterpriseStatusNote latest = note(Contoso.WINNER_TENANT_ID, TODAY.minusDays(3), "latest");
        EnterpriseStatusNote elsewhere = note(Contoso.SECOND_TENANT_ID, TODAY.minusDays(1), "not on the winner");

        CustomerDetails d = details(List.of(old, elsewhere, latest));

        assertThat(d.winner()).contains(Contoso.WINNER_TENANT);
        assertThat(d.tenants().get(0)).isEqualTo(Contoso.WINNER_TENANT);
        assertThat(d.notes()).containsExactly(latest, old);
        assertThat(d.latestNote()).contains(latest);
        assertThat(d.userName("megan.bowen")).isEqualTo("Megan Bowen");
        assertThat(d.userName("someone.else")).isEqualTo("someone.else");
    }

    @Test
    void aYellowCustomersNextStatusIsDueTwoWeeksAfterTheLatest() {
        CustomerDetails d = details(List.of(note(Contoso.WINNER_TENANT_ID, TODAY.minusDays(3), "x")));

        assertThat(d.statusDue().dueOn()).contains(TODAY.minusDays(3).plusWeeks(2));
        assertThat(d.statusDue().overdue()).isFalse();
        assertThat(details(List.of(note(Contoso.WINNER_TENANT_ID, TODAY.minusDays(20), "x"))).statusDue().overdue())
                .isTrue();
    }

    @Test
    void withoutAnyNoteAnUpdateIsDueNow() {
        CustomerDetails d = details(List.of());
        assertThat(d.statusDue().dueOn()).isEmpty();
        assertThat(d.statusDue().overdue()).isTrue();
        assertThat(d.latestNote()).isEmpty();
    }

    @Test
    void contactsReadCustomerFirstThenMicrosoftByName() {
        CustomerDetails d = details(List.of());
        assertThat(d.contacts()).containsExactly(Contoso.CUSTOMER_CONTACT, Contoso.MICROSOFT_CONTACT);
    }
}
