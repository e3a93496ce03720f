package ftop.sync.protocol;

/** What the server did with one mutation. */
public enum Outcome {
    /** Applied (possibly merged with others' changes to other fields); the row has a new revision. */
    APPLIED,
    /** Not applied: some fields were changed by someone else since the base revision. */
    CONFLICT,
    /** Not applied: the edit breaks a rule or the caller may not make it. */
    REJECTED
}
