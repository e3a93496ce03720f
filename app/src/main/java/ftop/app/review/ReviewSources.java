package ftop.app.review;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import ftop.app.workspace.Workspace;
import ftop.core.review.ReviewSource;
import ftop.core.review.StoreReviewSource;

/** Where review preparation reads its data: the workspace's local store, with the user's unsynced edits. */
public final class ReviewSources {

    private ReviewSources() {
    }

    /** Where the meeting being prepared is kept between sessions: beside the workspace's local store. */
    public static Optional<Path> draftFile(Workspace workspace) {
        return Optional.of(workspace.reads().directory().resolve("review-draft.json"));
    }

    /**
     * Reads a fresh snapshot of {@code workspace} each time it is called (in the background). A
     * workspace without a local store cannot be reviewed; the call then fails with a message saying so.
     */
    public static Callable<ReviewSource> of(Workspace workspace) {
        return () -> StoreReviewSource.snapshot(workspace.reads());
    }
}
