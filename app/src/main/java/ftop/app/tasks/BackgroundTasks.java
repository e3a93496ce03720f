package ftop.app.tasks;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.application.Platform;

/**
 * The one place where the app does slow work: store reads and writes, file and network I/O.
 * Work runs on a background executor; its success and failure handlers come back on the FX thread,
 * so views only ever touch their controls from there.
 *
 * <p>The production executor has a single thread on purpose: every database call then happens in
 * the order the user caused it, so a read started after a save sees that save.
 *
 * <p>Tests may build one with {@link #immediate()}, which runs the work and its handlers at once on
 * the calling thread, so a view model can be tested without a window or waiting.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final Executor worker;
    private final Executor uiThread;
    private final ExecutorService owned;

    private BackgroundTasks(Executor worker, Executor uiThread,
            ExecutorService owned) {
        this.worker = worker;
        this.uiThread = uiThread;
        this.owned = owned;
    }

    /** The app's executor: one daemon thread for I/O, handlers on the FX application thread. */
    public static BackgroundTasks create() {
        return create("ftop-io");
    }

    /**
     * Another single-thread executor, for work that must not wait behind the app's own nor hold it
     * up, such as calls to a server that may be slow to answer; handlers on the FX thread.
     *
     * @param name the thread's name, for logs and thread dumps
     */
    public static BackgroundTasks create(String name) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new BackgroundTasks(executor, Platform::runLater, executor);
    }

    /**
     * Runs work on {@code worker} and handlers on {@code uiThread}; for tests that hold work back
     * to run it in an order of their choosing (e.g. a slow query answering after a later one).
     */
    public static BackgroundTasks on(Executor worker, Executor uiThread) {
        return new BackgroundTasks(Objects.requireNonNull(worker, "worker"), Objects.requireNonNull(uiThread, "uiThread"),
                null);
    }

    /** Runs work and handlers at once on the calling thread; for tests of view models. */
    public static BackgroundTasks immediate() {
        return new BackgroundTasks(Runnable::run, Runnable::run, null);
    }

    /**
     * Runs {@code work} in the background, then {@code onSuccess} with its result or
     * {@code onFailure} with what it threw, on the FX thread.
     *
     * @return completes (on the FX thread) after the handler ran; lets callers chain or wait
     */
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onFailure, "onFailure");
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            worker.execute(() -> runNow(work, onSuccess, onFailure, done));
        } catch (RejectedExecutionException e) {
            // the app is shutting down: the work is dropped, as the window that wanted it is gone
            LOG.debug("Background task dropped at shutdown");
            done.completeExceptionally(e);
        }
        return done;
    }

    private <T> void runNow(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure,
            CompletableFuture<T> done) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            LOG.warn("Background task failed", e);
            uiThread.execute(() -> {
                try {
                    onFailure.accept(e);
                } finally {
                    done.completeExceptionally(e);
                }
            });
            return;
        }
        uiThread.execute(() -> {
            try {
                onSuccess.accept(result);
                done.complete(result);
            } catch (Throwable e) {
                LOG.warn("Handler of a background task failed", e);
                done.completeExceptionally(e);
            }
        });
    }

    /** Runs {@code work} in the background with nothing to report on success. */
    public CompletableFuture<Void> run(Runnable work, Consumer<? super Throwable> onFailure) {
        return run(() -> {
            work.run();
            return null;
        }, ignored -> { }, onFailure);
    }

    /** Stops taking work and waits briefly for what is running, so the store can close cleanly. */
    @Override
    public void close() {
        if (owned != null) {
            owned.shutdown();
            try {
                if (!owned.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("Background work still running at shutdown");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
