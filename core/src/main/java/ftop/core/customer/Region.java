package ftop.core.customer;

import ftop.core.Labelled;

/** The region a customer is assigned to for health activities. */
public enum Region implements Labelled {
    UNITED_STATES("United States"),
    CANADA("Canada"),
    LATIN_AMERICA("Latin America"),
    UNITED_KINGDOM("United Kingdom"),
    WESTERN_EUROPE("Western Europe"),
    CENTRAL_EASTERN_EUROPE("Central and Eastern Europe"),
    MIDDLE_EAST_AFRICA("Middle East and Africa"),
    ASIA("Asia"),
    GREATER_CHINA("Greater China"),
    JAPAN("Japan"),
    AUSTRALIA_NEW_ZEALAND("Australia and New Zealand");

    private final String label;

    Region(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
