package ftop.core.customer;

import ftop.core.Labelled;

/** The Customer Health lifecycle phases of the FastTrack methodology, in order. */
public enum LifecyclePhase implements Labelled {
    PRESALES("Presales"),
    ASSIGNMENT("Assignment"),
    INITIATE("Initiate"),
    ASSESS("Assess"),
    REMEDIATE("Remediate"),
    ENABLE("Enable"),
    MIGRATE("Migrate");

    private final String label;

    LifecyclePhase(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
