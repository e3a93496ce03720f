package ftop.sync.client;

import ftop.core.change.EntityKind;
import ftop.core.change.FieldChange;
import ftop.core.store.ConflictField;
import ftop.core.store.LocalStore;
import ftop.core.store.Outbox;
import ftop.core.store.OutboxEntry;
import ftop.core.store.RemoteRow;
import ftop.core.store.StoreException;
import ftop.core.store.WorkspaceOwner;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.FieldConflict;
import ftop.sync.protocol.HistoryEntry;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.RowChange;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one local workspace with the central server: signs in (keeping the token, never the
 * password, in the workspace settings), pushes the outbox and pulls the server's changes.
 *
 * <p>Safe at every step: a push records each answer as it comes, and the server applies a
 * mutation id only once, so a push cut short is simply repeated; each pulled page is applied in
 * one store transaction together with the new cursor, so a pull cut short resumes where it
 * stopped. An answer that cannot be read changes nothing locally. Calls block; run them off the
 * UI thread (the {@link SyncEngine} does).
 */
public final class SyncClient implements SyncTarget {

    private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);

    /** Setting: the server's base URL. */
    public static final String SERVER_URL = "sync.serverUrl";
    /** Setting: the bearer token of the current session; absent when signed out. */
    public static final String TOKEN = "sync.token";
    /** Setting: when the token expires (ISO instant). */
    public static final String TOKEN_EXPIRES_AT = "sync.tokenExpiresAt";
    /** Setting: the signed-in user's id; the workspace holds that user's view of the data. */
    public static final String USER_ID = WorkspaceOwner.SETTING;
    /** Setting: the signed-in user's display name. */
    public static final String DISPLAY_NAME = "sync.displayName";
    /** Setting: the signed-in user's roles, comma-separated. */
    public static final String ROLES = "sync.roles";
    /** Setting: when a sync last completed (ISO instant). */
    public static final String LAST_SUCCESS = "sync.lastSuccess";
    /**
     * Setting: "REVISION EPOCH", the epoch of the server's revision history the cursor belongs to
     * (see {@link ChangesPage#nextEpoch}); sent back only while REVISION is still the cursor.
     */
    public static final String CURSOR_EPOCH = "sync.cursorEpoch";

    /**
     * Rows per pulled page: the server's largest. Each page costs the server a query over
     * everything after the cursor, so few big pages beat many small ones; 5,000 rows are a few
     * megabytes of JSON, which keeps memory flat.
     */
    public static final int DEFAULT_PAGE_SIZE = 5000;

    /** History entries per fetched page; a year of a customer's usage is a few hundred. */
    static final int HISTORY_PAGE_SIZE = 1000;

    private final HttpUrl server;
    private final ServerApi api;
    private final LocalStore store;
    private final int pageSize;
    private final Clock clock;
    // Threads running a sync, so the store changes they make are not taken for user edits.
    private final Set<Thread> syncThreads = ConcurrentHashMap.newKeySet();

    /** A client for {@code server} with default timeouts and page size. */
    public SyncClient(HttpUrl server, LocalStore store) {
        this(server, store, ServerApi.defaultHttpClient(), DEFAULT_PAGE_SIZE, Clock.systemUTC());
    }

    /**
     * @param server   the server's base URL (the API is under {@code /api/v1})
     * @param store    the workspace to sync
     * @param http     the HTTP client (timeouts, connection pool)
     * @param pageSize rows per pulled page, 1 to 5000
     * @param clock    decides when a token has expired and what time a sync completed
     */
    public SyncClient(HttpUrl server, LocalStore store, OkHttpClient http, int pageSize, Clock clock) {
        this(new ServerApi(server, http, ServerApi.DEFAULT_MAX_ANSWER_BYTES, clock), store, pageSize, clock);
    }

    /**
     * @param api      the server's API, with its HTTP client and the largest answer it reads
     * @param store    the workspace to sync
     * @param pageSize rows per pulled page, 1 to 5000
     * @param clock    decides when a token has expired and what time a sync completed
     */
    public SyncClient(ServerApi api, LocalStore store, int pageSize, Clock clock) {
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("pageSize must be 1 to 5000: " + pageSize);
        }
        this.api = Objects.requireNonNull(api, "api");
        this.server = api.serverUrl();
        this.store = Objects.requireNonNull(store, "store");
        this.pageSize = pageSize;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A client for the server this workspace last signed in to, if it has one.
     *
     * @throws IllegalStateException when the stored URL is not a URL (the workspace was edited by hand)
     */
    public static Optional<SyncClient> forWorkspace(LocalStore store) {
        Optional<String> url = store.setting(SERVER_URL).filter(s -> !s.isBlank());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        HttpUrl parsed = HttpUrl.parse(url.get());
        if (parsed == null) {
            throw new IllegalStateException("The workspace's server address \"" + url.get() + "\" is not a URL.");
        }
        return Optional.of(new SyncClient(parsed, store));
    }

    /** The server's base URL. */
    public HttpUrl server() {
        return server;
    }

    /** The workspace this client syncs. */
    public LocalStore store() {
        return store;
    }

    /**
     * Signs in and keeps the session token in the workspace. A workspace holds one user's view of
     * the data, so signing in as someone else to a workspace that has already synced is refused.
     *
     * @throws SyncException LOGIN_NEEDED for a wrong user name or password (with the server's
     *                       message) or for another user's workspace; UNREACHABLE, SERVER_ERROR,
     *                       BAD_ANSWER as for any call
     */
    public LoginResponse login(String userName, String password) throws SyncException {
        if (userName == null || userName.isBlank()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Please enter your user name.");
        }
        if (password == null || password.isEmpty()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Please enter your password.");
        }
        LoginResponse response = api.login(userName.trim(), password);
        Optional<String> owner = store.setting(USER_ID).filter(s -> !s.isBlank());
        if (owner.isPresent() && !owner.get().equals(response.userId()) && store.cursor() > 0) {
            // Do not mix two people's data (and outboxes) in one cache; end the session just made.
            try {
                api.logout(response.token());
            } catch (SyncException ignored) {
                // The token expires on its own.
            }
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "This workspace belongs to " + owner.get()
                    + ". Sign in as " + owner.get() + ", or use another workspace for " + response.userId() + ".");
        }
        store.putSetting(SERVER_URL, server.toString());
        store.putSetting(TOKEN, response.token());
        if (response.expiresAt() == null) {
            store.removeSetting(TOKEN_EXPIRES_AT);
        } else {
            store.putSetting(TOKEN_EXPIRES_AT, response.expiresAt().toString());
        }
        store.putSetting(USER_ID, response.userId());
        store.putSetting(DISPLAY_NAME, response.displayName() == null ? response.userId() : response.displayName());
        store.putSetting(ROLES, String.join(",", response.roles().stream().map(Enum::name).toList()));
        return response;
    }

    /**
     * Ends the session: the server forgets the token (when it can be reached) and the workspace
     * forgets it in any case. Pending edits stay for the next sign-in.
     */
    public void logout() {
        Optional<String> token = currentToken();
        store.removeSetting(TOKEN);
        store.removeSetting(TOKEN_EXPIRES_AT);
        if (token.isPresent()) {
            try {
                api.logout(token.get());
            } catch (SyncException e) {
                // Signed out locally; an unreachable server lets the token expire by itself.
            }
        }
    }

    /** True while the workspace holds a session token that has not expired. */
    public boolean signedIn() {
        return currentToken().isPresent() && !expired();
    }

    /**
     * Pushes the outbox, then pulls the server's changes, and records the time on success.
     *
     * <p>Edits are only sent to the server history the workspace synced from: with edits waiting,
     * the server is first asked for one row after the cursor, which tells whether it is still that
     * history. When it is not (see {@link #pull}), the workspace syncs afresh before anything is
     * sent, and the edits go after, on top of the fresh rows.
     *
     * @throws SyncException as {@link #push} and {@link #pull}; SERVER_ERROR saying so in words when
     *                       the server turned out to be reset or another one (the next sync is the
     *                       fresh one)
     */
    @Override
    public void sync(DoubleConsumer progress) throws SyncException {
        runAsSync(() -> {
            if (!store.resyncing() && store.outbox().pendingCount() > 0) {
                probeServer(token());
            }
            if (store.resyncing()) {
                pull(progress);
            }
            push();
            pull(progress);
            store.putSetting(LAST_SUCCESS, clock.instant().toString());
            return null;
        });
    }

    /** Asks for one change after the cursor, only to learn whether the server is the history the cursor came from. */
    private void probeServer(String token) throws SyncException {
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
        int unsynced = pendingCount();
        String kept = unsynced == 0 ? ""
                : unsynced == 1 ? " Your 1 unsynced edit is kept." : " Your " + unsynced + " unsynced edits are kept.";
        return new SyncException(SyncFailure.RESYNCING, httpStatus, SyncException.RESYNC,
                "The server's data was reset; the workspace is being synced again." + kept, null);
    }

    /**
     * Sends pending edits in batches of at most {@value MutationBatch#MAX_SIZE}, oldest first,
     * recording each answer in the outbox as soon as its batch is answered. When the server
     * refuses a whole batch as malformed, the edits go again one by one, so that only the edit
     * at fault is marked rejected (with the server's message, for the user to see) and the others
     * still reach the server.
     */
    public PushSummary push() throws SyncException {
        return runAsSync(() -> {
            String token = token();
            Outbox outbox = store.outbox();
            Set<UUID> sent = new HashSet<>();
            int[] counts = new int[3];
            while (true) {
                List<OutboxEntry> batch = outbox.pending(MutationBatch.MAX_SIZE);
                if (batch.isEmpty() || batch.stream().allMatch(e -> sent.contains(e.mutation().id()))) {
                    // The second test guards against sending the same entries for ever should
                    // the store not take an answer; they go again on the next sync.
                    break;
                }
                batch.forEach(e -> sent.add(e.mutation().id()));
                try {
                    record(outbox, api.mutations(token, batchOf(batch)).results(), counts);
                } catch (SyncException e) {
                    if (!refusedAsMalformed(e)) {
                        throw e;
                    }
                    for (OutboxEntry entry : batch) {
                        try {
                            record(outbox, api.mutations(token, batchOf(List.of(entry))).results(), counts);
                        } catch (SyncException single) {
                            if (!refusedAsMalformed(single)) {
                                throw single;
                            }
                            outbox.markRejected(entry.mutation().id(), single.getMessage());
                            counts[2]++;
                        }
                    }
                }
            }
            return new PushSummary(counts[0], counts[1], counts[2]);
        });
    }

    private static MutationBatch batchOf(List<OutboxEntry> entries) {
        List<MutationRequest> requests = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            requests.add(MutationRequest.of(entry.mutation()));
        }
        return new MutationBatch(requests);
    }

    /** A 400-like answer: the server will never take this batch as it is, so retrying is futile. */
    private static boolean refusedAsMalformed(SyncException e) {
        int status = e.httpStatus().orElse(0);
        return e.failure() == SyncFailure.SERVER_ERROR && (status == 400 || status == 413 || status == 422);
    }

    /**
     * Records the answers in the outbox in one transaction (one commit per push batch rather than
     * one per edit); {@code counts} are applied, conflicts, rejected. A conflict without the
     * server's row is a bad answer: the answers before it are recorded, it and the rest go again.
     */
    private static void record(Outbox outbox, List<MutationResult> results, int[] counts) throws SyncException {
        List<Outbox.Answer> answers = new ArrayList<>(results.size());
        int[] found = new int[3];
        SyncException bad = null;
        for (MutationResult result : results) {
            switch (result.outcome()) {
                case APPLIED -> {
                    answers.add(new Outbox.Answer.Applied(result.id(), result.revision(), body(result.row())));
                    found[0]++;
                }
                case CONFLICT -> {
                    if (result.row() == null) {
                        bad = new SyncException(SyncFailure.BAD_ANSWER, "The server reported a conflict on change "
                                + result.id() + " without the current row; it will be sent again.");
                    } else {
                        answers.add(new Outbox.Answer.Conflict(result.id(), conflictFields(result),
                                result.row().revision(), result.row().body()));
                        found[1]++;
                    }
                }
                case REJECTED -> {
                    answers.add(new Outbox.Answer.Rejected(result.id(), rejection(result)));
                    found[2]++;
                }
            }
            if (bad != null) {
                break;
            }
        }
        outbox.settle(answers);
        for (int i = 0; i < counts.length; i++) {
            counts[i] += found[i];
        }
        if (bad != null) {
            throw bad;
        }
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
    public PullSummary pull(DoubleConsumer progress) throws SyncException {
        DoubleConsumer report = progress == null ? p -> { } : progress;
        return runAsSync(() -> {
            String token = token();
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
                Future<ChangesPage> ahead = fetch(fetcher, token, cursor, cursorEpoch(cursor));
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
                        store.applyPull(remote, droppedHere, page.next());
                        store.putSetting(CURSOR_EPOCH, page.next() + " " + Objects.requireNonNullElse(page.nextEpoch(), ""));
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
        });
    }

    /**
     * Fetches what the customer's field history gained since the workspace last fetched it, and
     * keeps it in the workspace ({@link LocalStore#addHistory}) page by page, each page with the
     * revision it completes the history up to. The first fetch brings the whole history, later ones
     * only what is new. An answer that cannot be used keeps nothing of its page.
     *
     * @return the number of new entries
     * @throws SyncException as for any call: UNREACHABLE, LOGIN_NEEDED, SERVER_ERROR (403 when the
     *                       user may not see the customer, 404 when the server has no such customer),
     *                       BAD_ANSWER
     */
    public int fetchHistory(long tpid) throws SyncException {
        String token = token();
        long since = store.history(tpid).lastRevision();
        int fetched = 0;
        while (true) {
            List<HistoryEntry> page = api.history(token, tpid, since, HISTORY_PAGE_SIZE);
            long last = page.isEmpty() ? since : page.get(page.size() - 1).revision();
            List<FieldChange> entries = new ArrayList<>(page.size());
            for (HistoryEntry entry : page) {
                entries.add(entry.toFieldChange());
            }
            store.addHistory(tpid, entries, last, clock.instant());
            fetched += page.size();
            if (page.size() < HISTORY_PAGE_SIZE || last == since) {
                return fetched;
            }
            since = last;
        }
    }

    private Future<ChangesPage> fetch(ExecutorService fetcher, String token, long since, String epoch) {
        return fetcher.submit(() -> api.changes(token, since, epoch, pageSize));
    }

    /** The epoch of {@code cursor} as the server gave it, or "" when the workspace has none for it. */
    private String cursorEpoch(long cursor) {
        String[] kept = store.setting(CURSOR_EPOCH).orElse("").split(" ", 2);
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

    @Override
    public int pendingCount() {
        Outbox outbox = store.outbox();
        return outbox.pendingCount() + outbox.problems().size();
    }

    @Override
    public int problemCount() {
        return store.outbox().problems().size();
    }

    @Override
    public Optional<Instant> lastSuccess() {
        return store.setting(LAST_SUCCESS).filter(s -> !s.isBlank()).flatMap(SyncClient::instant);
    }

    /**
     * True until a sync of this workspace has completed, so that a first sync cut short (the
     * laptop closed halfway) still shows its progress when it resumes; and while the workspace
     * syncs afresh from a reset server, which brings everything again.
     */
    @Override
    public boolean firstSync() {
        return lastSuccess().isEmpty() || store.resyncing();
    }

    /** Tells {@code onEdit} of changes to the workspace made outside sync: the user's edits and decisions. */
    @Override
    public void onLocalEdit(Runnable onEdit) {
        Objects.requireNonNull(onEdit, "onEdit");
        store.addListener(kinds -> {
            if (!syncThreads.contains(Thread.currentThread())) {
                onEdit.run();
            }
        });
    }

    private String token() throws SyncException {
        Optional<String> token = currentToken();
        if (token.isEmpty()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Please sign in to the server; your changes are kept.");
        }
        if (expired()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED,
                    "Your session has expired. Please sign in again; your changes are kept.");
        }
        return token.get();
    }

    private Optional<String> currentToken() {
        return store.setting(TOKEN).filter(s -> !s.isBlank());
    }

    private boolean expired() {
        return store.setting(TOKEN_EXPIRES_AT).filter(s -> !s.isBlank()).flatMap(SyncClient::instant)
                .map(expiry -> !clock.instant().isBefore(expiry)).orElse(false);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static RemoteRow remoteRow(RowChange change) {
        // ServerApi.changes has checked the kind.
        EntityKind kind = EntityKind.fromWireName(change.kind()).orElseThrow();
        return new RemoteRow(kind, change.id(), change.tpid(), change.revision(), change.body());
    }

    private static com.fasterxml.jackson.databind.JsonNode body(RowChange row) {
        return row == null ? null : row.body();
    }

    private static List<ConflictField> conflictFields(MutationResult result) {
        List<ConflictField> fields = new ArrayList<>(result.conflicts().size());
        for (FieldConflict conflict : result.conflicts()) {
            fields.add(new ConflictField(conflict.field(), conflict.mine(), conflict.theirs(), conflict.changedBy(),
                    conflict.changedAt()));
        }
        return fields;
    }

    private static String rejection(MutationResult result) {
        String message = result.message() == null || result.message().isBlank()
                ? "The server refused this change." : result.message();
        return result.field() == null || result.field().isBlank() || message.contains(result.field())
                ? message : message + " (field " + result.field() + ")";
    }

    private static boolean causedBySql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface SyncStep<T> {
        T run() throws SyncException;
    }

    private <T> T runAsSync(SyncStep<T> step) throws SyncException {
        // Nested steps (sync calls push and pull) must not unmark the thread on their way out.
        boolean outermost = syncThreads.add(Thread.currentThread());
        try {
            return step.run();
        } finally {
            if (outermost) {
                syncThreads.remove(Thread.currentThread());
            }
        }
    }
}
