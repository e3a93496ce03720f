package ftop.core.health;

import ftop.core.Labelled;

/** Customer Status of the Customer Progress section. */
public enum CustomerStatus implements Labelled {
    IN_PROGRESS("In Progress"),
    BLOCKED_BUSINESS("Blocked Business"),
    BLOCKED_TECHNICAL("Blocked Technical"),
    NO_INTENT("No Intent");

    private final String label;

    CustomerStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
