package ftop.app.workspace;

import ftop.core.dataset.Dataset;
import ftop.core.store.LocalStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Workspaces for tests of views and view models: a data set loaded into a real local store in a
 * (temporary) folder, so the test takes the production path, store and all.
 */
public final class LoadedWorkspaces {

    /** The server revision the rows are loaded at, as if the first sync had brought them. */
    public static final long REVISION = 1;

    private LoadedWorkspaces() {
    }

    /**
     * Opens a store in {@code dir}, loads {@code data} into it as the server copy, and returns the
     * workspace of profile {@code profile} for {@code userId}. Close it when done.
     */
    public static StoreWorkspace load(Path dir, String profile, String userId, Dataset data, Clock clock) {
        LocalStore store = LocalStore.open(dir, clock);
        try {
            store.bulkLoad(data, REVISION);
            store.putSetting(StoreWorkspace.USER_SETTING, userId);
            return StoreWorkspace.attach(profile, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
