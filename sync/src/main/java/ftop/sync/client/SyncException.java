package ftop.sync.client;

import java.util.Objects;

/**
 * A sync step that failed. The {@link #failure() kind} decides what the engine does next
 * (back off, ask for a login, retry later); the message is meant for a person.
 */
public class SyncException extends Exception {

    private final SyncFailure failure;

    public SyncException(SyncFailure failure, String message) {
        this(failure, message, null);
    }

    public SyncException(SyncFailure failure, String message, Throwable cause) {
        super(message == null || message.isBlank() ? failure.advice() : message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** What kind of failure this is. */
    public SyncFailure failure() {
        return failure;
    }
}
