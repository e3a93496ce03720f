package ftop.core.store;

import java.nio.file.Path;

/**
 * Where the key of a workspace's encrypted file is kept: the system's credential store, a
 * passphrase the user types ({@link PassphraseKeys}), or memory ({@link MemoryWorkspaceKeys}, for
 * tests and measurements). {@link LocalStore#open(Path, java.time.Clock, WorkspaceKeys)} asks it
 * once per opening, after it holds the workspace's lock.
 */
public interface WorkspaceKeys {

    /**
     * The key of the workspace in {@code workspace}; a workspace that has none yet (a new one, or a
     * plain one about to be encrypted) is given a new one, kept before it is returned.
     *
     * @throws StoreException with a message for people when the key cannot be had (the credential
     *                        store cannot be reached, the person gave no passphrase)
     */
    WorkspaceKey key(Path workspace);

    /** Forgets the key of a workspace that was removed from the laptop; nothing when it has none. */
    void forget(Path workspace);
}
