package ftop.core.assignment;

import ftop.core.Labelled;

/** A role a user holds for a customer or tenant; which roles exist depends on the area. */
public enum Role implements Labelled {
    FM("FastTrack Manager"),
    FTA("FastTrack Architect"),
    FE("FastTrack Engineer"),
    FRP("FastTrack Ready Partner"),
    GATEWAY("Gateway"),
    SUCCESS_MANAGER("Customer Success Manager");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The FM and FTA roles can own a customer's health. */
    public boolean ownsHealth() {
        return this == FM || this == FTA;
    }
}
