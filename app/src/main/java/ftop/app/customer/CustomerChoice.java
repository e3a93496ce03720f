package ftop.app.customer;

/**
 * A customer as the picker lists it: name and TPID, so a person can find it by either.
 */
public record CustomerChoice(long tpid, String name) {

    @Override
    public String toString() {
        return name + " (" + tpid + ")";
    }
}
