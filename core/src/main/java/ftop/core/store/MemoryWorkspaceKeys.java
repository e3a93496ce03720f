package ftop.core.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workspace keys kept in this process's memory only: a workspace encrypted with one can be opened
 * again by the same instance and by no other. For tests and start-up measurements; the desktop
 * keeps its keys in the system's credential store.
 */
public final class MemoryWorkspaceKeys implements WorkspaceKeys {

    private final Map<Path, WorkspaceKey> keys = new ConcurrentHashMap<>();

    @Override
    public WorkspaceKey key(Path workspace) {
        return keys.computeIfAbsent(normal(workspace), dir -> WorkspaceKey.random());
    }

    @Override
    public void forget(Path workspace) {
        keys.remove(normal(workspace));
    }

    /** Whether a key for {@code workspace} is kept. */
    public boolean holds(Path workspace) {
        return keys.containsKey(normal(workspace));
    }

    private static Path normal(Path workspace) {
        return workspace.toAbsolutePath().normalize();
    }
}
