package ftop.app.workspace;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import ftop.core.store.PassphraseKeys;
import ftop.core.store.StoreException;
import ftop.core.store.WorkspaceKey;
import ftop.core.store.WorkspaceKeyFile;
import ftop.core.store.WorkspaceKeys;

/**
 * The desktop's workspace keys: a random key kept in the operating system's credential store,
 * named in the workspace's {@link WorkspaceKeyFile} by an entry id of its own (so the folder may
 * move); where the system has no working credential store, a passphrase the person chooses
 * ({@link PassphraseKeys}). A workspace keeps the way it was given its key: one behind a
 * passphrase stays behind it when a credential store turns up later.
 */
public final class DesktopKeys implements WorkspaceKeys {

    static final String ENTRY = "entry";

    private final CredentialStore credentials;
    private final WorkspaceKeys passphrases;

    public DesktopKeys(CredentialStore credentials, WorkspaceKeys passphrases) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.passphrases = Objects.requireNonNull(passphrases, "passphrases");
    }

    /** The system's credential store, else passphrases asked with {@code prompt}. */
    public static DesktopKeys system(PassphraseKeys.Prompt prompt) {
        return new DesktopKeys(new SystemCredentialStore(), new PassphraseKeys(prompt));
    }

    @Override
    public WorkspaceKey key(Path workspace) {
        Optional<WorkspaceKeyFile> note = WorkspaceKeyFile.read(workspace);
        if (note.isPresent() && WorkspaceKeyFile.PASSPHRASE.equals(note.get().source())) {
            return passphrases.key(workspace);
        }
        if (note.isPresent()) {
            return kept(workspace, note.get());
        }
        if (!credentials.available()) {
            return passphrases.key(workspace);
        }
        String entry = "workspace " + UUID.randomUUID();
        WorkspaceKey key = WorkspaceKey.random();
        try {
            credentials.put(entry, key.encoded());
        } catch (CredentialStore.CredentialStoreException e) {
            throw new StoreException(e.getMessage() + " The workspace was not changed.", e);
        }
        new WorkspaceKeyFile(WorkspaceKeyFile.KEYRING, Map.of(ENTRY, entry)).write(workspace);
        return key;
    }

    private WorkspaceKey kept(Path workspace, WorkspaceKeyFile note) {
        if (!WorkspaceKeyFile.KEYRING.equals(note.source())) {
            throw new StoreException("The key note " + workspace.resolve(WorkspaceKeyFile.NAME)
                    + " names a key source this version does not know (" + note.source() + ").");
        }
        String entry = note.require(workspace, ENTRY);
        Optional<String> secret;
        try {
            secret = credentials.get(entry);
        } catch (CredentialStore.CredentialStoreException e) {
            throw new StoreException("The key of this workspace is kept in the system's credential store, which "
                    + "cannot be reached now: " + e.getMessage() + " Sign in to your desktop session (or unlock "
                    + "the keyring) and start FTOP again; the workspace was not changed.", e);
        }
        try {
            return WorkspaceKey.decode(secret.orElseThrow(() -> new StoreException("The key of this workspace is no "
                    + "longer in the system's credential store (entry \"" + entry + "\" of " + SystemCredentialStore.SERVICE
                    + "), so it cannot be opened. Edits that were synced are safe on the server: remove the folder "
                    + workspace + " and sign in again to start afresh.")));
        } catch (IllegalArgumentException e) {
            throw new StoreException("The key of this workspace in the system's credential store is damaged.", e);
        }
    }

    /** Removes the workspace's key from the credential store (its note goes with the folder). */
    @Override
    public void forget(Path workspace) {
        Optional<WorkspaceKeyFile> note = WorkspaceKeyFile.read(workspace);
        if (note.isPresent() && WorkspaceKeyFile.KEYRING.equals(note.get().source())) {
            String entry = note.get().attributes().get(ENTRY);
            if (entry != null) {
                credentials.remove(entry);
            }
        }
    }
}
