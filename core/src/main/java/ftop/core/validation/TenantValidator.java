package ftop.core.validation;

import ftop.core.tenant.EnterpriseLevel;
import ftop.core.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a {@link Tenant} must satisfy before it is saved:
 * <ul>
 *   <li>the name is a domain name such as {@code contoso.onmicrosoft.com}, at most
 *       {@link Limits#TENANT_NAME_MAX} characters;</li>
 *   <li>the customer exists, and a tenant known under one customer is not moved to another
 *       (a tenant belongs to exactly one customer);</li>
 *   <li>only one winner (SLT Watchlist) tenant per TPID;</li>
 *   <li>the COVID-19 RFA approval date is not in the future, and once approved it stays;</li>
 *   <li>the "Is Enterprise" level, when set, matches the user count (level 4 from
 *       {@link EnterpriseLevel#LEVEL_4_USERS} users); the user count is not negative.</li>
 * </ul>
 */
final class TenantValidator {

    /** Dot-separated labels of letters, digits and inner hyphens, ending in an alphabetic top-level label. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private TenantValidator() {
    }

    static List<Problem> validate(Tenant tenant, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        name(problems, tenant.name());
        FieldChecks.customerExists(problems, "tpid", tenant.tpid(), context);

        Optional<Tenant> existing = context.tenant(tenant.tenantId());
        if (existing.isPresent() && existing.get().tpid() != tenant.tpid()) {
            problems.add(new Problem("tpid", "Tenant " + existing.get().name() + " belongs to customer "
                    + existing.get().tpid() + "; a tenant belongs to one customer only and cannot move to " + tenant.tpid() + "."));
        }

        if (tenant.winner()) {
            context.tenantsOf(tenant.tpid()).stream()
                    .filter(other -> other.winner() && !other.tenantId().equals(tenant.tenantId()))
                    .findFirst()
                    .ifPresent(other -> problems.add(new Problem("winner", other.name()
                            + " is already the winner tenant of customer " + tenant.tpid()
                            + "; clear its SLT Watchlist flag first, a TPID has one winner tenant.")));
        }

        if (tenant.covidRfaApprovedOn().isPresent()) {
            if (FieldChecks.dateInRange(problems, "covidRfaApprovedOn", "COVID-19 RFA approval date",
                    tenant.covidRfaApprovedOn())) {
                FieldChecks.notInFuture(problems, "covidRfaApprovedOn", "COVID-19 RFA approval date",
                        tenant.covidRfaApprovedOn().get(), context.today());
            }
        } else if (existing.isPresent() && existing.get().covidRfaApproved()) {
            problems.add(new Problem("covidRfaApprovedOn", "The COVID-19 RFA approval of "
                    + existing.get().covidRfaApprovedOn().get() + " stays on the tenant once given; it cannot be removed."));
        }

        if (tenant.userCount() < 0) {
            problems.add(new Problem("userCount", "User count cannot be negative (" + tenant.userCount() + ")."));
        } else if (tenant.enterpriseLevel().isPresent()) {
            EnterpriseLevel expected = EnterpriseLevel.forUserCount(tenant.userCount());
            if (tenant.enterpriseLevel().get() != expected) {
                problems.add(new Problem("enterpriseLevel", "A tenant with " + String.format("%,d", tenant.userCount())
                        + " users is " + expected.label() + " (Level 3 below " + String.format("%,d", EnterpriseLevel.LEVEL_4_USERS)
                        + " users, Level 4 from there), not " + tenant.enterpriseLevel().get().label() + "."));
            }
        }
        return problems;
    }

    private static void name(List<Problem> problems, String name) {
        if (name.isBlank()) {
            problems.add(new Problem("name", "Tenant name is required, e.g. contoso.onmicrosoft.com."));
        } else if (name.length() > Limits.TENANT_NAME_MAX) {
            FieldChecks.maxLength(problems, "name", "Tenant name", name, Limits.TENANT_NAME_MAX);
        } else if (!DOMAIN.matcher(name).matches()) {
            problems.add(new Problem("name", "Tenant name \"" + name
                    + "\" is not a domain name such as contoso.onmicrosoft.com or contoso.com."));
        }
    }
}
