package ftop.sync.client;

import ftop.core.change.FieldChange;
import ftop.core.store.LocalStore;
import ftop.core.store.Outbox;
import ftop.core.store.StoreChange;
import ftop.core.store.WorkspaceOwner;
import ftop.sync.protocol.AuthConfig;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.HistoryEntry;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.MutationBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    /** Secret setting ({@link ftop.core.store.LocalStore#putSecret}): the bearer token of the session; absent when signed out. */
    public static final String TOKEN = "sync.token";
    /** Setting: when the token expires (ISO instant). */
    public static final String TOKEN_EXPIRES_AT = "sync.tokenExpiresAt";
    /**
     * Secret setting: the identity provider's refresh token, which renews {@link #TOKEN} in the
     * background; absent after a password sign-in.
     */
    public static final String REFRESH_TOKEN = "sync.refreshToken";
    /** Setting: the identity provider's token endpoint, where the refresh token is used. */
    public static final String OIDC_TOKEN_ENDPOINT = "sync.oidc.tokenEndpoint";
    /** Setting: the desktop's client id at the identity provider. */
    public static final String OIDC_CLIENT_ID = "sync.oidc.clientId";
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
    private final Clock clock;
    private final ServerSession session;
    private final OutboxPush pusher;
    private final PagedPull puller;
    private final ChangesWait changesWait;
    private final CacheCheck cacheCheck;
    private final int pageSize;
    /** A page a wait for changes brought, and the workspace cursor it follows on from: the next pull starts with it. */
    private volatile Awaited awaited;
    private volatile boolean live = true;
    /** Where the last quiet wait left off: {@code next} holds while the workspace's cursor is still {@code cursor}. */
    private volatile long[] quietUpTo = {-1, -1};

    /**
     * A client for {@code server} with default timeouts and page size, the system's trust store,
     * and plain HTTP to loopback only (see {@link TransportSecurity#defaults()}).
     *
     * @throws IllegalArgumentException when {@code server} is plain HTTP to another computer
     */
    public SyncClient(HttpUrl server, LocalStore store) {
        this(server, store, TransportSecurity.defaults());
    }

    /**
     * A client for {@code server} with default timeouts and page size, talking to it as
     * {@code security} says.
     *
     * @throws IllegalArgumentException when {@code server} is plain HTTP that {@code security}
     *                                  does not allow, or its CA file cannot be read
     */
    public SyncClient(HttpUrl server, LocalStore store, TransportSecurity security) {
        this(checked(server, security), store, security.httpClient(), DEFAULT_PAGE_SIZE, Clock.systemUTC());
    }

    private static HttpUrl checked(HttpUrl server, TransportSecurity security) {
        security.check(server);
        return server;
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
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = new ServerSession(api, store, clock);
        this.pusher = new OutboxPush(api, store);
        this.puller = new PagedPull(api, store, pageSize, this::pendingCount);
        this.changesWait = new ChangesWait(api, LiveWatch.WAIT);
        this.cacheCheck = new CacheCheck(api, store, clock);
        this.pageSize = pageSize;
    }

    private record Awaited(long cursor, ChangesPage page) {
    }

    /**
     * A client for the server this workspace last signed in to, if it has one.
     *
     * @throws IllegalStateException when the stored URL is not a URL (the workspace was edited by hand)
     */
    public static Optional<SyncClient> forWorkspace(LocalStore store) {
        return forWorkspace(store, TransportSecurity.defaults());
    }

    /**
     * As {@link #forWorkspace(LocalStore)}, talking to the server as {@code security} says.
     *
     * @throws IllegalArgumentException when the stored address is plain HTTP that is not allowed
     */
    public static Optional<SyncClient> forWorkspace(LocalStore store, TransportSecurity security) {
        Optional<String> url = store.setting(SERVER_URL).filter(s -> !s.isBlank());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        HttpUrl parsed = HttpUrl.parse(url.get());
        if (parsed == null) {
            throw new IllegalStateException("The workspace's server address \"" + url.get() + "\" is not a URL.");
        }
        return Optional.of(new SyncClient(parsed, store, security));
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
        return session.login(userName, password);
    }

    /**
     * Keeps the tokens of a sign-in through the company's identity provider ({@link OidcSignIn}),
     * once the server has said whose they are. The access token is then renewed with the refresh
     * token before it expires, as long as the provider allows.
     *
     * @throws SyncException LOGIN_NEEDED when the server does not take the token or the workspace
     *                       belongs to someone else; SERVER_ERROR 403 for a person FTOP does not
     *                       know or who is disabled; UNREACHABLE, BAD_ANSWER as for any call
     */
    public LoginResponse login(OidcProvider provider, ProviderTokens tokens) throws SyncException {
        return session.login(provider, tokens);
    }

    /** How to sign in to the server: passwords, and the company's identity provider when it trusts one. */
    public AuthConfig authConfig() throws SyncException {
        return api.authConfig();
    }

    /** The HTTP client this client reaches its server with (its trust store), for the identity provider. */
    public OkHttpClient httpClient() {
        return api.http();
    }

    /**
     * Ends the session: the server forgets the token (when it can be reached) and the workspace
     * forgets it in any case. Pending edits stay for the next sign-in.
     */
    public void logout() {
        session.logout();
    }

    /** True while the workspace holds a session token that has not expired. */
    public boolean signedIn() {
        return session.signedIn();
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
        if (!store.resyncing() && store.outbox().pendingCount() > 0) {
            puller.probeServer(session.token());
        }
        if (store.resyncing()) {
            pull(progress);
        }
        push();
        pull(progress);
        store.putSetting(LAST_SUCCESS, clock.instant().toString());
    }

    /**
     * Checks the workspace against the server ({@link CacheCheck}) when it was never checked or its
     * last check is older than the interval. The sync itself has succeeded: a check that fails is
     * logged and tried again after the next sync.
     */
    @Override
    public void afterSync() {
        if (!cacheCheck.due()) {
            return;
        }
        try {
            cacheCheck.run(session.token());
        } catch (SyncException | RuntimeException e) {
            LOG.warn("The cache check could not complete: {}", e.getMessage());
        }
    }

    /**
     * Checks now that the workspace's server copies are what the server holds at its cursor, and
     * repairs the customers that differ, keeping every local edit on top ({@link CacheCheck}).
     *
     * @return what the check found; empty while the workspace has synced nothing or syncs afresh
     * @throws SyncException as any call to the server; repairs made before it are kept
     */
    public Optional<CacheCheck.Result> checkCache() throws SyncException {
        return cacheCheck.run(session.token());
    }

    /**
     * Runs the cache check after a sync at most every {@code every} ({@link CacheCheck#DEFAULT_INTERVAL}
     * unless set); {@link Duration#ZERO} after every sync.
     */
    public SyncClient cacheCheckInterval(Duration every) {
        cacheCheck.interval(every);
        return this;
    }

    /**
     * Sends pending edits in batches of at most {@value MutationBatch#MAX_SIZE}, oldest first,
     * recording each answer in the outbox as soon as its batch is answered. When the server
     * refuses a whole batch as malformed, the edits go again one by one, so that only the edit
     * at fault is marked rejected (with the server's message, for the user to see) and the others
     * still reach the server.
     */
    public PushSummary push() throws SyncException {
        return pusher.push(session.token());
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
        Awaited first = awaited;
        awaited = null;
        boolean usable = first != null && first.cursor() == store.cursor() && !store.resyncing();
        return puller.pull(session.token(), progress, usable ? first.page() : null);
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
        String token = session.token();
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
        return store.setting(LAST_SUCCESS).filter(s -> !s.isBlank()).flatMap(ServerSession::instant);
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

    /**
     * Whether the engine keeps a wait for the server's changes open while online (on unless set
     * otherwise); off, it syncs only at its interval, after edits and when asked.
     */
    public SyncClient liveChanges(boolean on) {
        live = on;
        return this;
    }

    @Override
    public boolean canAwaitChanges() {
        return live;
    }

    /**
     * Waits on the server (a long-poll) until something after the workspace's cursor is new for
     * the user, or {@code wait} passed. Changes nothing locally: the sync that follows pulls,
     * starting with the page the wait brought (one request fewer). A quiet answer moves the point
     * the next wait starts from past what the user does not see, so the server does not look at
     * those revisions again.
     *
     * @return CHANGED also when the workspace is to sync afresh or the server is another one (the
     *         sync sorts it out); UNSUPPORTED when the server answered at once without waiting
     */
    @Override
    public LiveOutcome awaitChanges(Duration wait) throws SyncException {
        if (store.resyncing()) {
            return LiveOutcome.CHANGED;
        }
        long cursor = store.cursor();
        long[] quiet = quietUpTo;
        long since = quiet[0] == cursor ? quiet[1] : cursor;
        ChangesWait.Answer answer;
        try {
            answer = changesWait.await(session.token(), since, wait, pageSize);
        } catch (SyncException e) {
            if (e.code().filter(SyncException.RESYNC::equals).isPresent()) {
                return LiveOutcome.CHANGED;
            }
            throw e;
        }
        if (!store.serverId().map(answer.page().serverId()::equals).orElse(false)) {
            return LiveOutcome.CHANGED;
        }
        if (answer.changed()) {
            // Nothing was new for the user between the cursor and since: the page follows on from the cursor.
            awaited = new Awaited(cursor, answer.page());
            return LiveOutcome.CHANGED;
        }
        if (!answer.held()) {
            return LiveOutcome.UNSUPPORTED;
        }
        quietUpTo = new long[] {cursor, answer.page().next()};
        return LiveOutcome.QUIET;
    }

    /** Tells {@code onEdit} of changes to the workspace made outside sync: the user's edits and decisions. */
    @Override
    public void onLocalEdit(Runnable onEdit) {
        Objects.requireNonNull(onEdit, "onEdit");
        store.addListener(change -> {
            if (change.origin() == StoreChange.Origin.LOCAL_EDIT) {
                onEdit.run();
            }
        });
    }

}
