package ftop.sync.server;

import ftop.core.user.User;
import ftop.sync.protocol.ApiError;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central FTOP server: JSON over HTTP under {@value #API}, over a JDBC {@link Database}.
 * Each group of endpoints is its own class ({@code SessionApi}, {@code ChangesApi},
 * {@code MutationsApi}, {@code HistoryApi}, {@code RulesApi}, {@code FeedsApi}, {@code BackupApi},
 * {@code AccountsApi}, {@code AuthConfigApi}, {@code OpenApiDocument}) registered here, so new
 * endpoints are added the same way.
 *
 * <p>Every answer other than 2xx is an {@link ApiError} with a message a person can act on; no
 * stack trace ever reaches a client. {@link #stop()} is graceful: new requests are refused with
 * 503, requests in flight finish (up to a grace period), then the database closes.
 */
public final class FtopServer implements AutoCloseable {

    /** The prefix of every endpoint. */
    public static final String API = "/api/v1";
    /** How long {@link #stop()} waits for requests in flight. */
    static final Duration GRACE = Duration.ofSeconds(10);

    /**
     * How long a kept-alive connection may sit idle before the server closes it. Longer than the
     * keep-alive of the clients' connection pools ({@code ServerApi}: one minute), so a client
     * never sends a request on a connection the server is closing at that moment (the client
     * would read "unexpected end of stream").
     */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
    private static final int SPARE_THREADS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(FtopServer.class);

    private final ServerConfig config;
    private final Database db;
    private final Clock clock;
    private final OverloadLog overloadLog;
    private final MutationService mutations;
    private final SessionCache sessions;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Set<String> endpoints = new ConcurrentSkipListSet<>();
    private final Optional<OidcTokens> oidc;
    private Optional<String> metricsToken = Optional.empty();
    private Javalin app;
    private LiveChanges live;
    private RecentCommits recent;
    private LiveChanges.Timer liveTimer;
    private PgChangeListener listener;

    /** A server over an open database; {@link #start()} makes it listen. */
    public FtopServer(ServerConfig config, Database db, Clock clock) {
        this.config = config;
        this.db = db;
        this.clock = clock;
        this.overloadLog = new OverloadLog(clock, LOG::warn);
        this.mutations = new MutationService(db, clock);
        this.sessions = new SessionCache(db, clock);
        this.oidc = config.oidc().map(settings -> new OidcTokens(settings, clock));
    }

    /** Opens the database of {@code config} (migrating it) and starts listening. */
    public static FtopServer start(ServerConfig config) {
        Database db = Database.open(config.jdbcUrl());
        try {
            return new FtopServer(config, db, Clock.systemUTC()).start();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Lets callers on other machines read {@code GET /metrics} with this bearer token (callers on
     * this machine need none); without it, only they may. Set before {@link #start()}.
     */
    public synchronized FtopServer withMetricsToken(String token) {
        metricsToken = Optional.ofNullable(token).filter(t -> !t.isBlank());
        return this;
    }

    /**
     * Starts listening on the configured port and address.
     *
     * @throws IllegalStateException when the port cannot be bound, with the reason
     */
    public synchronized FtopServer start() {
        if (app != null) {
            throw new IllegalStateException("The server is already running");
        }
        ServerMetrics metrics = new ServerMetrics(clock, inFlight::get);
        db.bindMetrics(metrics.registry());
        LiveChanges waiting = startLive();
        Gauge.builder("ftop.live.waiting", waiting, LiveChanges::waiting)
                .description("Clients waiting for changes (long-polls held) now").register(metrics.registry());
        FunctionCounter.builder("ftop.session.checks", sessions, SessionCache::answeredFromMemory).tag("from", "memory")
                .description("Session tokens checked, by where the answer came from").register(metrics.registry());
        FunctionCounter.builder("ftop.session.checks", sessions, SessionCache::askedDatabase).tag("from", "database")
                .description("Session tokens checked, by where the answer came from").register(metrics.registry());
        Javalin created = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            // PUT /session is a wrong method on a real path (405 method_not_allowed), not a missing page.
            cfg.http.prefer405over404 = true;
            // Long-polls end themselves (ChangesApi.MAX_WAIT_SECONDS); this only catches a bug.
            cfg.http.asyncTimeout = TimeUnit.SECONDS.toMillis(ChangesApi.MAX_WAIT_SECONDS + 60L);
            // Enough threads for every request the pool lets run or wait, and some for the cheap
            // ones (liveness, sign-in's hash, 503 answers): a request always reaches the admission
            // queue and gets an answer, rather than waiting unseen in Jetty's own queue.
            int threads = db.poolSize() + db.maxWaiting() + SPARE_THREADS;
            cfg.jetty.threadPool = new QueuedThreadPool(threads, Math.min(threads, 8), 60_000);
            cfg.jetty.addConnector((server, http) -> {
                if (config.forwarded()) {
                    http.addCustomizer(new ForwardedRequestCustomizer());
                }
                // Jetty reuses header values seen earlier on a connection, matching them without
                // regard to case by default: a bearer token differing from an earlier one only in
                // case would be read as that earlier token.
                http.setHeaderCacheCaseSensitive(true);
                // It keeps no per-connection cache of header fields at all: one costs about 100 KB
                // from a connection's second request on, 200 MB for 2,000 desktops waiting for
                // changes on kept-alive connections, to save parsing a few headers.
                http.setHeaderCacheSize(0);
                ServerConnector connector = config.tls().map(tls -> httpsConnector(server, http, tls))
                        .orElseGet(() -> new ServerConnector(server, new HttpConnectionFactory(http)));
                connector.setHost(config.bind());
                connector.setPort(config.port());
                connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                return connector;
            });
            cfg.events.handlerAdded(info -> {
                if (info.getHttpMethod().isHttpMethod()) {
                    endpoints.add(info.getHttpMethod().name() + " " + info.getPath());
                }
            });
            cfg.requestLogger.http(metrics::request);
            RoutesConfig routes = cfg.routes;
            routes.before(this::admit);
            routes.beforeMatched(this::authenticate);
            routes.after(ctx -> inFlight.decrementAndGet());
            new SessionApi(db, clock, config.tokenLifetime(), config.signIn(), sessions).register(routes);
            new ChangesApi(db, waiting, recent).register(routes);
            new MutationsApi(mutations, metrics).register(routes);
            new HistoryApi(db).register(routes);
            new ChecksumApi(db).register(routes);
            new RulesApi().register(routes);
            new Readiness(db).register(routes);
            new FeedsApi(db, clock).register(routes);
            new BackupApi(db).register(routes);
            new AccountsApi(db, sessions).register(routes);
            new AuthConfigApi(config.oidc()).register(routes);
            new OpenApiDocument().register(routes);
            new MetricsApi(metrics, metricsToken).register(routes);
            registerErrors(routes);
        });
        try {
            created.start();
        } catch (RuntimeException e) {
            stopLive();
            throw new IllegalStateException("Cannot listen on " + config.bind() + ":" + config.port() + ": "
                    + rootMessage(e), e);
        }
        app = created;
        LOG.info("FTOP server listening on {}", baseUri());
        return this;
    }

    /**
     * The waiters of long-polls, woken by this instance's commits and, on PostgreSQL, by those of
     * every instance on the database (through one listening connection).
     */
    private LiveChanges startLive() {
        live = new LiveChanges(db.poolSize(), liveTimer);
        recent = new RecentCommits(db.serverId());
        db.onCommitted(this::heard);
        if (db.postgres()) {
            listener = PgChangeListener.start(db, notice -> heard(CommittedChanges.withoutRows(notice)));
        }
        return live;
    }

    /**
     * Hears of a commit: this instance's own (with its rows) or, on PostgreSQL, any instance's.
     * Sessions it may have ended are forgotten first, so that a woken client is checked afresh;
     * pulls answered from memory (RecentCommits) hear of it before the waiters are woken, though in
     * either order a long-poll answered "nothing new up to R" waits for what follows R.
     */
    private void heard(CommittedChanges committed) {
        ChangeNotice notice = committed.notice();
        sessions.heard(notice);
        recent.publish(committed);
        if (!notice.epochStarted()) {
            live.publish(notice);
        }
    }

    private void stopLive() {
        if (listener != null) {
            listener.close();
        }
        if (live != null) {
            live.close();
        }
    }

    /** Runs the long-polls' timeouts on {@code timer} instead of a thread of the server's; set before {@link #start()}. */
    synchronized FtopServer withLiveTimer(LiveChanges.Timer timer) {
        liveTimer = timer;
        return this;
    }

    /** The password sessions this instance checked recently. */
    SessionCache sessions() {
        return sessions;
    }

    /** What this instance knows of recent commits, to answer quiet pulls without the database. */
    RecentCommits recentCommits() {
        return recent;
    }

    /** How many long-polls wait for changes now. */
    public int waitingClients() {
        return live == null ? 0 : live.waiting();
    }

    /**
     * The endpoints registered, as {@code "METHOD /api/v1/path"} (path parameters as {@code {name}}),
     * so a test can hold the OpenAPI document to what the server really answers.
     */
    public Set<String> endpoints() {
        return Set.copyOf(endpoints);
    }

    /** The port listened on (the real one when the configuration asked for 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://bind:port} ({@code https} with TLS), the base URI clients use. */
    public URI baseUri() {
        return URI.create((config.tls().isPresent() ? "https://" : "http://") + config.bind() + ":" + port());
    }

    /** A connector serving HTTPS (TLS 1.2 and 1.3, Jetty's default ciphers) with the certificate of {@code tls}. */
    private static ServerConnector httpsConnector(Server server, HttpConfiguration http, TlsSettings tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyManagerPassword(tls.password());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        // Clients may reach a server by its IP address, which sends no SNI host to check.
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
    }

    /** The database the server works on, e.g. to load a data set before clients connect. */
    public Database database() {
        return db;
    }

    /** Where pushes are applied. */
    MutationService mutations() {
        return mutations;
    }

    /**
     * Stops gracefully: refuses new requests, lets those in flight finish (up to {@link #GRACE}),
     * stops listening and closes the database.
     */
    public synchronized void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        // Waiting long-polls are answered now (nothing new), not held through the grace period.
        stopLive();
        long deadline = System.nanoTime() + GRACE.toNanos();
        while ((inFlight.get() > 0 || live != null && live.held() > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (app != null) {
            app.stop();
        }
        db.close();
        LOG.info("FTOP server stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private void admit(Context ctx) {
        inFlight.incrementAndGet();
        if (stopping.get()) {
            throw new ApiException(503, "shutting_down", "The server is shutting down; try again shortly.", null);
        }
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > config.maxBodyBytes()) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length is not a number", null);
            }
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "body_too_large", "The request body is larger than the limit of "
                + config.maxBodyBytes() + " bytes", null);
    }

    /**
     * Every endpoint needs a valid bearer token except signing in, how to sign in, liveness,
     * readiness, the API document and the metrics (which check their own scrape token). A token is a session of
     * {@code POST /session} or, when the server trusts an identity provider, an access token of
     * that provider.
     */
    private void authenticate(Context ctx) throws SQLException {
        String path = ctx.path();
        boolean open = (ctx.method() == HandlerType.POST && path.equals(API + "/session"))
                || path.equals(API + "/health") || path.equals(API + "/ready") || path.equals(API + "/openapi.yaml")
                || path.equals(API + "/auth/config") || path.equals(MetricsApi.PATH);
        if (open) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw ApiException.unauthorized("Sign in first: send Authorization: Bearer <token> from POST " + API + "/session");
        }
        String token = header.substring(7).trim();
        Optional<User> user = oidc.isPresent() && OidcTokens.looksLikeJwt(token)
                ? Optional.of(oidc.get().user(token, db))
                // A push (or any other write) is not held up behind pulls to learn who sends it.
                : sessions.user(token, ctx.method() != HandlerType.GET);
        if (user.isEmpty()) {
            throw ApiException.unauthorized("The session token is unknown or has expired; sign in again");
        }
        ctx.attribute(Http.USER, user.get());
        ctx.attribute(Http.TOKEN, token);
    }

    private void registerErrors(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            Http.json(ctx, e.status(), e.toError());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) {
                Http.json(ctx, 413, tooLarge().toError());
            } else if (e.getStatus() == 405) {
                Http.json(ctx, 405, methodNotAllowed(ctx));
            } else {
                Http.json(ctx, e.getStatus(), new ApiError(e.getStatus(), code(e.getStatus()), e.getMessage(), null));
            }
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (e instanceof DatabaseBusyException busy) {
                // The admission queue is full or the wait ran out: an overload, not a fault; clients retry.
                overloadLog.refused(ctx.method() + " " + ctx.path(), busy.getMessage());
                ctx.header("Retry-After", Integer.toString(busy.retryAfterSeconds()));
                Http.json(ctx, 503, new ApiError(503, "busy", "The server is busy; try again shortly.", null));
                return;
            }
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            Http.json(ctx, 500, new ApiError(500, "internal_error",
                    "The server could not complete the request; the details are in its log.", null));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null) {
                Http.json(ctx, 404, new ApiError(404, "not_found", "No such endpoint: " + ctx.method() + " " + ctx.path(), null));
            }
        });
        routes.error(405, ctx -> {
            if (ctx.result() == null) {
                Http.json(ctx, 405, methodNotAllowed(ctx));
            }
        });
    }

    private static ApiError methodNotAllowed(Context ctx) {
        return new ApiError(405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), null);
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_attempts";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
