package ftop.sync.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A sync step that failed. The {@link #failure() kind} decides what the engine does next
 * (back off, ask for a login, retry later); the message is meant for a person.
 */
public class SyncException extends Exception {

    private final SyncFailure failure;
    private final int httpStatus;
    private final String code;
    private final Duration retryAfter;

    public SyncException(SyncFailure failure, String message) {
        this(failure, message, null);
    }

    public SyncException(SyncFailure failure, String message, Throwable cause) {
        this(failure, 0, message, cause);
    }

    /** A failure the server answered with an HTTP error status. */
    public SyncException(SyncFailure failure, int httpStatus, String message, Throwable cause) {
        this(failure, httpStatus, null, message, cause);
    }

    /**
     * A failure the server answered with an HTTP error status and an error code of its own
     * ({@link ftop.sync.protocol.ApiError#error()}, e.g. {@value #RESYNC}).
     */
    public SyncException(SyncFailure failure, int httpStatus, String code, String message, Throwable cause) {
        this(failure, httpStatus, code, message, null, cause);
    }

    /**
     * A failure the server answered with an HTTP error status, an error code and, in a {@code
     * Retry-After} header, when to try again ({@code retryAfter} null when it did not say).
     */
    public SyncException(SyncFailure failure, int httpStatus, String code, String message, Duration retryAfter,
                         Throwable cause) {
        super(message == null || message.isBlank() ? failure.advice() : message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.httpStatus = httpStatus;
        this.code = code == null || code.isBlank() ? null : code;
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
    }

    /**
     * The server's error code meaning the workspace's cursor does not fit the server's history (it
     * is ahead of the server's latest revision): the workspace must sync afresh.
     */
    public static final String RESYNC = "resync";

    /** The server's error code, when the failure is an error answer that had one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** When the server asked to be tried again (its {@code Retry-After} on 503 or 429), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The HTTP status the server answered with, when the failure is an error answer. */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** What kind of failure this is. */
    public SyncFailure failure() {
        return failure;
    }
}
