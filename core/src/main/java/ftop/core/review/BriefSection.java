package ftop.core.review;

import ftop.core.Labelled;

/**
 * The parts of a customer brief, in the order the review meeting asks for them. Each part is a block of
 * editable text: lines, where a line starting with {@code "- "} is a bullet point.
 */
public enum BriefSection implements Labelled {
    OPENING("Health today and forecast"),
    /** What moved since the previous review; headed with that review's date ({@link CustomerBrief#heading}). */
    SINCE_REVIEW("Since the previous review"),
    RENEWALS("Subscription renewal dates"),
    BUSINESS("Cloud business reason and mindset"),
    HIGHLIGHTS("Highlights"),
    LOWLIGHTS("Lowlights"),
    RISKS("Risks, blockers and wins"),
    ASKS("Asks of FastTrack leadership");

    private final String label;

    BriefSection(String label) {
        this.label = label;
    }

    /** The heading printed above the section. */
    @Override
    public String label() {
        return label;
    }
}
