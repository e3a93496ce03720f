package ftop.app.portfolio;

import java.util.UUID;

import ftop.core.tenant.Tenant;

/**
 * One tenant as the Portfolio's Tenants section shows it, with the row of its customer so that the
 * customer-level filters (region, health, status, overdue review) apply to tenants too.
 *
 * @param tenant    the tenant
 * @param customer  its customer's row
 * @param fm        the display name of the FastTrack Manager assigned to this tenant; empty when none
 * @param mine      the signed-in user is assigned to this tenant or to its customer as a whole
 * @param searchKey lower-case tenant name, tenant ID, customer name and TPID, for the search box
 */
public record TenantRow(Tenant tenant, PortfolioRow customer, String fm, boolean mine, String searchKey) {

    /** This tenant with {@code row} as its customer's row, e.g. after the customer's unsynced edits changed. */
    public TenantRow withCustomer(PortfolioRow row) {
        return new TenantRow(tenant, row, fm, mine, searchKey);
    }

    public UUID tenantId() {
        return tenant.tenantId();
    }

    public String name() {
        return tenant.name();
    }

    public long tpid() {
        return tenant.tpid();
    }

    public boolean winner() {
        return tenant.winner();
    }

    public boolean covidRfa() {
        return tenant.covidRfaApproved();
    }
}
