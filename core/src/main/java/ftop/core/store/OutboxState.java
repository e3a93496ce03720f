package ftop.core.store;

/** Where an outbox entry stands. Applied entries leave the outbox, so they have no state. */
public enum OutboxState {
    /** Waiting to be pushed. */
    PENDING,
    /** The server found fields that someone else changed; the user picks keep mine or take theirs. */
    CONFLICT,
    /** The server refused the edit (validation or permission); the message says why. */
    REJECTED
}
