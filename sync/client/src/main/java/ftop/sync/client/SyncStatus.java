package ftop.sync.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the background sync, published to {@link SyncStatusListener}s after every change.
 *
 * @param state             online, offline, failing or syncing
 * @param failure           why the last sync failed; empty after a success
 * @param message           a sentence for the user about the failure; empty after a success
 * @param pendingCount      local edits not yet accepted by the server, including those in
 *                          {@code problemCount}
 * @param problemCount      edits the server answered with a conflict or a rejection, waiting for the
 *                          user to keep theirs, take the server's or discard
 * @param lastSuccess       when a sync last completed; empty if never
 * @param firstSyncProgress progress 0..1 of the first sync of a workspace; empty when no first sync
 *                          is running
 */
public record SyncStatus(
        SyncState state,
        Optional<SyncFailure> failure,
        Optional<String> message,
        int pendingCount,
        int problemCount,
        Optional<Instant> lastSuccess,
        Optional<Double> firstSyncProgress) {

    public SyncStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(firstSyncProgress, "firstSyncProgress");
        if (pendingCount < 0 || problemCount < 0) {
            throw new IllegalArgumentException("Counts must not be negative: " + pendingCount + ", " + problemCount);
        }
        firstSyncProgress = firstSyncProgress.map(p -> Math.max(0.0, Math.min(1.0, p)));
    }

    /** The status before the first sync attempt: offline until the server has answered. */
    public static SyncStatus initial(int pendingCount, int problemCount, Optional<Instant> lastSuccess) {
        return new SyncStatus(SyncState.OFFLINE, Optional.empty(), Optional.empty(), pendingCount, problemCount,
                lastSuccess, Optional.empty());
    }

    /** This status with another state; a failure is kept unless the new state is ONLINE. */
    public SyncStatus withState(SyncState next) {
        return next == SyncState.ONLINE
                ? new SyncStatus(next, Optional.empty(), Optional.empty(), pendingCount, problemCount, lastSuccess,
                        Optional.empty())
                : new SyncStatus(next, failure, message, pendingCount, problemCount, lastSuccess, firstSyncProgress);
    }

    /** This status after a failed sync: offline when the server cannot be reached, else failing. */
    public SyncStatus failed(SyncException e) {
        SyncState next = e.failure() == SyncFailure.UNREACHABLE ? SyncState.OFFLINE : SyncState.FAILING;
        return new SyncStatus(next, Optional.of(e.failure()), Optional.ofNullable(e.getMessage()), pendingCount,
                problemCount, lastSuccess, Optional.empty());
    }

    /** This status after a successful sync at {@code when}. */
    public SyncStatus succeeded(Instant when) {
        return new SyncStatus(SyncState.ONLINE, Optional.empty(), Optional.empty(), pendingCount, problemCount,
                Optional.of(when), Optional.empty());
    }

    /** This status with other counts of pending edits and of problems among them. */
    public SyncStatus withCounts(int pending, int problems) {
        return new SyncStatus(state, failure, message, pending, problems, lastSuccess, firstSyncProgress);
    }

    /** This status with another time of the last successful sync. */
    public SyncStatus withLastSuccess(Optional<Instant> when) {
        return new SyncStatus(state, failure, message, pendingCount, problemCount, when, firstSyncProgress);
    }

    /** This status with first-sync progress (empty when not a first sync). */
    public SyncStatus withProgress(Optional<Double> progress) {
        return new SyncStatus(state, failure, message, pendingCount, problemCount, lastSuccess, progress);
    }
}
