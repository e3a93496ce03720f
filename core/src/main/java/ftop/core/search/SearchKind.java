package ftop.core.search;

/**
 * The kinds of things one search finds, in the order their groups show.
 */
public enum SearchKind {
    CUSTOMER(1, "Customers"),
    TENANT(2, "Tenants"),
    CONTACT(3, "Contacts"),
    STATUS_NOTE(4, "Status notes");

    private final int code;
    private final String label;

    SearchKind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The number the search index stores for this kind; never reused for another kind. */
    public int code() {
        return code;
    }

    /** The group's heading, e.g. "Status notes". */
    public String label() {
        return label;
    }
}
