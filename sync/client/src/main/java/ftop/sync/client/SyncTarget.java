package ftop.sync.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * What the {@link SyncEngine} drives: in the product a {@link SyncClient} on a local store; in
 * tests a scripted stand-in, so the scheduling can be checked without a server.
 */
public interface SyncTarget {

    /**
     * Sends local edits and fetches the server's changes.
     *
     * @param progress receives 0..1 while a first sync of an empty workspace runs
     */
    void sync(DoubleConsumer progress) throws SyncException;

    /** Local edits not yet accepted by the server, including those waiting for the user. */
    int pendingCount();

    /** Edits the server answered with a conflict or a rejection, waiting for the user to decide. */
    int problemCount();

    /** When a sync last completed, as recorded by the workspace. */
    Optional<Instant> lastSuccess();

    /** True while the workspace has never completed a sync, so the next one brings (almost) everything. */
    boolean firstSync();

    /** Calls {@code onEdit} after every local edit is committed, on the editing thread. */
    void onLocalEdit(Runnable onEdit);

    /**
     * Work that follows a successful sync once its status is out, on the sync's thread: checking the
     * workspace against the server now and then ({@link CacheCheck}). It reports its own problems;
     * the sync has succeeded whatever happens here.
     */
    default void afterSync() {
    }

    /** True when {@link #awaitChanges} can wait for the server's changes; false for a target that only syncs. */
    default boolean canAwaitChanges() {
        return false;
    }

    /**
     * Blocks until the server has something new for the workspace, or about {@code wait} passed
     * with nothing new. Safe to call while a sync runs on another thread: it changes nothing locally.
     *
     * @throws SyncException when the server cannot be asked (down, a proxy cut the wait, a login is needed)
     */
    default LiveOutcome awaitChanges(Duration wait) throws SyncException {
        return LiveOutcome.UNSUPPORTED;
    }
}
