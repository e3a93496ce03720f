package ftop.core.assignment;

import ftop.core.Labelled;
import java.util.List;

/** The area an assignment is made in; each area offers its own roles. */
public enum AssignmentArea implements Labelled {
    CUSTOMER_HEALTH("Customer Health", List.of(Role.FM, Role.FTA)),
    ONBOARDING("Onboarding", List.of(Role.FM, Role.FE, Role.FTA)),
    PARTNER("Partner", List.of(Role.FRP)),
    GATEWAY("Gateway", List.of(Role.GATEWAY)),
    ACCOUNT_TEAM("Account Team", List.of(Role.SUCCESS_MANAGER));

    private final String label;
    private final List<Role> roles;

    AssignmentArea(String label, List<Role> roles) {
        this.label = label;
        this.roles = roles;
    }

    @Override
    public String label() {
        return label;
    }

    /** The roles that can be assigned in this area, in the order the dialog lists them. */
    public List<Role> roles() {
        return roles;
    }

    public boolean offers(Role role) {
        return roles.contains(role);
    }
}
