package ftop.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ftop.app.AppFixtures;
import ftop.core.customer.Region;
import ftop.core.customer.Segment;
import ftop.core.dataset.Dataset;
import ftop.core.health.CustomerStatus;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.validation.Contoso;

class PortfolioFilterTest {

    private final Dataset data = AppFixtures.dataset();
    private final PortfolioRows.Portfolio portfolio = PortfolioRows.build(new PortfolioRows.Source(data.customers(),
            data.tenants(), data.health(), data.usage(), data.assignments(), data.users(), HealthRules.defaults(),
            Contoso.FM.userId()), AppFixtures.TODAY);

    private List<String> customers(PortfolioFilter f) {
        return portfolio.customers().stream().filter(f.customers()).map(PortfolioRow::name).toList();
    }

    private List<String> tenants(PortfolioFilter f) {
        return portfolio.tenants().stream().filter(f.tenants()).map(TenantRow::name).toList();
    }

    @Test
    void searchMatchesNameTpidTenantNameAndTenantIdIgnoringCase() {
        assertThat(customers(PortfolioFilter.NONE.withText("  FABRI "))).containsExactly("Fabrikam");
        assertThat(customers(PortfolioFilter.NONE.withText(Long.toString(Contoso.TPID)))).containsExactly("Contoso");
        assertThat(customers(PortfolioFilter.NONE.withText("contosolabs"))).containsExactly("Contoso");
        assertThat(customers(PortfolioFilter.NONE.withText(Contoso.FABRIKAM_TENANT.tenantId().toString().toUpperCase())))
                .containsExactly("Fabrikam");
        assertThat(customers(PortfolioFilter.NONE.withText("nobody"))).isEmpty();

        assertThat(tenants(PortfolioFilter.NONE.withText("contosolabs"))).containsExactly(Contoso.SECOND_TENANT.name());
        // a customer's name finds all of its tenants
        assertThat(tenants(PortfolioFilter.NONE.withText("contoso"))).hasSize(2);
    }

    @Test
    void everyFilterNarrowsBothSections() {
        assertThat(customers(PortfolioFilter.NONE.withHealth(Set.of(HealthColour.YELLOW)))).containsExactly("Contoso");
        assertThat(customers(PortfolioFilter.NONE.withHealth(Set.of(HealthColour.RED)))).isEmpty();
        assertThat(customers(PortfolioFilter.NONE.withStatuses(Set.of(CustomerStatus.IN_PROGRESS)))).containsExactly("Contoso");
        assertThat(customers(PortfolioFilter.NONE.withOverdue(true))).containsExactly("Fabrikam");
        assertThat(customers(PortfolioFilter.NONE.withCovidRfa(true))).containsExactly("Contoso");
        assertThat(customers(PortfolioFilter.NONE.withMine(true))).containsExactly("Contoso");
        assertThat(customers(PortfolioFilter.NONE.withSegment(Optional.of(Contoso.CUSTOMER.segment()))))
                .contains("Contoso");
        Region other = Contoso.CUSTOMER.region() == Region.JAPAN ? Region.ASIA : Region.JAPAN;
        assertThat(customers(PortfolioFilter.NONE.withRegion(Optional.of(other)))).isEmpty();

        // the tenant's own COVID-19 flag counts, not its customer's
        assertThat(tenants(PortfolioFilter.NONE.withCovidRfa(true))).containsExactly(Contoso.WINNER_TENANT.name());
        assertThat(tenants(PortfolioFilter.NONE.withOverdue(true))).containsExactly(Contoso.FABRIKAM_TENANT.name());
        // mine: Megan's assignment on Contoso is at customer level, so all of Contoso's tenants are hers
        assertThat(tenants(PortfolioFilter.NONE.withMine(true)))
                .containsExactly(Contoso.WINNER_TENANT.name(), Contoso.SECOND_TENANT.name());
    }

    @Test
    void withUnsyncedEditsShowsCustomersWithPendingOrConflictingEditsAndTheirTenants() {
        PortfolioRows.Portfolio marked = PortfolioRows.build(new PortfolioRows.Source(data.customers(), data.tenants(),
                data.health(), data.usage(), data.assignments(), data.users(), HealthRules.defaults(),
                Contoso.FM.userId(), java.util.Map.of(Contoso.FABRIKAM_TPID, new ftop.app.workspace.UnsyncedEdits(0, 1))),
                AppFixtures.TODAY);
        PortfolioFilter unsynced = PortfolioFilter.NONE.withUnsynced(true);

        assertThat(customers(unsynced)).as("nothing waits in a plain data set").isEmpty();
        assertThat(marked.customers().stream().filter(unsynced.customers()).map(PortfolioRow::name))
                .containsExactly("Fabrikam");
        assertThat(marked.tenants().stream().filter(unsynced.tenants()).map(TenantRow::name))
                .containsExactly(Contoso.FABRIKAM_TENANT.name());
        assertThat(unsynced.isEmpty()).isFalse();
    }

    @Test
    void presetsAreTheViewsAManagerAsksFor() {
        assertThat(PortfolioFilter.Preset.OVERDUE_REVIEWS.filter().overdue()).isTrue();
        assertThat(PortfolioFilter.Preset.RED_AND_YELLOW.filter().health())
                .containsExactlyInAnyOrder(HealthColour.RED, HealthColour.YELLOW);
        assertThat(PortfolioFilter.Preset.BLOCKED.filter().statuses())
                .containsExactlyInAnyOrder(CustomerStatus.BLOCKED_BUSINESS, CustomerStatus.BLOCKED_TECHNICAL);
        assertThat(customers(PortfolioFilter.Preset.RED_AND_YELLOW.filter())).containsExactly("Contoso");
        assertThat(PortfolioFilter.NONE.isEmpty()).isTrue();
        assertThat(PortfolioFilter.NONE.withText("  ").isEmpty()).isTrue();
        assertThat(PortfolioFilter.NONE.withText("x").isEmpty()).isFalse();
        assertThat(PortfolioFilter.NONE.withMine(true).isEmpty()).isFalse();
    }

    @Test
    void encodingRoundTripsAndToleratesDamage() {
        PortfolioFilter f = PortfolioFilter.NONE.withText("a&b=c, ü").withRegion(Optional.of(Region.JAPAN))
                .withSegment(Optional.of(Segment.S500)).withHealth(Set.of(HealthColour.RED, HealthColour.BLUE))
                .withStatuses(Set.of(CustomerStatus.NO_INTENT)).withOverdue(true).withCovidRfa(true)
                .withWatchlist(true).withMine(true).withUnsynced(true);

        assertThat(PortfolioFilter.decode(f.encode())).isEqualTo(f);
        assertThat(PortfolioFilter.decode(PortfolioFilter.NONE.encode())).isEqualTo(PortfolioFilter.NONE);
        assertThat(PortfolioFilter.decode(null)).isEqualTo(PortfolioFilter.NONE);
        // a renamed constant drops that part only
        assertThat(PortfolioFilter.decode("text=abc&region=ATLANTIS&health=RED,PURPLE&overdue"))
                .isEqualTo(PortfolioFilter.NONE.withText("abc").withOverdue(true));
    }
}
