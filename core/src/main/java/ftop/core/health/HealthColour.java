package ftop.core.health;

import ftop.core.Labelled;

/**
 * A health colour, from worst to best. Declaration order is the order of health, so
 * {@code compareTo} says which of two colours is healthier.
 */
public enum HealthColour implements Labelled {
    RED("Red"),
    YELLOW("Yellow"),
    GREEN("Green"),
    BLUE("Blue");

    private final String label;

    HealthColour(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Red and Yellow customers are reviewed every two weeks; Green and Blue quarterly. */
    public boolean needsAttention() {
        return this == RED || this == YELLOW;
    }

    public boolean isBetterThan(HealthColour other) {
        return compareTo(other) > 0;
    }
}
