package ftop.core.store;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link WorkspaceLockTest}: opens the workspace given as the first
 * argument, prints {@code OPENED} or the store's message, and exits.
 */
public final class OpenWorkspaceProbe {

    private OpenWorkspaceProbe() {
    }

    public static void main(String[] args) {
        try (LocalStore store = LocalStore.open(Path.of(args[0]))) {
            System.out.println("OPENED " + store.customers().count());
        } catch (StoreException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
    }
}
