package ftop.sync.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sync in the background on one thread of its own: at start, every few minutes, shortly
 * after a local edit (debounced, so a burst of edits goes up in one push) and whenever the user
 * asks. While the server is unreachable or failing it retries with jittered exponential back-off;
 * when the server wants a new login it waits for {@link #syncNow()} (after the user signed in)
 * instead of knocking with a dead token. When the server's history turned out not to be the one the
 * workspace synced from (a {@link SyncException#RESYNC} failure) the fresh sync starts at once, its
 * message kept in the status until it has completed. Every change of state is published as a
 * {@link SyncStatus}.
 *
 * <p>Only one sync runs at a time: all work happens on the engine's thread.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    /**
     * How often and how patiently the engine syncs.
     *
     * @param interval     time between syncs while all is well
     * @param debounce     quiet time after the last local edit before it is pushed
     * @param maxDebounce  longest a stream of edits can hold the push back
     * @param backoffBase  ceiling of the first retry wait after a failure
     * @param backoffMax   ceiling of any retry wait
     */
    public record Options(Duration interval, Duration debounce, Duration maxDebounce, Duration backoffBase,
                          Duration backoffMax) {

        public Options {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(debounce, "debounce");
            Objects.requireNonNull(maxDebounce, "maxDebounce");
            Objects.requireNonNull(backoffBase, "backoffBase");
            Objects.requireNonNull(backoffMax, "backoffMax");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive: " + interval);
            }
            if (maxDebounce.compareTo(debounce) < 0) {
                throw new IllegalArgumentException("maxDebounce " + maxDebounce + " is shorter than debounce " + debounce);
            }
        }

        /** Every 5 minutes, 1.5 s after an edit, retries from 2 s up to 5 minutes apart. */
        public static Options defaults() {
            return new Options(Duration.ofMinutes(5), Duration.ofMillis(1500), Duration.ofSeconds(10),
                    Duration.ofSeconds(2), Duration.ofMinutes(5));
        }

        /** These options with another interval, e.g. from the user's settings. */
        public Options withInterval(Duration next) {
            return new Options(next, debounce, maxDebounce, backoffBase, backoffMax);
        }
    }

    private final SyncTarget target;
    private final Options options;
    private final Backoff backoff;
    private final ScheduledExecutorService executor;
    private final List<SyncStatusListener> listeners = new CopyOnWriteArrayList<>();

    // Touched only on the engine thread, apart from the volatile status.
    private volatile SyncStatus status;
    private ScheduledFuture<?> next;
    private Instant firstUnsyncedEdit;
    private boolean waitingForLogin;
    private volatile boolean closed;
    private boolean started;

    /** An engine with a random jitter source; call {@link #start()} to begin. */
    public SyncEngine(SyncTarget target, Options options) {
        this(target, options, new Random());
    }

    /** An engine with a given jitter source, so tests are repeatable. */
    public SyncEngine(SyncTarget target, Options options, Random jitter) {
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.backoff = new Backoff(options.backoffBase(), options.backoffMax(), jitter);
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ftop-sync");
            thread.setDaemon(true);
            return thread;
        });
        // Planned syncs die with the engine; they must not hold up close().
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
        this.status = SyncStatus.initial(0, 0, Optional.empty());
    }

    /** Subscribes to status changes; the listener is called at once with the current status. */
    public void addListener(SyncStatusListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        tell(listener, status);
    }

    /** Unsubscribes a listener added before. */
    public void removeListener(SyncStatusListener listener) {
        listeners.remove(listener);
    }

    /** The latest status. */
    public SyncStatus status() {
        return status;
    }

    /** Starts the schedule with a sync right away. Calling it again, or after {@link #close()}, does nothing. */
    public void start() {
        submit(() -> {
            if (started) {
                return;
            }
            started = true;
            target.onLocalEdit(() -> submit(this::localEdit));
            try {
                publish(counted(status).withLastSuccess(target.lastSuccess()));
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the time of the last sync", e);
            }
            scheduleIn(Duration.ZERO);
        });
    }

    /** Syncs as soon as the engine is free, whatever the back-off; use after "Sync now" or a new login. */
    public void syncNow() {
        submit(() -> {
            waitingForLogin = false;
            backoff.reset();
            scheduleIn(Duration.ZERO);
        });
    }

    /**
     * Stops the engine. A sync under way may finish its current step for a few seconds (every
     * step is safe to cut short, but letting a database write end on its own is kinder to the
     * workspace); after that it is interrupted.
     */
    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("The sync thread did not stop within 10 s");
                }
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Runnable work) {
        if (closed) {
            return;
        }
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            // Closed between the check and the call: nothing left to do.
        }
    }

    private void localEdit() {
        publish(counted(status));
        if (waitingForLogin || backoff.failures() > 0) {
            // Offline or failing: the back-off (or the next login) decides when to try again.
            return;
        }
        Instant now = Instant.now();
        if (firstUnsyncedEdit == null) {
            firstUnsyncedEdit = now;
        }
        Instant latest = firstUnsyncedEdit.plus(options.maxDebounce());
        Instant wanted = now.plus(options.debounce());
        if (wanted.isAfter(latest)) {
            wanted = latest;
        }
        scheduleIn(Duration.between(now, wanted));
    }

    private void scheduleIn(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        Duration wait = delay.isNegative() ? Duration.ZERO : delay;
        try {
            next = executor.schedule(this::runSync, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: no more syncs.
            next = null;
        }
    }

    private void runSync() {
        if (closed) {
            return;
        }
        next = null;
        firstUnsyncedEdit = null;
        try {
            boolean first = target.firstSync();
            publish(status.withState(SyncState.SYNCING).withProgress(first ? Optional.of(0.0) : Optional.empty()));
            target.sync(progress -> {
                if (first) {
                    publish(status.withProgress(Optional.of(progress)));
                }
            });
            backoff.reset();
            waitingForLogin = false;
            Instant when = target.lastSuccess().orElseGet(Instant::now);
            publish(counted(status).succeeded(when));
            scheduleIn(options.interval());
        } catch (SyncException e) {
            LOG.info("Sync failed ({}): {}", e.failure(), e.getMessage());
            publish(counted(status).failed(e));
            if (e.code().filter(SyncException.RESYNC::equals).isPresent()) {
                // The workspace is marked for a fresh sync: start it now, not after a back-off. The
                // message ("the workspace is being synced again...") stays in the status while it runs.
                scheduleIn(Duration.ZERO);
            } else if (e.failure() == SyncFailure.LOGIN_NEEDED) {
                waitingForLogin = true;
            } else {
                scheduleIn(backoff.nextDelay());
            }
        } catch (RuntimeException e) {
            // A bug or a local store problem: report it, keep the engine alive, retry later.
            LOG.error("Sync failed unexpectedly", e);
            publish(counted(status)
                    .failed(new SyncException(SyncFailure.SERVER_ERROR, "Sync failed: " + e.getMessage(), e)));
            scheduleIn(backoff.nextDelay());
        }
    }

    /** {@code base} with the outbox counts of now; the old counts when the workspace cannot say. */
    private SyncStatus counted(SyncStatus base) {
        try {
            return base.withCounts(target.pendingCount(), target.problemCount());
        } catch (RuntimeException e) {
            LOG.warn("Cannot count the pending changes", e);
            return base;
        }
    }

    private void publish(SyncStatus next) {
        if (next.equals(status)) {
            return;
        }
        status = next;
        for (SyncStatusListener listener : listeners) {
            tell(listener, next);
        }
    }

    private static void tell(SyncStatusListener listener, SyncStatus status) {
        try {
            listener.onStatus(status);
        } catch (RuntimeException e) {
            // One broken view must not stop sync for the whole workspace.
            LOG.warn("A sync status listener failed", e);
        }
    }
}
