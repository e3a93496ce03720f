package ftop.sync.server;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clients waiting for changes ({@code GET /changes?wait=}), woken by the commits that touch
 * what they see. A waiter holds no thread: it is a future, completed by the commit's
 * {@link ChangeNotice} (true) or its timeout (false); what follows runs on {@link #workers()}, a
 * few threads whatever the number of waiters.
 *
 * <p>No commit is missed between a waiter's pull and its registration: the recent notices are
 * kept, and a waiter that registers after a notice later than the revision its pull read is woken
 * at once (as it is when that notice has already been forgotten).
 */
final class LiveChanges implements AutoCloseable {

    /** Notices kept for waiters registering just after them. */
    static final int RECENT = 1024;

    private final Object lock = new Object();
    private final Set<Waiter> waiters = new HashSet<>();
    private final ArrayDeque<ChangeNotice> recent = new ArrayDeque<>();
    /** The latest revision of a notice no longer in {@link #recent}. */
    private long forgottenUpTo;
    private boolean closed;
    private final ScheduledThreadPoolExecutor timerThread;
    private final Timer timer;
    private final ThreadPoolExecutor workers;
    private final AtomicInteger held = new AtomicInteger();

    /** Runs a waiter's timeout; tests give one they fire themselves. */
    @FunctionalInterface
    interface Timer {
        /** Runs {@code task} once {@code delay} has passed, unless the returned handle is run first (to cancel). */
        Runnable schedule(Runnable task, Duration delay);
    }

    /** @param workerThreads threads that answer woken waiters (each answer may read the database) */
    LiveChanges(int workerThreads) {
        this(workerThreads, null);
    }

    /**
     * @param workerThreads threads that answer woken waiters (each answer may read the database)
     * @param timer         runs the timeouts; null for a thread of its own
     */
    LiveChanges(int workerThreads, Timer timer) {
        timerThread = new ScheduledThreadPoolExecutor(1, daemons("ftop-live-timer"));
        timerThread.setRemoveOnCancelPolicy(true);
        this.timer = timer != null ? timer : (task, delay) -> {
            ScheduledFuture<?> planned = timerThread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> planned.cancel(false);
        };
        workers = new ThreadPoolExecutor(workerThreads, workerThreads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemons("ftop-live"));
        workers.allowCoreThreadTimeOut(true);
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Where woken waiters are answered. */
    ExecutorService workers() {
        return workers;
    }

    /**
     * Counts {@code request} as held until its answer is complete (written, or the connection
     * failed), so that a stopping server lets the answers of its waiters out before it closes.
     */
    void holding(AsyncContext request) {
        held.incrementAndGet();
        request.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                held.decrementAndGet();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                // Completed after, by the framework: counted then.
            }

            @Override
            public void onError(AsyncEvent event) {
                // Completed after, by the framework: counted then.
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // Not restarted.
            }
        });
    }

    /** Held requests whose answer is not complete yet (waiting, or being answered). */
    int held() {
        return held.get();
    }

    /** How many clients wait now. */
    int waiting() {
        synchronized (lock) {
            return waiters.size();
        }
    }

    /**
     * Waits until a commit after revision {@code seenUpTo} touches {@code userId}'s scope (the
     * customers {@code scope}, sorted), or {@code timeout} passes.
     *
     * @return a future completed with true when woken by a commit, false on timeout or when the
     *         server stops
     */
    CompletableFuture<Boolean> await(String userId, long[] scope, long seenUpTo, Duration timeout) {
        Waiter waiter = new Waiter(userId, scope, seenUpTo);
        synchronized (lock) {
            if (closed) {
                waiter.future.complete(false);
                return waiter.future;
            }
            if (forgottenUpTo > seenUpTo || recent.stream().anyMatch(waiter::wokenBy)) {
                waiter.future.complete(true);
                return waiter.future;
            }
            waiters.add(waiter);
            waiter.timeout = timer.schedule(() -> expire(waiter), timeout);
        }
        return waiter.future;
    }

    /** Wakes the waiters {@code notice} touches; kept a while for those about to register. */
    void publish(ChangeNotice notice) {
        List<Waiter> woken = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            recent.addLast(notice);
            if (recent.size() > RECENT) {
                forgottenUpTo = Math.max(forgottenUpTo, recent.removeFirst().revision());
            }
            for (Waiter waiter : waiters) {
                if (waiter.wokenBy(notice)) {
                    woken.add(waiter);
                }
            }
            woken.forEach(waiters::remove);
        }
        for (Waiter waiter : woken) {
            waiter.timeout.run();
            waiter.future.complete(true);
        }
    }

    private void expire(Waiter waiter) {
        synchronized (lock) {
            if (!waiters.remove(waiter)) {
                return;
            }
        }
        waiter.future.complete(false);
    }

    /** Answers every waiter as timed out (the server is stopping); later ones are answered at once. */
    @Override
    public void close() {
        List<Waiter> all;
        synchronized (lock) {
            closed = true;
            all = new ArrayList<>(waiters);
            waiters.clear();
        }
        all.forEach(waiter -> waiter.future.complete(false));
        timerThread.shutdownNow();
        workers.shutdown();
    }

    /** One waiting request. */
    private static final class Waiter {
        final String userId;
        final long[] scope;
        final long seenUpTo;
        final CompletableFuture<Boolean> future = new CompletableFuture<>();
        Runnable timeout;

        Waiter(String userId, long[] scope, long seenUpTo) {
            this.userId = userId;
            this.scope = scope;
            this.seenUpTo = seenUpTo;
        }

        boolean wokenBy(ChangeNotice notice) {
            return notice.revision() > seenUpTo && notice.touches(userId, scope);
        }
    }
}
