package ftop.core.validation;

import ftop.core.tenant.Tenant;
import ftop.core.tenant.TenantOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of a tenant exception: a tenant the assignment team adds to FTOP by hand (seed: "a
 * tenant must be manually added ... the assignment team adds the tenant to FTOP"). The server's
 * {@code POST /tenants/exceptions} and the desktop's "Add tenant" dialog both check what was typed
 * here, so a person gets the same answer in either place:
 * <ul>
 *   <li>the tenant ID is a GUID and the TPID a positive whole number; the user count, when given,
 *       a whole number of zero or more (none means 0);</li>
 *   <li>the origin is a manual one: tenant exception or request for assistance (the commerce feed
 *       adds its own tenants);</li>
 *   <li>the tenant is not in FTOP yet: an exception only adds, it never overwrites;</li>
 *   <li>then every rule of a {@link Tenant} ({@link Validator}): a domain name, an existing customer.</li>
 * </ul>
 */
public final class TenantExceptions {

    private TenantExceptions() {
    }

    /**
     * What a person typed for a new tenant, as text.
     *
     * @param tenantId  the tenant ID (a GUID)
     * @param name      the tenant name, e.g. {@code contoso.onmicrosoft.com}
     * @param tpid      the customer's TPID
     * @param userCount licensed users; blank for 0
     * @param origin    how the tenant comes to FTOP
     */
    public record Entry(String tenantId, String name, String tpid, String userCount, TenantOrigin origin) {

        public Entry {
            tenantId = tenantId == null ? "" : tenantId.strip();
            name = name == null ? "" : name.strip();
            tpid = tpid == null ? "" : tpid.strip();
            userCount = userCount == null ? "" : userCount.strip();
        }
    }

    /**
     * The answer: the tenant to add, or every problem with the field it concerns ({@code tenantId},
     * {@code name}, {@code tpid}, {@code userCount}, {@code origin}).
     *
     * @param tenant   the new tenant when there are no problems
     * @param problems what is wrong; empty when the tenant may be added
     */
    public record Checked(Optional<Tenant> tenant, List<Problem> problems) {

        public Checked {
            Objects.requireNonNull(tenant, "tenant");
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Checks {@code entry} against the rules above and the data {@code context} knows. */
    public static Checked check(Entry entry, ValidationContext context) {
        Objects.requireNonNull(entry, "entry");
        List<Problem> problems = new ArrayList<>();
        UUID tenantId = null;
        if (entry.tenantId().isEmpty()) {
            problems.add(new Problem("tenantId", "Tenant ID is required: the GUID of the tenant, such as "
                    + "0f8fad5b-d9cb-469f-a165-70867728950e."));
        } else {
            try {
                tenantId = UUID.fromString(entry.tenantId());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("tenantId", "Tenant ID \"" + entry.tenantId() + "\" is not a tenant ID (a GUID "
                        + "such as 0f8fad5b-d9cb-469f-a165-70867728950e)."));
            }
        }
        Long tpid = number(problems, "tpid", "TPID", entry.tpid(), true);
        Long users = entry.userCount().isEmpty() ? Long.valueOf(0)
                : number(problems, "userCount", "User count", entry.userCount(), false);
        if (entry.origin() == null) {
            problems.add(new Problem("origin", "Choose how the tenant comes to FTOP: "
                    + TenantOrigin.TENANT_EXCEPTION.label() + " or " + TenantOrigin.REQUEST_FOR_ASSISTANCE.label() + "."));
        } else if (entry.origin() == TenantOrigin.COMMERCE_FEED) {
            problems.add(new Problem("origin", "A tenant added by hand is a " + TenantOrigin.TENANT_EXCEPTION.label()
                    + " or comes from a " + TenantOrigin.REQUEST_FOR_ASSISTANCE.label()
                    + "; the commerce feed adds its own tenants."));
        }
        if (tenantId != null) {
            context.tenant(tenantId).ifPresent(known -> problems.add(new Problem("tenantId", "Tenant " + known.name()
                    + " is already in FTOP (customer " + known.tpid() + ", origin " + known.origin().label()
                    + "); a tenant exception only adds a new tenant, change this one in the app.")));
        }
        if (!problems.isEmpty() || tenantId == null || tpid == null || users == null) {
            if (entry.name().isEmpty()) {
                problems.add(new Problem("name", "Tenant name is required, e.g. contoso.onmicrosoft.com."));
            }
            return new Checked(Optional.empty(), problems);
        }
        Tenant tenant = new Tenant(tenantId, entry.name(), tpid, false, Optional.empty(), Optional.empty(), users,
                entry.origin());
        problems.addAll(Validator.validate(tenant, context));
        return new Checked(problems.isEmpty() ? Optional.of(tenant) : Optional.empty(), problems);
    }

    private static Long number(List<Problem> problems, String field, String label, String text, boolean positive) {
        if (text.isEmpty()) {
            problems.add(new Problem(field, label + " is required."));
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(new Problem(field, label + " must be a whole number, not \"" + text + "\"."));
            return null;
        }
        if (positive ? value <= 0 : value < 0) {
            problems.add(new Problem(field, label + " must be " + (positive ? "positive" : "zero or more")
                    + ", not " + value + "."));
            return null;
        }
        return value;
    }
}
