package ftop.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ftop.app.AppFixtures;
import ftop.core.dataset.Dataset;
import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.validation.Contoso;

class PortfolioRowsTest {

    private final Dataset data = AppFixtures.dataset();

    private List<PortfolioRow> build() {
        return PortfolioRows.build(source(), AppFixtures.TODAY).customers();
    }

    private PortfolioRows.Source source() {
        return new PortfolioRows.Source(data.customers(), data.tenants(), data.health(), data.usage(),
                data.assignments(), data.users(), HealthRules.defaults(), Contoso.FM.userId());
    }

    @Test
    void rowsAreSortedByNameWithHealthFromUsage() {
        List<PortfolioRow> rows = build();

        assertThat(rows).extracting(PortfolioRow::name).containsExactly("Contoso", "Fabrikam");
        PortfolioRow contoso = rows.get(0);
        assertThat(contoso.overall()).contains(HealthColour.YELLOW);
        assertThat(contoso.group1()).contains(HealthColour.GREEN);
        assertThat(contoso.group2()).contains(HealthColour.RED);
        assertThat(contoso.group3()).contains(HealthColour.YELLOW);
        assertThat(contoso.status()).contains(CustomerStatus.IN_PROGRESS);
    }

    @Test
    void tenantFactsAreCountedPerCustomer() {
        PortfolioRow contoso = build().get(0);
        PortfolioRow fabrikam = build().get(1);

        assertThat(contoso.tenantCount()).isEqualTo(2);
        assertThat(contoso.winnerTenants()).isEqualTo(1);
        assertThat(contoso.winnerWarning()).isEmpty();
        assertThat(contoso.covidRfa()).isTrue();
        assertThat(fabrikam.tenantCount()).isEqualTo(1);
        assertThat(fabrikam.winnerTenants()).isEqualTo(1);
        assertThat(fabrikam.covidRfa()).isFalse();
    }

    @Test
    void reviewIsOverdueOnlyWhenItsDateHasPassedOrIsMissing() {
        PortfolioRow contoso = build().get(0);
        PortfolioRow fabrikam = build().get(1);

        assertThat(contoso.review().dueOn()).isEqualTo(Contoso.health().progress().nextReviewDate());
        assertThat(contoso.review().overdue()).isFalse();
        // Fabrikam has no usage and no health form: nothing to judge, and no review ever set
        assertThat(fabrikam.overall()).isEmpty();
        assertThat(fabrikam.status()).isEmpty();
        assertThat(fabrikam.review().dueOn()).isEqualTo(Optional.empty());
        assertThat(fabrikam.review().overdue()).isTrue();

        List<PortfolioRow> later = PortfolioRows.build(source(),
                Contoso.health().progress().nextReviewDate().orElseThrow().plusDays(1)).customers();
        assertThat(later.get(0).review().overdue()).isTrue();
    }

    @Test
    void ownersMineAndSearchKeysComeFromAssignmentsAndTenants() {
        PortfolioRow contoso = build().get(0);
        PortfolioRow fabrikam = build().get(1);

        assertThat(contoso.healthOwner()).isEqualTo(Contoso.FM.displayName());
        assertThat(contoso.mine()).isTrue();
        assertThat(fabrikam.mine()).isFalse();
        assertThat(contoso.searchKey()).contains("contoso", Long.toString(Contoso.TPID),
                Contoso.SECOND_TENANT.name().toLowerCase(java.util.Locale.ROOT),
                Contoso.SECOND_TENANT.tenantId().toString());
    }

    @Test
    void tenantRowsCarryTheirCustomerWinnerFirst() {
        List<TenantRow> tenants = PortfolioRows.build(source(), AppFixtures.TODAY).tenants();

        assertThat(tenants).extracting(TenantRow::tenantId).containsExactly(Contoso.WINNER_TENANT.tenantId(),
                Contoso.SECOND_TENANT.tenantId(), Contoso.FABRIKAM_TENANT.tenantId());
        assertThat(tenants.get(0).customer().name()).isEqualTo("Contoso");
        assertThat(tenants.get(0).winner()).isTrue();
        assertThat(tenants.get(2).customer().name()).isEqualTo("Fabrikam");
        assertThat(tenants.get(2).searchKey()).contains("fabrikam", Contoso.FABRIKAM_TENANT.tenantId().toString());
    }
}
