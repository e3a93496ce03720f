package ftop.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.tenant.Tenant;
import ftop.core.tenant.TenantOrigin;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantExceptionsTest {

    private static final String NEW_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private final InMemoryValidationContext context = Contoso.context();

    private TenantExceptions.Checked check(String id, String name, String tpid, String users, TenantOrigin origin) {
        return TenantExceptions.check(new TenantExceptions.Entry(id, name, tpid, users, origin), context);
    }

    @Test
    void aNewTenantOfAKnownCustomerIsAdded() {
        TenantExceptions.Checked checked = check(" " + NEW_ID + " ", "contosoexempt.onmicrosoft.com", "1001", "1200",
                TenantOrigin.REQUEST_FOR_ASSISTANCE);

        assertThat(checked.problems()).isEmpty();
        Tenant tenant = checked.tenant().orElseThrow();
        assertThat(tenant.tenantId()).isEqualTo(UUID.fromString(NEW_ID));
        assertThat(tenant.tpid()).isEqualTo(Contoso.TPID);
        assertThat(tenant.userCount()).isEqualTo(1200);
        assertThat(tenant.origin()).isEqualTo(TenantOrigin.REQUEST_FOR_ASSISTANCE);
        assertThat(tenant.winner()).isFalse();
        assertThat(tenant.enterpriseLevel()).isEmpty();
        assertThat(check(NEW_ID, "contosoexempt.onmicrosoft.com", "1001", "", TenantOrigin.TENANT_EXCEPTION).tenant()
                .orElseThrow().userCount()).isZero();
    }

    @Test
    void eachBadFieldIsNamed() {
        TenantExceptions.Checked checked = check("not-a-guid", "", "abc", "-5", null);

        assertThat(checked.tenant()).isEmpty();
        assertThat(checked.problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder("tenantId", "tpid", "userCount", "origin", "name");
        assertThat(checked.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("not a tenant ID"))
                .anySatisfy(m -> assertThat(m).contains("TPID must be a whole number"))
                .anySatisfy(m -> assertThat(m).contains("zero or more"));
    }

    @Test
    void theCoreTenantRulesApplyAfterwards() {
        assertThat(check(NEW_ID, "bad name!", "1001", "10", TenantOrigin.TENANT_EXCEPTION).problems())
                .extracting(Problem::field).containsExactly("name");
        assertThat(check(NEW_ID, "x.onmicrosoft.com", "777777", "10", TenantOrigin.TENANT_EXCEPTION).problems())
                .extracting(Problem::field).containsExactly("tpid");
    }

    @Test
    void anExceptionNeverOverwritesATenantOrPosesAsTheCommerceFeed() {
        TenantExceptions.Checked known = check(Contoso.SECOND_TENANT_ID.toString(), "renamed.onmicrosoft.com", "1001",
                "", TenantOrigin.TENANT_EXCEPTION);
        assertThat(known.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("tenantId");
            assertThat(p.message()).contains("already in FTOP").contains(Contoso.SECOND_TENANT.name());
        });
        assertThat(check(NEW_ID, "x.onmicrosoft.com", "1001", "1", TenantOrigin.COMMERCE_FEED).problems())
                .extracting(Problem::field).containsExactly("origin");
    }
}
