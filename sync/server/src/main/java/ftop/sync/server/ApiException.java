package ftop.sync.server;

import ftop.sync.protocol.ApiError;

/**
 * A request the server refuses, with the answer to give: status, short code, a message naming
 * the problem and the field or parameter concerned. Thrown anywhere in request handling; the
 * server turns it into an {@link ApiError} body and nothing is changed.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final String field;
    private final long retryAfterSeconds;

    ApiException(int status, String error, String message, String field) {
        this(status, error, message, field, 0);
    }

    /**
     * The longest message an answer carries. Messages quote what the client sent; cut there, a bad
     * value of megabytes is not sent back whole.
     */
    static final int MESSAGE_LIMIT = 500;

    private ApiException(int status, String error, String message, String field, long retryAfterSeconds) {
        super(Http.shorten(message, MESSAGE_LIMIT));
        this.status = status;
        this.error = error;
        this.field = field == null ? null : Http.shorten(field, Http.ECHO_LIMIT);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: too many attempts; the client may try again after {@code retryAfterSeconds}. */
    static ApiException tooManyAttempts(String message, long retryAfterSeconds) {
        return new ApiException(429, "too_many_attempts", message, null, retryAfterSeconds);
    }

    /** The seconds to send as {@code Retry-After}; 0 for none. */
    long retryAfterSeconds() {
        return status == 503 && retryAfterSeconds == 0 ? 1 : retryAfterSeconds;
    }

    static ApiException badRequest(String message, String field) {
        return new ApiException(400, "bad_request", message, field);
    }

    /** 409 {@code client_behind}: the desktop's numbering went back; it sends again under a new client id. */
    static ApiException clientBehind(String message) {
        return new ApiException(409, "client_behind", message, null);
    }

    static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, null);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, null);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    ApiError toError() {
        return new ApiError(status, error, getMessage(), field);
    }

    int status() {
        return status;
    }
}
