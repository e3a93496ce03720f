package ftop.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftop.core.store.WorkspaceKeys;

/**
 * Removes a closed workspace from the laptop: its key from wherever it is kept (when it has one),
 * then the folder with the database, drafts, settings and logs in it.
 */
public final class WorkspaceRemoval {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceRemoval.class);

    private WorkspaceRemoval() {
    }

    /**
     * Removes the workspace in {@code directory}, whose store must be closed.
     *
     * @throws IOException when a file cannot be deleted; what was deleted stays deleted
     */
    public static void remove(Path directory, Optional<WorkspaceKeys> keys) throws IOException {
        try {
            keys.ifPresent(k -> k.forget(directory));
        } catch (RuntimeException e) {
            // the folder goes all the same: without it the key opens nothing
            LOG.warn("The key of the workspace {} could not be removed: {}", directory, e.getMessage());
        }
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        LOG.info("Removed the workspace {} from this computer", directory);
    }
}
