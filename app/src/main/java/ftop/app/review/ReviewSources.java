package ftop.app.review;

import java.util.concurrent.Callable;

import ftop.app.workspace.StoreWorkspace;
import ftop.app.workspace.Workspace;
import ftop.core.review.ReviewSource;
import ftop.core.review.StoreReviewSource;

/** Where review preparation reads its data: the workspace's local store, with the user's unsynced edits. */
public final class ReviewSources {

    private ReviewSources() {
    }

    /**
     * Reads a fresh snapshot of {@code workspace} each time it is called (in the background). A
     * workspace without a local store cannot be reviewed; the call then fails with a message saying so.
     */
    public static Callable<ReviewSource> of(Workspace workspace) {
        return () -> {
            if (workspace instanceof StoreWorkspace stored) {
                return StoreReviewSource.snapshot(stored.store());
            }
            throw new IllegalStateException("Review preparation reads the local store, and the workspace "
                    + workspace.profile() + " has none.");
        };
    }
}
