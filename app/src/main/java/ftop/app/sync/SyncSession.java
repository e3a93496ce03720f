package ftop.app.sync;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftop.app.workspace.StoreWorkspace;
import ftop.core.store.LocalStore;
import ftop.sync.demo.EmbeddedDemo;
import ftop.sync.client.CacheCheck;
import ftop.sync.client.OidcProvider;
import ftop.sync.client.OidcSignIn;
import ftop.sync.client.SyncClient;
import ftop.sync.client.SyncEngine;
import ftop.sync.client.SyncException;
import ftop.sync.client.SyncFailure;
import ftop.sync.client.SyncState;
import ftop.sync.client.SyncStatus;
import ftop.sync.client.SyncStatusListener;
import ftop.sync.client.TransportSecurity;
import ftop.sync.protocol.AuthConfig;
import ftop.sync.protocol.LoginResponse;

/**
 * The app's connection of one workspace to its server: the {@link SyncClient}, the background
 * {@link SyncEngine} driving it and, for the demo workspace, the {@link EmbeddedDemo} server the
 * demo runs against, so the demo takes exactly the production sync path.
 *
 * <p>Listeners added here survive a change of server (a new sign-in), which replaces the engine.
 * Every method may do I/O: call them off the FX thread; listeners are called on the sync thread.
 */
