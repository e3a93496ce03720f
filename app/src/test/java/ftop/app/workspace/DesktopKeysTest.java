package ftop.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.core.store.LocalStore;
import ftop.core.store.PassphraseKeys;
import ftop.core.store.StoreException;
import ftop.core.store.WorkspaceKeyFile;

/**
 * The desktop's workspace keys: a random key in the credential store, found again through the
 * workspace's note; a passphrase where the store does not work; clear messages when the key is
 * gone or the store cannot be reached, with the workspace unchanged.
 */
class DesktopKeysTest {

    @TempDir
    Path dir;

    /** A credential store in memory that can be switched off. */
    private static final class FakeStore implements CredentialStore {
        final Map<String, String> entries = new HashMap<>();
        boolean reachable = true;

        @Override
        public boolean available() {
            return reachable;
        }

        @Override
        public Optional<String> get(String account) {
            check();
            return Optional.ofNullable(entries.get(account));
        }

        @Override
        public void put(String account, String secret) {
            check();
            entries.put(account, secret);
        }

        @Override
        public void remove(String account) {
            check();
            entries.remove(account);
        }

        private void check() {
            if (!reachable) {
                throw new CredentialStoreException("no D-Bus session", null);
            }
        }
    }

    private final FakeStore store = new FakeStore();
    private final PassphraseKeys passphrases = new PassphraseKeys((workspace, choosing, problem) ->
            Optional.of("a long enough passphrase".toCharArray()), 1_000);

    @Test
    void aNewWorkspaceGetsARandomKeyInTheCredentialStoreFoundAgainThroughItsNote() {
        DesktopKeys keys = new DesktopKeys(store, passphrases);
        try (LocalStore workspace = LocalStore.open(dir, Clock.systemUTC(), keys)) {
            workspace.putSetting("x", "y");
        }
        WorkspaceKeyFile note = WorkspaceKeyFile.read(dir).orElseThrow();
        assertThat(note.source()).isEqualTo(WorkspaceKeyFile.KEYRING);
        assertThat(store.entries).containsOnlyKeys(note.attributes().get(DesktopKeys.ENTRY));

        try (LocalStore workspace = LocalStore.open(dir, Clock.systemUTC(), new DesktopKeys(store, passphrases))) {
            assertThat(workspace.setting("x")).contains("y");
        }

        keys.forget(dir);
        assertThat(store.entries).isEmpty();
        assertThatThrownBy(() -> LocalStore.open(dir, Clock.systemUTC(), keys))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no longer in the system's credential store");
    }

    @Test
    void anUnreachableCredentialStoreIsSaidClearlyAndChangesNothing() {
        try (LocalStore workspace = LocalStore.open(dir, Clock.systemUTC(), new DesktopKeys(store, passphrases))) {
            workspace.putSetting("x", "y");
        }
        store.reachable = false;
        assertThatThrownBy(() -> LocalStore.open(dir, Clock.systemUTC(), new DesktopKeys(store, passphrases)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be reached now");
        store.reachable = true;
        try (LocalStore workspace = LocalStore.open(dir, Clock.systemUTC(), new DesktopKeys(store, passphrases))) {
            assertThat(workspace.setting("x")).contains("y");
        }
    }

    @Test
    void withoutACredentialStoreAPassphraseIsUsedAndKeptToLater() {
        store.reachable = false;
        try (LocalStore workspace = LocalStore.open(dir, Clock.systemUTC(), new DesktopKeys(store, passphrases))) {
            workspace.putSetting("x", "y");
        }
        assertThat(WorkspaceKeyFile.read(dir)).get().extracting(WorkspaceKeyFile::source).isEqualTo(WorkspaceKeyFile.PASSPHRASE);

        store.reachable = true;
        try (LocalStore workspace = LocalStore.open(dir, Clock.systemUTC(), new DesktopKeys(store, passphrases))) {
            assertThat(workspace.setting("x")).contains("y");
        }
        assertThat(store.entries).isEmpty();
    }
}
