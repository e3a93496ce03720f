package ftop.app.workspace;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ftop.core.dataset.Dataset;
import ftop.core.health.HealthRules;

/** Opens the workspace of a profile. */
public final class Workspaces {

    /** The user of the demo workspace. */
    public static final String DEMO_USER = "megan.bowen";

    private Workspaces() {
    }

    /**
     * Opens the profile's workspace.
     *
     * <p>The local store is not wired in yet: until it is, the workspace is empty and kept in memory,
     * and the window says so ("in memory").
     */
    public static Workspace open(String profile, Optional<Path> directory, LocalDate today) {
        Dataset empty = new Dataset(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
        return new DatasetWorkspace(profile, DEMO_USER, empty, HealthRules.defaults());
    }
}
