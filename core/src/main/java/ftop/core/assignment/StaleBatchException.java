package ftop.core.assignment;

import java.util.List;

/**
 * A batch could not be written because assignments it would overwrite changed since it was
 * previewed (an edit elsewhere, or a sync). Nothing was written; preview again.
 */
public class StaleBatchException extends IllegalStateException {

    private final List<String> customers;

    public StaleBatchException(String what, List<String> customers) {
        super(what + ": the assignments of " + String.join(", ", customers)
                + " changed since the preview, so nothing was written. Preview again to see them as they are now.");
        this.customers = List.copyOf(customers);
    }

    /** The customers whose assignments changed, by name (or TPID when unnamed). */
    public List<String> customers() {
        return customers;
    }
}
