package ftop.core.customer;

import ftop.core.Labelled;

/** The vertical (industry) that best matches the customer all-up. */
public enum Vertical implements Labelled {
    FINANCIAL_SERVICES("Financial Services"),
    GOVERNMENT("Government"),
    HEALTH_LIFE_SCIENCES("Health & Life Sciences"),
    MANUFACTURING("Manufacturing & Resources"),
    RETAIL_CONSUMER_GOODS("Retail & Consumer Goods"),
    EDUCATION("Education"),
    MEDIA_COMMUNICATIONS("Media & Communications"),
    PROFESSIONAL_SERVICES("Professional Services"),
    ENERGY("Power & Utilities"),
    TRAVEL_TRANSPORT("Travel & Transport"),
    OTHER("Other");

    private final String label;

    Vertical(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
