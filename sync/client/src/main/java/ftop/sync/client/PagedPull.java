package ftop.sync.client;

import ftop.core.change.EntityKind;
import ftop.core.store.LocalStore;
import ftop.core.store.RemoteRow;
import ftop.core.store.StoreException;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.RowChange;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the server's changes page by page, each applied in one store transaction with its cursor,
 * and notices when the server is no longer the history the cursor came from (then the workspace
 * syncs afresh). See {@link SyncClient#pull}.
 */
final class PagedPull {

    private static final Logger LOG = LoggerFactory.getLogger(PagedPull.class);

    private final ServerApi api;
    private final LocalStore store;
    private final int pageSize;
    private final IntSupplier unsyncedCount;

    PagedPull(ServerApi api, LocalStore store, int pageSize, IntSupplier unsyncedCount) {
        this.api = api;
        this.store = store;
        this.pageSize = pageSize;
        this.unsyncedCount = unsyncedCount;
    }

    /** Asks for one change after the cursor, only to learn whether the server is the history the cursor came from. */
    void probeServer(String token) throws SyncException {
        ChangesPage page;
        try {
            page = api.changes(token, store.cursor(), cursorEpoch(store.cursor()), 1);
        } catch (SyncException e) {
            throw resyncIfAhead(e);
        }
        confirmServer(page.serverId());
    }

    /**
     * Checks a page's server id against the one the cursor belongs to. A workspace that has none
     * (it synced before servers had ids, or is new) takes it; another one starts a fresh sync.
     */
    private void confirmServer(String serverId) throws SyncException {
        Optional<String> known = store.serverId();
        if (known.isEmpty()) {
            store.adoptServerId(serverId);
        } else if (!known.get().equals(serverId)) {
            throw startResync(serverId, 0, "The server's data was reset or this workspace now syncs with another server ("
                    + known.get() + " before, " + serverId + " now)");
        }
    }

    /** The server's 409 "resync" (the cursor is ahead of its history) starts a fresh sync; other failures pass. */
    private SyncException resyncIfAhead(SyncException e) {
        if (e.code().filter(SyncException.RESYNC::equals).isEmpty()) {
            return e;
        }
        // Which history the server now holds is not known from this answer (a reset database may
        // answer it too): the first page of the fresh pull tells, and is taken without question.
        return startResync(null, e.httpStatus().orElse(0),
                "The server is behind this workspace (restored from an older copy): " + e.getMessage());
    }

    /**
     * Marks the workspace for a fresh sync from {@code serverId} (rows stay visible, every unsynced
     * edit stays in the outbox) and says so in words; the next sync pulls everything again.
     */
    private SyncException startResync(String serverId, int httpStatus, String detail) {
        store.beginResync(serverId);
        LOG.warn("Syncing the workspace afresh: {}", detail);
        int unsynced = unsyncedCount.getAsInt();
        String kept = unsynced == 0 ? ""
                : unsynced == 1 ? " Your 1 unsynced edit is kept." : " Your " + unsynced + " unsynced edits are kept.";
        return new SyncException(SyncFailure.RESYNCING, httpStatus, SyncException.RESYNC,
                "The server's data was reset; the workspace is being synced again." + kept, null);
    }

    /**
     * Fetches everything that changed on the server since the workspace's cursor, page by page,
     * each page applied in one transaction with its new cursor.
     *
     * <p>Revisions only mean something in one server history. A page from another server id than
     * the cursor's (the database was reset, or the workspace points at another server), or the
     * server's 409 {@code resync} (its history is behind the cursor: restored from an older copy),
     * applies nothing and marks the workspace for a fresh sync from revision 0 ({@link
     * LocalStore#beginResync}); the SyncException says so. The fresh pull replaces the rows and,
     * once complete, removes those the server no longer has; the outbox keeps every edit.
     *
     * @param progress receives 0..1: how far the pull has come towards the server's revision at
     *                 its start
     */
    PullSummary pull(String token, DoubleConsumer progress) throws SyncException {
        return pull(token, progress, null);
    }

    /**
     * As {@link #pull(String, DoubleConsumer)}, taking {@code first} (when not null) as the first
     * page instead of fetching it: a page a wait for changes brought, from the workspace's cursor or
     * from a revision up to which the server had found nothing new for the user.
     */
    PullSummary pull(String token, DoubleConsumer progress, ChangesPage first) throws SyncException {
        DoubleConsumer report = progress == null ? p -> { } : progress;
        long start = store.cursor();
        long cursor = start;
        int pages = 0;
        int rows = 0;
        Set<Long> dropped = new LinkedHashSet<>();
        // The next page is fetched while this one is written to the workspace, so the server's
        // work and the local database's overlap; pages are still applied strictly in order.
        ExecutorService fetcher = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ftop-sync-fetch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<ChangesPage> ahead = first != null ? CompletableFuture.completedFuture(first)
                    : fetch(fetcher, token, cursor, cursorEpoch(cursor));
            ChangesPage page;
            do {
                try {
                    page = await(ahead);
                } catch (SyncException e) {
                    throw resyncIfAhead(e);
                }
                confirmServer(page.serverId());
                if (page.more()) {
                    ahead = fetch(fetcher, token, page.next(), Objects.requireNonNullElse(page.nextEpoch(), ""));
                }
                List<RemoteRow> remote = new ArrayList<>(page.changes().size());
                for (RowChange change : page.changes()) {
                    remote.add(remoteRow(change));
                }
                Set<Long> droppedHere = Set.copyOf(page.droppedCustomers());
                try {
                    // A page that brings nothing and leaves the cursor where it is (the usual answer
                    // of a sync with nothing new) writes nothing: each write is a commit to the file.
                    if (!remote.isEmpty() || !droppedHere.isEmpty() || page.next() != store.cursor() || store.resyncing()) {
                        store.applyPull(remote, droppedHere, page.next());
                    }
                    String epoch = page.next() + " " + Objects.requireNonNullElse(page.nextEpoch(), "");
                    if (!store.setting(SyncClient.CURSOR_EPOCH).orElse("").equals(epoch)) {
                        store.putSetting(SyncClient.CURSOR_EPOCH, epoch);
                    }
                } catch (StoreException e) {
                    if (causedBySql(e)) {
                        throw e;
                    }
                    throw new SyncException(SyncFailure.BAD_ANSWER, e.getMessage()
                            + " Nothing of that page was applied; sync will try again.", e);
                }
                cursor = page.next();
                pages++;
                rows += remote.size();
                dropped.addAll(droppedHere);
                long total = Math.max(1, page.serverRevision() - start);
                report.accept(page.more() ? Math.min(1.0, (double) (cursor - start) / total) : 1.0);
            } while (page.more());
        } finally {
            fetcher.shutdownNow();
        }
        // A fresh sync is complete: rows the server did not send again are gone from it.
        int gone = store.finishResync();
        if (gone > 0) {
            LOG.info("The fresh sync removed {} rows the server no longer has", gone);
        }
        return new PullSummary(pages, rows, dropped.size(), cursor);
    }

    private Future<ChangesPage> fetch(ExecutorService fetcher, String token, long since, String epoch) {
        return fetcher.submit(() -> api.changes(token, since, epoch, pageSize));
    }

    /** The epoch of {@code cursor} as the server gave it, or "" when the workspace has none for it. */
    private String cursorEpoch(long cursor) {
        String[] kept = store.setting(SyncClient.CURSOR_EPOCH).orElse("").split(" ", 2);
        return kept.length == 2 && kept[0].equals(Long.toString(cursor)) ? kept[1] : "";
    }

    /** The fetched page, or the fetch's own failure as if it had been made on this thread. */
    private static ChangesPage await(Future<ChangesPage> page) throws SyncException {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncFailure.UNREACHABLE, "Sync was interrupted; it will continue where it stopped.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SyncException sync) {
                throw new SyncException(sync.failure(), sync.httpStatus().orElse(0), sync.code().orElse(null),
                        sync.getMessage(), sync.retryAfter().orElse(null), sync);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static RemoteRow remoteRow(RowChange change) {
        // ServerApi.changes has checked the kind.
        EntityKind kind = EntityKind.fromWireName(change.kind()).orElseThrow();
        return new RemoteRow(kind, change.id(), change.tpid(), change.revision(), change.body(), change.changedBy(),
                change.changedAt());
    }

    private static boolean causedBySql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
