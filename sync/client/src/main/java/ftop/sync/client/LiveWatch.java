package ftop.sync.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one wait for the server's changes open while the workspace is online, so that a
 * colleague's save reaches it within moments instead of at the next interval: the wait (a
 * long-poll, {@link SyncTarget#awaitChanges}) blocks a thread of its own, and its outcome comes
 * back to the engine's {@link SyncScheduler}. Something new starts a sync ({@code pullNow}),
 * which resumes the wait when it succeeds; nothing new waits again at once.
 *
 * <p>Polling at the engine's interval stays the fall-back: against a server that answers at once
 * (an older one) the wait is tried again only after an interval; when a wait fails (the server is
 * down, a proxy cuts long requests) the next one waits out a growing back-off; when a login is
 * needed, the next successful sync resumes it.
 *
 * <p>{@link #resume()} and the outcomes run on the engine's scheduler, one at a time, so the
 * state needs no locks.
 */
final class LiveWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveWatch.class);

    /** How long one wait lasts: under the server's longest (30 s), and under common proxies' idle limits. */
    static final Duration WAIT = Duration.ofSeconds(25);

    private final SyncTarget target;
    private final SyncScheduler scheduler;
    private final Runnable pullNow;
    private final Backoff backoff;
    private final Duration retryUnsupported;

    private boolean waiting;
    private SyncScheduler.Planned retry;
    private ExecutorService calls;
    private volatile boolean closed;

    /**
     * @param pullNow          starts a sync; called on the scheduler when the server has something new
     * @param backoff          the waits between failed attempts
     * @param retryUnsupported how long a server that does not wait is polled before it is asked again
     */
    LiveWatch(SyncTarget target, SyncScheduler scheduler, Runnable pullNow, Backoff backoff, Duration retryUnsupported) {
        this.target = Objects.requireNonNull(target, "target");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.pullNow = Objects.requireNonNull(pullNow, "pullNow");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.retryUnsupported = Objects.requireNonNull(retryUnsupported, "retryUnsupported");
    }

    /** Opens a wait unless one is open, a retry is planned, or the target cannot wait. On the scheduler. */
    void resume() {
        if (closed || waiting || retry != null || !target.canAwaitChanges()) {
            return;
        }
        waiting = true;
        calls().execute(this::waitOnce);
    }

    /** True while a wait is open (read on the scheduler, or by tests). */
    boolean waiting() {
        return waiting;
    }

    private ExecutorService calls() {
        if (calls == null) {
            calls = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ftop-sync-live");
                thread.setDaemon(true);
                return thread;
            });
        }
        return calls;
    }

    /** On the wait's own thread: blocks, then hands the outcome to the scheduler. */
    private void waitOnce() {
        LiveOutcome outcome = null;
        SyncException failure = null;
        try {
            outcome = target.awaitChanges(WAIT);
        } catch (SyncException e) {
            failure = e;
        } catch (RuntimeException e) {
            if (closed) {
                // The engine was closed meanwhile, and the workspace with it: nobody waits for the outcome.
                return;
            }
            LOG.warn("Waiting for the server's changes failed unexpectedly", e);
            failure = new SyncException(SyncFailure.SERVER_ERROR, "Waiting for changes failed: " + e.getMessage(), e);
        }
        LiveOutcome answered = outcome;
        SyncException failed = failure;
        if (!closed) {
            scheduler.schedule(Duration.ZERO, () -> answered(answered, failed));
        }
    }

    private void answered(LiveOutcome outcome, SyncException failure) {
        waiting = false;
        if (closed) {
            return;
        }
        if (failure != null) {
            failed(failure);
            return;
        }
        backoff.reset();
        switch (outcome) {
            case CHANGED -> pullNow.run();
            case QUIET -> resume();
            case UNSUPPORTED -> {
                LOG.info("The server does not hold requests for changes; polling every {}", retryUnsupported);
                retryAfter(retryUnsupported);
            }
        }
    }

    private void failed(SyncException failure) {
        if (failure.failure() == SyncFailure.LOGIN_NEEDED) {
            // The next successful sync (after the user signed in) resumes the wait.
            return;
        }
        Duration wait = backoff.nextDelay();
        LOG.debug("Waiting for changes failed ({}); trying again in {}", failure.getMessage(), wait);
        retryAfter(wait);
    }

    private void retryAfter(Duration wait) {
        retry = scheduler.schedule(wait, () -> {
            retry = null;
            resume();
        });
    }

    @Override
    public void close() {
        closed = true;
        if (calls != null) {
            calls.shutdownNow();
        }
    }
}
