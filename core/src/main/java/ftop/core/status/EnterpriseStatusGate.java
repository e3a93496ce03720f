package ftop.core.status;

import ftop.core.tenant.EnterpriseLevel;
import ftop.core.tenant.Tenant;
import java.util.Optional;

/**
 * The seed's rule that the "Is Enterprise" flag enables the Enterprise Status fields: a tenant whose
 * Is Enterprise flag is "No" shows no Enterprise Status fields, so no status note is saved on it
 * until someone sets the flag (Level 3 or Level 4) in the tenant's flags. The form greys its fields
 * out with {@link #disabledReason}, and the note's validation, which the store and the server both
 * run, refuses the note with the same words.
 */
public final class EnterpriseStatusGate {

    private EnterpriseStatusGate() {
    }

    /** True when {@code tenant}'s Is Enterprise flag is set, so its Enterprise Status fields are available. */
    public static boolean enabled(Tenant tenant) {
        return tenant.enterpriseLevel().isPresent();
    }

    /**
     * Why the Enterprise Status fields of {@code tenant} are not available, in the seed's words and
     * with what to do about it; empty when they are.
     */
    public static Optional<String> disabledReason(Tenant tenant) {
        if (enabled(tenant)) {
            return Optional.empty();
        }
        return Optional.of("Enterprise Status is not available on " + tenant.name() + " because its Is Enterprise flag "
                + "is \"No\". Change the Is Enterprise flag in the tenant's Flags first: "
                + EnterpriseLevel.LEVEL_3.label() + " for fewer than " + String.format("%,d", EnterpriseLevel.LEVEL_4_USERS)
                + " users, " + EnterpriseLevel.LEVEL_4.label() + " for " + String.format("%,d", EnterpriseLevel.LEVEL_4_USERS)
                + " or more.");
    }
}
