package ftop.sync.server;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.customer.Region;
import ftop.core.dataset.Dataset;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.core.validation.Contoso;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The server tests' data: the core {@link Contoso} fixture (Contoso in the United States,
 * Fabrikam in the United Kingdom) with people in every role that matters for permissions.
 * Everyone's password is {@link #PASSWORD}.
 */
final class World {

    static final String PASSWORD = "s3cret-pass";
    /**
     * The password hash's rounds in tests: signing in costs well under a millisecond instead of the
     * production setting's 215 ms of CPU, which the tests do not measure.
     */
    static final int PASSWORD_ITERATIONS = 1_000;

    static final User FM = Contoso.FM;                 // primary health FM of Contoso
    static final User FTA = Contoso.FTA;               // health FTA of Fabrikam
    static final User PARTNER = Contoso.PARTNER;       // partner on Contoso's second tenant only
    static final User OTHER_FM = user("adele.vance", "Adele Vance", Set.of(UserRole.FM), null, false);
    static final User US_LEAD = user("lynne.robbins", "Lynne Robbins", Set.of(UserRole.LEAD), Region.UNITED_STATES, false);
    static final User ASSIGNMENT_TEAM = user("joni.sherman", "Joni Sherman", Set.of(UserRole.ASSIGNMENT_TEAM), null, false);
    static final User ADMIN = user("admin", "Administrator", Set.of(UserRole.ADMIN), null, false);
    static final User SLT = user("nestor.wilke", "Nestor Wilke", Set.of(UserRole.FM), null, true);   // SLT group, onboarding FM of Contoso

    static final Assignment FTA_ON_FABRIKAM = new Assignment(UUID.fromString("00000000-0000-0000-0000-00000000e002"),
            Contoso.FABRIKAM_TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FTA, FTA.userId(), true,
            Set.of(Contoso.FABRIKAM_TENANT_ID), true);
    static final Assignment PARTNER_ON_SECOND = new Assignment(UUID.fromString("00000000-0000-0000-0000-00000000e003"),
            Contoso.TPID, AssignmentArea.PARTNER, Role.FRP, PARTNER.userId(), false, Set.of(Contoso.SECOND_TENANT_ID), false);
    static final Assignment SLT_ONBOARDING = new Assignment(UUID.fromString("00000000-0000-0000-0000-00000000e004"),
            Contoso.TPID, AssignmentArea.ONBOARDING, Role.FM, SLT.userId(), true, Set.of(), false);

    private World() {
    }

    static Dataset dataset() {
        return new Dataset(
                List.of(FM, FTA, PARTNER, OTHER_FM, US_LEAD, ASSIGNMENT_TEAM, ADMIN, SLT),
                List.of(Contoso.CUSTOMER, Contoso.FABRIKAM),
                List.of(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT, Contoso.FABRIKAM_TENANT),
                List.of(Contoso.health()),
                List.of(Contoso.note()),
                List.of(Contoso.CUSTOMER_CONTACT, Contoso.MICROSOFT_CONTACT, Contoso.FABRIKAM_CONTACT),
                List.of(Contoso.primaryFm(), FTA_ON_FABRIKAM, PARTNER_ON_SECOND, SLT_ONBOARDING),
                List.of(),
                List.of());
    }

    private static User user(String id, String name, Set<UserRole> roles, Region region, boolean slt) {
        return new User(id, name, id + "@microsoft.com", roles, Optional.ofNullable(region), slt);
    }
}
