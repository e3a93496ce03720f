package ftop.core.tenant;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A group of services a customer bought. Belongs to exactly one customer (by TPID).
 *
 * @param tenantId          the tenant ID (a GUID)
 * @param name              the tenant name, e.g. {@code contoso.onmicrosoft.com}
 * @param tpid              the customer the tenant belongs to
 * @param winner            the SLT Watchlist flag: this tenant represents the whole TPID (trophy)
 * @param covidRfaApprovedOn when an RFA for COVID-19 emergency assistance was approved; once set it stays
 * @param enterpriseLevel   the "Is Enterprise" flag, if set
 * @param userCount         licensed users, which suggests the enterprise level
 * @param origin            commerce feed, tenant exception or request for assistance
 */
public record Tenant(
        UUID tenantId,
        String name,
        long tpid,
        boolean winner,
        Optional<LocalDate> covidRfaApprovedOn,
        Optional<EnterpriseLevel> enterpriseLevel,
        long userCount,
        TenantOrigin origin) {

    public Tenant {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        covidRfaApprovedOn = covidRfaApprovedOn == null ? Optional.empty() : covidRfaApprovedOn;
        enterpriseLevel = enterpriseLevel == null ? Optional.empty() : enterpriseLevel;
    }

    /** True once the Gateway RFA team approved a COVID-19 request (the medical icon). */
    public boolean covidRfaApproved() {
        return covidRfaApprovedOn.isPresent();
    }

    public Tenant withWinner(boolean value) {
        return new Tenant(tenantId, name, tpid, value, covidRfaApprovedOn, enterpriseLevel, userCount, origin);
    }

    /** This tenant with its "Is Enterprise" flag set to {@code level}, or "No" when empty. */
    public Tenant withEnterpriseLevel(Optional<EnterpriseLevel> level) {
        return new Tenant(tenantId, name, tpid, winner, covidRfaApprovedOn, level, userCount, origin);
    }
}
