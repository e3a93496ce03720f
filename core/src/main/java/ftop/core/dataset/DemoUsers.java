package ftop.core.dataset;

import ftop.core.customer.Region;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The people of the demo workspace. {@link #DEMO_USER} owns the demo portfolio: she is the
 * primary FastTrack Manager of every demo customer, and the desktop app signs in as her by default.
 * Every demo user signs in with {@link #DEMO_PASSWORD} when a server runs in demo mode.
 */
public final class DemoUsers {

    /** The password of every demo user on a server started in demo mode. */
    public static final String DEMO_PASSWORD = "demo";

    /** The FastTrack Manager whose portfolio the demo workspace is. */
    public static final String DEMO_USER = "megan.bowen";
    /** FastTrack Architect on the S500 demo customers. */
    public static final String ALEX_WILBER = "alex.wilber";
    /** FastTrack Manager working onboarding on some demo customers. */
    public static final String DIEGO_SICILIANI = "diego.siciliani";
    /** FastTrack Architect on some S500 demo customers. */
    public static final String ISAIAH_LANGER = "isaiah.langer";
    /** FastTrack Ready Partner on some demo customers. */
    public static final String LIDIA_HOLLOWAY = "lidia.holloway";
    /** Member of the assignment team, who makes and moves assignments. */
    public static final String LEE_GU = "lee.gu";
    /** Regional lead of the United States. */
    public static final String ADELE_VANCE = "adele.vance";
    /** FastTrack Manager in the SLT Watchlist group, who may set the winner flag. */
    public static final String PATTI_FERNANDEZ = "patti.fernandez";
    /** Administrator. */
    public static final String NESTOR_WILKE = "nestor.wilke";

    private static final List<User> ALL = List.of(
            user(DEMO_USER, "Megan Bowen", UserRole.FM, Optional.empty(), false),
            user(ALEX_WILBER, "Alex Wilber", UserRole.FTA, Optional.empty(), false),
            user(DIEGO_SICILIANI, "Diego Siciliani", UserRole.FM, Optional.empty(), false),
            user(ISAIAH_LANGER, "Isaiah Langer", UserRole.FTA, Optional.empty(), false),
            new User(LIDIA_HOLLOWAY, "Lidia Holloway", "lidia.holloway@fabrikampartners.com", Set.of(UserRole.PARTNER),
                    Optional.empty(), false),
            user(LEE_GU, "Lee Gu", UserRole.ASSIGNMENT_TEAM, Optional.empty(), false),
            user(ADELE_VANCE, "Adele Vance", UserRole.LEAD, Optional.of(Region.UNITED_STATES), false),
            user(PATTI_FERNANDEZ, "Patti Fernandez", UserRole.FM, Optional.empty(), true),
            user(NESTOR_WILKE, "Nestor Wilke", UserRole.ADMIN, Optional.empty(), false));

    private DemoUsers() {
    }

    /** Every demo user, the portfolio owner first. */
    public static List<User> all() {
        return ALL;
    }

    private static User user(String id, String name, UserRole role, Optional<Region> region, boolean slt) {
        return new User(id, name, id + "@microsoft.com", Set.of(role), region, slt);
    }
}
