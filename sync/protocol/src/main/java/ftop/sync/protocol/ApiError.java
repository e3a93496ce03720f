package ftop.sync.protocol;

/**
 * The body of every non-2xx answer.
 *
 * @param status  the HTTP status
 * @param error   a short code such as {@code bad_request}, {@code unauthorized}, {@code forbidden},
 *                {@code resync} (the caller's cursor is ahead of the server: it must sync afresh)
 * @param message what went wrong, for a person, naming the problem
 * @param field   the field or parameter concerned, if one is
 */
public record ApiError(int status, String error, String message, String field) {
}
