package ftop.core.health;

import ftop.core.Labelled;

/** The customer's primary business reason for purchasing Microsoft 365 licenses. */
public enum BusinessReason implements Labelled {
    MODERN_WORKPLACE("Modern workplace"),
    SECURITY_COMPLIANCE("Security and compliance"),
    COST_REDUCTION("Cost reduction"),
    TEAMWORK("Teamwork and collaboration"),
    MOBILITY("Mobility and remote work"),
    DATACENTER_EXIT("Datacenter exit"),
    MERGER_DIVESTITURE("Merger or divestiture"),
    OTHER("Other");

    private final String label;

    BusinessReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
