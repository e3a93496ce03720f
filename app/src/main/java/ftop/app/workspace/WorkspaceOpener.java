package ftop.app.workspace;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Opens the workspace of a profile. Runs in the background: it may create a database and load the
 * demo data on first start.
 */
@FunctionalInterface
public interface WorkspaceOpener {

    /**
     * @param profile   the profile name
     * @param directory where the store lives; empty for the profile's default directory
     * @param today     the day used for generated demo data
     * @throws Exception with a message for people when the workspace cannot be opened
     */
    Workspace open(String profile, Optional<Path> directory, LocalDate today) throws Exception;
}
