package ftop.core.contact;

import ftop.core.Labelled;

/** Which section of the Contacts widget a contact belongs to. */
public enum ContactKind implements Labelled {
    CUSTOMER("Customer"),
    MICROSOFT("Microsoft");

    private final String label;

    ContactKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
