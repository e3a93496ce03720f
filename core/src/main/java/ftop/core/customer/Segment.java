package ftop.core.customer;

import ftop.core.Labelled;

/** The customer programme a TPID belongs to. The S500 is a subset of the S1500. */
public enum Segment implements Labelled {
    S500("S500"),
    S1500("S1500"),
    W2020("W2020"),
    OTHER("Other");

    private final String label;

    Segment(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** True for the S1500 and its S500 subset: the customers that get an assigned FM. */
    public boolean inS1500() {
        return this == S500 || this == S1500;
    }

    /** True for the S500, which also gets a FastTrack Architect. */
    public boolean needsArchitect() {
        return this == S500;
    }
}
