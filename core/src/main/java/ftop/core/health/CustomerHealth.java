package ftop.core.health;

import java.util.Objects;

/**
 * The health record of one customer, edited section by section by its assigned health FM/FTA.
 *
 * @param tpid        the customer
 * @param progress    the Customer Progress section
 * @param perspective the Customer Perspective section
 */
public record CustomerHealth(long tpid, CustomerProgress progress, CustomerPerspective perspective) {

    public CustomerHealth {
        progress = Objects.requireNonNullElseGet(progress, CustomerProgress::empty);
        perspective = Objects.requireNonNullElseGet(perspective, CustomerPerspective::empty);
    }

    /** A health record with nothing filled in yet. */
    public static CustomerHealth empty(long tpid) {
        return new CustomerHealth(tpid, CustomerProgress.empty(), CustomerPerspective.empty());
    }

    public CustomerHealth withProgress(CustomerProgress value) {
        return new CustomerHealth(tpid, value, perspective);
    }

    public CustomerHealth withPerspective(CustomerPerspective value) {
        return new CustomerHealth(tpid, progress, value);
    }
}
