package ftop.sync.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sync in the background: at start, every few minutes, shortly after a local edit
 * (debounced, so a burst of edits goes up in one push), whenever the user asks, and while online
 * as soon as the server has something new (a wait kept open on it, {@link LiveWatch}). While the
 * server is unreachable or failing it retries with jittered exponential back-off, waiting at least
 * as long as a busy server's {@code Retry-After} asks (but never longer than the back-off's
 * ceiling); when the server wants a new login it waits for {@link #syncNow()} (after the user
 * signed in) instead of knocking with a dead token. When the server's history turned out not to be the one the
 * workspace synced from (a {@link SyncException#RESYNC} failure) the fresh sync starts at once, its
 * message kept in the status until it has completed. Every change of state is published as a
 * {@link SyncStatus}.
 *
 * <p>Nothing stops the engine from planning its next sync: whatever a sync run throws (a failure, a
 * bug, even an {@link Error} such as running out of memory), it is reported in the status, which
 * never stays {@link SyncState#SYNCING}, and the next attempt is planned with the back-off.
 *
 * <p>Only one sync runs at a time: all work happens on the engine's {@link SyncScheduler}, a thread
 * of its own in the product, virtual time in tests.
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

        /**
         * Every 5 minutes (and at once when the server has something new, see {@link LiveWatch}),
         * 100 ms after a save (a burst of saves goes up in one push, at most 2 s after the first),
         * retries from 2 s up to 5 minutes apart. Only saves count as edits, never the drafts kept
         * while a person types.
         */
        public static Options defaults() {
            return new Options(Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofSeconds(2),
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
    private final SyncScheduler scheduler;
    private final Clock clock;
    private final List<SyncStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final LiveWatch live;

    // Touched only by the engine's tasks (one at a time), apart from the volatile status.
    private volatile SyncStatus status;
    private SyncScheduler.Planned next;
    private Instant firstUnsyncedEdit;
    private boolean waitingForLogin;
    private volatile boolean closed;
    private boolean started;

    /** An engine on a thread of its own with a random jitter source; call {@link #start()} to begin. */
    public SyncEngine(SyncTarget target, Options options) {
        this(target, options, new Random());
    }

    /** An engine on a thread of its own with a given jitter source, so the waits are repeatable. */
    public SyncEngine(SyncTarget target, Options options, Random jitter) {
        this(target, options, jitter, SyncScheduler.onOwnThread("ftop-sync"), Clock.systemUTC());
    }

    /**
     * An engine that plans its work on {@code scheduler} and reads the time from {@code clock}; tests
     * give both on virtual time. The engine closes the scheduler when it is closed.
     */
    public SyncEngine(SyncTarget target, Options options, Random jitter, SyncScheduler scheduler, Clock clock) {
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.backoff = new Backoff(options.backoffBase(), options.backoffMax(), jitter);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.status = SyncStatus.initial(0, 0, Optional.empty());
        this.live = liveWatch(jitter);
    }

    /** The wait for the server's changes kept open while online; something new starts a sync at once. */
    private LiveWatch liveWatch(Random jitter) {
        return new LiveWatch(target, scheduler, () -> scheduleIn(Duration.ZERO),
                new Backoff(options.backoffBase(), options.backoffMax(), jitter), options.interval());
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
     * workspace); after that it is interrupted. No sync is planned any more.
     */
    @Override
    public void close() {
        closed = true;
        live.close();
        scheduler.close();
    }

    private void submit(Runnable work) {
        if (!closed) {
            scheduler.schedule(Duration.ZERO, work);
        }
    }

    private void localEdit() {
        publish(counted(status));
        if (waitingForLogin || backoff.failures() > 0) {
            // Offline or failing: the back-off (or the next login) decides when to try again.
            return;
        }
        Instant now = clock.instant();
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
            next.cancel();
        }
        next = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, this::runSync);
    }

    private void runSync() {
        if (closed) {
            return;
        }
        next = null;
        firstUnsyncedEdit = null;
        try {
            syncOnce();
        } catch (Throwable t) {
            // A bug, a local store problem, or an Error (out of memory, a stack overflow): report
            // it and keep going. Nothing here may end the engine's schedule.
            LOG.error("Sync failed unexpectedly", t);
            publish(counted(status).failed(new SyncException(SyncFailure.SERVER_ERROR, unexpected(t), t)));
            scheduleIn(backoff.nextDelay());
        } finally {
            if (status.state() == SyncState.SYNCING) {
                // Only when reporting the failure failed in turn: never leave "Syncing" behind.
                publish(status.failed(new SyncException(SyncFailure.SERVER_ERROR,
                        "Sync stopped unexpectedly; your changes are kept and sync will try again.")));
            }
            if (next == null && !waitingForLogin && !closed) {
                scheduleIn(backoff.nextDelay());
            }
        }
    }

    /** One sync and what follows from its outcome: the status, and when to sync next. */
    private void syncOnce() {
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
            Instant when = target.lastSuccess().orElseGet(clock::instant);
            publish(counted(status).succeeded(when));
            scheduleIn(options.interval());
            live.resume();
            afterSync();
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
                // A busy server's Retry-After is waited at least, within the back-off's bounds.
                scheduleIn(e.retryAfter().map(backoff::nextDelay).orElseGet(backoff::nextDelay));
            }
        }
    }

    /**
     * The target's work after a successful sync: its failure is logged, never taken for the sync's.
     * The listeners are told the status again after it, so a view can show what it found (the
     * cache check's outcome) without waiting for the next sync.
     */
    private void afterSync() {
        try {
            target.afterSync();
        } catch (RuntimeException e) {
            LOG.warn("The work after a sync failed", e);
        }
        SyncStatus now = status;
        for (SyncStatusListener listener : listeners) {
            tell(listener, now);
        }
    }

    /** What a person reads when sync ran into something that is not the server's doing. */
    private static String unexpected(Throwable t) {
        String kept = " Your changes are kept and sync will try again.";
        if (t instanceof OutOfMemoryError) {
            return "Sync failed: this app ran out of memory while syncing." + kept
                    + " If this keeps happening, close other workspaces or restart the app.";
        }
        String detail = t.getMessage() == null || t.getMessage().isBlank()
                ? t.getClass().getSimpleName() : t.getMessage().strip();
        return "Sync failed: " + detail + (detail.endsWith(".") ? "" : ".") + kept;
    }

    /** {@code base} with the outbox counts of now; the old counts when the workspace cannot say. */
    private SyncStatus counted(SyncStatus base) {
        try {
            return base.withCounts(target.pendingCount(), target.problemCount());
        } catch (RuntimeException | Error e) {
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
        } catch (RuntimeException | Error e) {
            // One broken view must not stop sync for the whole workspace.
            LOG.warn("A sync status listener failed", e);
        }
    }
}
