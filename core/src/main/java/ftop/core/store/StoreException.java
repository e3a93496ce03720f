package ftop.core.store;

/**
 * The local store could not do what was asked: the workspace is open elsewhere, the disk failed,
 * or the row asked for does not exist. The message is meant for a person; the cause holds the
 * technical detail. When this is thrown from a write, nothing was changed.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
