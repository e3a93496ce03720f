package ftop.core.tenant;

import ftop.core.Labelled;

/**
 * The "Is Enterprise" flag of a tenant, which enables the Enterprise Status fields.
 * Level 3 denotes fewer than 50,000 users; level 4 denotes 50,000 users or more.
 */
public enum EnterpriseLevel implements Labelled {
    LEVEL_3("Level 3"),
    LEVEL_4("Level 4");

    /** Users at which a tenant becomes level 4. */
    public static final int LEVEL_4_USERS = 50_000;

    private final String label;

    EnterpriseLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The level a tenant with {@code users} users should carry. */
    public static EnterpriseLevel forUserCount(long users) {
        return users >= LEVEL_4_USERS ? LEVEL_4 : LEVEL_3;
    }
}