public final class SyncSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncSession.class);

    /** Setting: "true" while the workspace syncs with its own embedded demo server. */
    public static final String DEMO_SETTING = "sync.demo";
    /** The setting the app's views read for the signed-in user (see {@code StoreWorkspace}). */
    static final String USER_SETTING = "user";

    private final LocalStore store;
    private final SyncEngine.Options options;
    private final TransportSecurity security;
    private final List<SyncStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> signInListeners = new CopyOnWriteArrayList<>();
    private final SyncStatusListener forward = status -> listeners.forEach(l -> l.onStatus(status));
    private volatile EmbeddedDemo demo;
    private volatile SyncClient client;
    private volatile SyncEngine engine;
    private volatile SyncStatus last = SyncStatus.initial(0, 0, Optional.empty());
    /** Read when opening and kept, so the FX thread can ask without touching the database. */
    private volatile String userName;

    private SyncSession(LocalStore store, SyncEngine.Options options, TransportSecurity security) {
        this.store = store;
        this.options = options;
        this.security = Objects.requireNonNull(security, "security");
        listeners.add(status -> last = status);
    }

    /**
     * Connects {@code store} to its server, without starting the engine yet:
     * <ul>
     * <li>{@code server} given (the {@code --server} option): that server;</li>
     * <li>else the server the workspace last signed in to;</li>
     * <li>else, for the demo profile, an embedded demo server in the workspace folder, signed in as
     *     the demo FM, with the first sync done here when the workspace is new;</li>
     * <li>else no server: the workspace stays local until the user connects.</li>
     * </ul>
     *
     * @throws SyncException when the demo's first sign-in or sync fails
     * @throws IllegalArgumentException when {@code server} is not a URL
     */
    public static SyncSession open(LocalStore store, Optional<String> server, boolean demoProfile,
            SyncEngine.Options options) throws SyncException {
        return open(store, server, demoProfile, options, TransportSecurity.defaults());
    }

    /**
     * As {@link #open(LocalStore, Optional, boolean, SyncEngine.Options)}, reaching servers as
     * {@code security} says; a server address it refuses (plain HTTP to another computer) is said
     * in words, and one the workspace kept from an earlier version leaves it local until the
     * person connects again.
     */
    public static SyncSession open(LocalStore store, Optional<String> server, boolean demoProfile,
            SyncEngine.Options options, TransportSecurity security) throws SyncException {
        Objects.requireNonNull(store, "store");
        SyncSession session = new SyncSession(store, options, security);
        session.userName = store.setting(SyncClient.USER_ID).filter(s -> !s.isBlank()).orElse(null);
        try {
            if (server.isPresent()) {
                HttpUrl url = parse(server.get());
                if (!store.setting(SyncClient.SERVER_URL).map(url.toString()::equals).orElse(false)) {
                    // Another server than last time: its session token means nothing there.
                    store.removeSetting(SyncClient.TOKEN);
                    store.removeSetting(SyncClient.REFRESH_TOKEN);
                    store.removeSetting(DEMO_SETTING);
                }
                session.client = new SyncClient(url, store, security);
            } else if (isDemo(store, demoProfile)) {
                session.startDemo();
            } else {
                try {
                    session.client = SyncClient.forWorkspace(store, security).orElse(null);
                } catch (IllegalArgumentException e) {
                    LOG.warn("The workspace stays local: {}", e.getMessage());
                }
            }
        } catch (SyncException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /**
     * Whether {@code store} is the demo workspace, which the embedded demo server serves. A workspace
     * keeps what it is: one filled with a generated set (or anything but the demo) never gets the
     * demo's rows merged into it, whatever profile it is opened under.
     */
    static boolean isDemo(LocalStore store, boolean demoProfile) {
        Optional<String> origin = store.setting(StoreWorkspace.ORIGIN_SETTING);
        if (origin.isPresent()) {
            return origin.get().equals(StoreWorkspace.DEMO_ORIGIN)
                    && store.setting(SyncClient.SERVER_URL).filter(s -> !s.isBlank()).isEmpty()
                    || store.setting(DEMO_SETTING).map("true"::equals).orElse(false);
        }
        if (store.setting(DEMO_SETTING).map("true"::equals).orElse(false)) {
            return true;
        }
        // A new, empty demo profile that was never connected to a real server gets the embedded one;
        // a workspace filled before origins were kept, and not by the demo server, is left as it is.
        return demoProfile && store.setting(SyncClient.SERVER_URL).filter(s -> !s.isBlank()).isEmpty()
                && store.customers().count() == 0;
    }

    private void startDemo() throws SyncException {
        demo = EmbeddedDemo.start(store.directory());
        store.putSetting(DEMO_SETTING, "true");
        store.putSetting(StoreWorkspace.ORIGIN_SETTING, StoreWorkspace.DEMO_ORIGIN);
        SyncClient demoClient = new SyncClient(demo.url(), store);
        // The port is new on every start, so the demo signs in afresh each time.
        LoginResponse me = demoClient.login(demo.userName(), demo.password());
        LOG.info("Demo server started at {}; signed in as {}", demo.url(), me.userId());
        store.putSetting(USER_SETTING, me.userId());
        userName = me.userId();
        if (demoClient.firstSync()) {
            // The demo portfolio is small: its first sync runs while the opening screen shows, so
            // the window opens with the portfolio in place, the same as a later start.
            demoClient.sync(progress -> { });
        }
        client = demoClient;
    }

    /** Parses a server address typed by a person, e.g. {@code http://127.0.0.1:8470}. */
    static HttpUrl parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        HttpUrl url = HttpUrl.parse(trimmed.endsWith("/") ? trimmed : trimmed + "/");
        if (url == null) {
            throw new IllegalArgumentException("\"" + trimmed + "\" is not a server address; "
                    + "it should look like http://server:8470");
        }
        return url;
    }

    /** Starts background sync (a first sync right away); does nothing for a local-only workspace. */
    public synchronized void start() {
        if (client != null && engine == null) {
            engine = new SyncEngine(client, options);
            engine.addListener(forward);
            engine.start();
        }
    }

    /**
     * Signs in to {@code server} as {@code user} and, on success, syncs with it from now on: the URL
     * and user are kept in the workspace (the password never is) and the engine restarts.
     *
     * @throws SyncException LOGIN_NEEDED for a wrong name or password, UNREACHABLE when the server
     *                       does not answer; nothing changes then
     */
    public void connect(String server, String user, String password) throws SyncException {
        HttpUrl url = parse(server);
        SyncClient next = new SyncClient(url, store, security);
        LoginResponse me;
        try {
            me = next.login(user, password);
        } catch (SyncException e) {
            LOG.info("Sign-in to {} as {} failed ({}): {}", url, user, e.failure(), e.getMessage());
            throw e;
        }
        switchTo(url, next, me);
    }

    /**
     * How {@code server} lets people sign in: with a password and, when it trusts one, with the
     * company's identity provider.
     *
     * @throws SyncException as for any call; IllegalArgumentException for an address that is not one
     */
    public AuthConfig authConfig(String server) throws SyncException {
        return new SyncClient(parse(server), store, security).authConfig();
    }

    /**
     * Starts a sign-in with the company account at the identity provider {@code server} trusts:
     * the returned sign-in's page is for the system browser, and {@link #finishCompanySignIn}
     * waits for it.
     *
     * @throws SyncException LOGIN_NEEDED when the server has no identity provider; as for any call
     */
    public OidcSignIn beginCompanySignIn(String server) throws SyncException {
        SyncClient next = new SyncClient(parse(server), store, security);
        AuthConfig config = next.authConfig();
        if (config.oidc() == null) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "This server takes passwords only.");
        }
        return OidcSignIn.start(OidcProvider.discover(config.oidc(), next.httpClient(), security, Clock.systemUTC()));
    }

    /**
     * Waits (at most {@link OidcSignIn#DEFAULT_TIMEOUT}) for the browser to finish {@code signIn},
     * then syncs with {@code server} as the person who signed in, as {@link #connect} does.
     *
     * @throws SyncException LOGIN_NEEDED when cancelled, timed out or refused; nothing changes then
     */
    public void finishCompanySignIn(String server, OidcSignIn signIn) throws SyncException {
        HttpUrl url = parse(server);
        SyncClient next = new SyncClient(url, store, security);
        LoginResponse me;
        try {
            me = next.login(signIn.provider(), signIn.await(OidcSignIn.DEFAULT_TIMEOUT));
        } catch (SyncException e) {
            LOG.info("Company sign-in to {} did not complete ({}): {}", url, e.failure(), e.getMessage());
            throw e;
        }
        switchTo(url, next, me);
    }

    /** Syncs with {@code next} from now on, as {@code me}: the engine restarts and a sync runs at once. */
    private void switchTo(HttpUrl url, SyncClient next, LoginResponse me) {
        LOG.info("Signed in to {} as {}", url, me.userId());
        store.putSetting(USER_SETTING, me.userId());
        userName = me.userId();
        boolean stillDemo = demo != null && demo.url().equals(url);
        if (!stillDemo) {
            store.removeSetting(DEMO_SETTING);
        }
        SyncEngine old;
        synchronized (this) {
            old = engine;
            engine = null;
            client = next;
        }
        if (old != null) {
            old.removeListener(forward);
            old.close();
        }
        if (!stillDemo && demo != null) {
            demo.close();
            demo = null;
        }
        start();
        syncNow();
        for (Consumer<String> listener : signInListeners) {
            listener.accept(me.userId());
        }
    }

    /**
     * Fetches what is new in the customer's field history from the server into the workspace;
     * blocks, so call it off the FX thread.
     *
     * @throws SyncException UNREACHABLE when the workspace has no server, or as {@link SyncClient#fetchHistory}
     */
    public int fetchHistory(long tpid) throws SyncException {
        SyncClient current = client;
        if (current == null) {
            throw new SyncException(SyncFailure.UNREACHABLE, "This workspace is not connected to a server.");
        }
        return current.fetchHistory(tpid);
    }

    /** Syncs as soon as possible, whatever the back-off. */
    public void syncNow() {
        SyncEngine running = engine;
        if (running != null) {
            running.syncNow();
        }
    }

    /** Subscribes to status changes, now and after a change of server; called on the sync thread. */
    public void addListener(SyncStatusListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        listener.onStatus(last);
    }

    /**
     * Subscribes to new sign-ins ({@link #connect}): called with the user's ID on the thread that
     * signed in, once the user is kept in the workspace and sync with the server has started.
     */
    public void addSignInListener(Consumer<String> listener) {
        signInListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** What the workspace's last cache check found; reads the workspace: call it off the FX thread. */
    public Optional<CacheCheck.Result> lastCacheCheck() {
        return CacheCheck.last(store);
    }

    /** When a cache check last repaired something, and which customers; reads the workspace, off the FX thread. */
    public Optional<CacheCheck.Result> lastCacheRepair() {
        return CacheCheck.lastRepair(store);
    }

    /** The latest status. */
    public SyncStatus status() {
        return last;
    }

    /** True when the workspace has a server to sync with. */
    public boolean connected() {
        return client != null;
    }

    /** The server synced with, e.g. for the login dialog's default. */
    public Optional<HttpUrl> server() {
        SyncClient current = client;
        return current == null ? Optional.empty() : Optional.of(current.server());
    }

    /** The embedded demo server, when the workspace runs against one. */
    public Optional<EmbeddedDemo> demo() {
        return Optional.ofNullable(demo);
    }

    /** The workspace synced. */
    public LocalStore store() {
        return store;
    }

    /** The user name the workspace signed in with last, if any; no database access. */
    public Optional<String> user() {
        return Optional.ofNullable(userName);
    }

    /** True when {@code e} means the server refused the name or password (not an unreachable server). */
    static boolean wrongCredentials(SyncException e) {
        return e.failure() == SyncFailure.LOGIN_NEEDED;
    }

    /**
     * Signs out: background sync stops, the server forgets the session (when it can be reached)
     * and the workspace forgets its token. The server address, the rows and every pending edit stay
     * for the next sign-in ("Connect to server…").
     */
    public void signOut() {
        SyncEngine running;
        SyncClient current;
        synchronized (this) {
            running = engine;
            engine = null;
            current = client;
        }
        if (running != null) {
            running.removeListener(forward);
            running.close();
        }
        if (current != null) {
            current.logout();
            LOG.info("Signed out of {}", current.server());
        }
        forward.onStatus(new SyncStatus(SyncState.OFFLINE, Optional.empty(), Optional.of("Signed out"),
                store.pendingCount(), store.problems().size(), last.lastSuccess(), Optional.empty()));
    }

    /** Stops the engine, then the demo server; the workspace stays open (its owner closes it). */
    @Override
    public void close() {
        SyncEngine running;
        synchronized (this) {
            running = engine;
            engine = null;
        }
        if (running != null) {
            running.close();
        }
        EmbeddedDemo server = demo;
        demo = null;
        if (server != null) {
            server.close();
        }
    }
}
