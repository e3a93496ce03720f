package ftop.sync.server;

import java.sql.SQLException;

/**
 * No database connection could be given in time: every connection was busy and the queue of
 * requests waiting for one was full, or the wait passed its limit. An overload, not a fault: the
 * server answers 503 with {@code Retry-After} and the client tries again.
 */
final class DatabaseBusyException extends SQLException {

    private final int retryAfterSeconds;

    DatabaseBusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long the client should wait before trying again. */
    int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
