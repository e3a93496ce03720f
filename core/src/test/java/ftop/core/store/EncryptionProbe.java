package ftop.core.store;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Run in a separate JVM by {@link EncryptionCrashTest} and killed there: opens the plain workspace
 * given as the first argument with {@link #KEYS}, which encrypts it, prints {@code OPENED} and
 * waits to be killed.
 */
public final class EncryptionProbe {

    /** The same key in every process, as a credential store would give it. */
    static final WorkspaceKeys KEYS = new WorkspaceKeys() {
        @Override
        public WorkspaceKey key(Path workspace) {
            byte[] bytes = new byte[WorkspaceKey.BYTES];
            Arrays.fill(bytes, (byte) 42);
            return WorkspaceKey.of(bytes);
        }

        @Override
        public void forget(Path workspace) {
        }
    };

    private EncryptionProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("OPENING");
        System.out.flush();
        LocalStore store = LocalStore.open(Path.of(args[0]), StoreTestData.CLOCK, KEYS);
        System.out.println("OPENED " + store.pendingCount());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
