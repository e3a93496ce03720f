package ftop.core.user;

import ftop.core.Labelled;

/** What a person does in FTOP; it decides what they may see and edit. */
public enum UserRole implements Labelled {
    FM("FastTrack Manager"),
    FTA("FastTrack Architect"),
    FE("FastTrack Engineer"),
    PARTNER("FastTrack Ready Partner"),
    GATEWAY("Gateway"),
    ASSIGNMENT_TEAM("Assignment team"),
    LEAD("Regional lead"),
    ADMIN("Administrator");

    private final String label;

    UserRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
