package ftop.app.workspace;

import java.util.Optional;

/**
 * A place for secrets outside the workspace folder: the operating system's credential store
 * ({@link SystemCredentialStore}), or memory in tests. Entries are named by an account string.
 */
public interface CredentialStore {

    /** Whether secrets can be kept and read back here now (a headless Linux has no Secret Service). */
    boolean available();

    /**
     * The secret kept under {@code account}; empty when there is none.
     *
     * @throws CredentialStoreException when the store cannot be reached
     */
    Optional<String> get(String account);

    /** Keeps {@code secret} under {@code account}, replacing any earlier one. */
    void put(String account, String secret);

    /** Removes the secret under {@code account}; nothing when there is none. */
    void remove(String account);

    /** The credential store cannot be reached or refused the request. */
    final class CredentialStoreException extends RuntimeException {
        public CredentialStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
