package ftop.core.health;

import ftop.core.Labelled;

/** Overall Mindset of the Customer Perspective section. */
public enum OverallMindset implements Labelled {
    ALIGNED("Aligned"),
    AVERSE("Averse"),
    COMPETE("Compete");

    private final String label;

    OverallMindset(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
