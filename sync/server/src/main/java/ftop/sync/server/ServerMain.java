package ftop.sync.server;

import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import java.io.Console;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The central server's command line: {@code java -jar sync/target/ftop-server.jar --help}.
 * Options fall back to the environment ({@code FTOP_PORT}, {@code FTOP_BIND}, {@code FTOP_JDBC_URL},
 * {@code FTOP_DB_POOL}, {@code FTOP_PASSWORD_ITERATIONS}, {@code FTOP_OIDC_*}, {@code FTOP_TLS_*}),
 * then to a private server on 127.0.0.1:8470 over an H2 file in {@code ./ftop-server-data}.
 * SIGTERM or Ctrl-C stops it gracefully: requests in flight finish and the database closes.
 */
@Command(name = "ftop-server", mixinStandardHelpOptions = true, version = "FTOP server 1.0",
        description = "Runs the FTOP central server: the HTTP API the desktop clients sync with.",
        sortOptions = false, subcommands = {BackupCommand.class, RestoreCommand.class, PruneCommand.class})
public final class ServerMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    @Option(names = "--port", defaultValue = "${env:FTOP_PORT:-8470}",
            description = "TCP port to listen on (env FTOP_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "${env:FTOP_BIND:-127.0.0.1}",
            description = "Address to listen on; 0.0.0.0 for every interface (env FTOP_BIND; default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--jdbc-url", defaultValue = "${env:FTOP_JDBC_URL}",
            description = "Database: jdbc:postgresql://host:5432/ftop?user=...&password=... or jdbc:h2:file:... "
                    + "(env FTOP_JDBC_URL; default an H2 file in ./ftop-server-data).")
    String jdbcUrl;

    @Option(names = "--db-pool", paramLabel = "N", defaultValue = "${env:FTOP_DB_POOL:-0}",
            description = "Database connections to keep (env FTOP_DB_POOL; default 0: four per core, at least 8). "
                    + "Requests beyond them wait their turn; when too many wait, or for too long, they are answered 503 with Retry-After.")
    int dbPool;

    @Option(names = "--password-iterations", paramLabel = "N",
            defaultValue = "${env:FTOP_PASSWORD_ITERATIONS:-" + Database.DEFAULT_PASSWORD_ITERATIONS + "}",
            description = "Rounds of PBKDF2 for passwords set from now on (env FTOP_PASSWORD_ITERATIONS; default ${DEFAULT-VALUE}). "
                    + "Lower only for tests: fewer rounds make a stolen hash easier to crack.", hidden = true)
    int passwordIterations;

    @Option(names = "--demo",
            description = "When the database is empty, load the demo workspace and demo users (password \"demo\").")
    boolean demo;

    @Option(names = "--dataset", paramLabel = "S1500|SERVER",
            description = "When the database is empty, load a generated data set of that size (users' password \"demo\").")
    DatasetGenerator.Scale dataset;

    @Option(names = "--admin", paramLabel = "USER",
            description = "Create the administrator USER (or reset their password) before starting; the password comes "
                    + "from env FTOP_ADMIN_PASSWORD or is asked for on the console.")
    String admin;

    @Option(names = "--metrics-token", paramLabel = "TOKEN", defaultValue = "${env:FTOP_METRICS_TOKEN}",
            description = "Lets a scraper on another machine read GET /metrics with Authorization: Bearer TOKEN "
                    + "(env FTOP_METRICS_TOKEN; without it only callers on this machine may).")
    String metricsToken;

    @Option(names = "--log-format", paramLabel = "plain|json", defaultValue = "${env:FTOP_LOG_FORMAT:-plain}",
            description = "Console log lines as plain text or one JSON object a line (env FTOP_LOG_FORMAT; default ${DEFAULT-VALUE}).")
    String logFormat;

    @Option(names = "--prune-every-hours", paramLabel = "HOURS", defaultValue = "${env:FTOP_PRUNE_EVERY_HOURS:-0}",
            description = "Apply the retention periods (as 'ftop-server prune' does) this often while running, the first "
                    + "time one period after start (env FTOP_PRUNE_EVERY_HOURS; default 0: only by the prune command).")
    int pruneEveryHours;

    @Mixin
    RetentionOptions retention = new RetentionOptions();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated data set (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tls-keystore", paramLabel = "FILE", defaultValue = "${env:FTOP_TLS_KEYSTORE}",
            description = "Serve HTTPS with the key and certificate in this PKCS12 keystore (env FTOP_TLS_KEYSTORE); "
                    + "its password comes from env FTOP_TLS_KEYSTORE_PASSWORD.")
    Path tlsKeystore;

    @Option(names = "--tls-cert", paramLabel = "FILE", defaultValue = "${env:FTOP_TLS_CERT}",
            description = "Serve HTTPS with this PEM certificate chain (env FTOP_TLS_CERT), with --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", defaultValue = "${env:FTOP_TLS_KEY}",
            description = "The PEM PKCS#8 private key of --tls-cert (env FTOP_TLS_KEY).")
    Path tlsKey;

    @Option(names = "--behind-proxy", defaultValue = "${env:FTOP_BEHIND_PROXY:-false}",
            description = "A reverse proxy forwards the requests: take the client's address from X-Forwarded-For / Forwarded "
                    + "(sign-in is throttled per address). Only with the port closed to everyone but the proxy (env FTOP_BEHIND_PROXY).")
    boolean behindProxy;

    @Option(names = "--oidc-issuer", paramLabel = "URL", defaultValue = "${env:FTOP_OIDC_ISSUER}",
            description = "Trust this OpenID Connect identity provider: its access tokens sign people in (env FTOP_OIDC_ISSUER), "
                    + "e.g. https://login.microsoftonline.com/TENANT/v2.0. Passwords keep working.")
    String oidcIssuer;

    @Option(names = "--oidc-audience", paramLabel = "ID", defaultValue = "${env:FTOP_OIDC_AUDIENCE}",
            description = "The audience (aud) the provider's tokens must carry: the API's id there (env FTOP_OIDC_AUDIENCE).")
    String oidcAudience;

    @Option(names = "--oidc-client-id", paramLabel = "ID", defaultValue = "${env:FTOP_OIDC_CLIENT_ID}",
            description = "The desktop's public client id at the provider (env FTOP_OIDC_CLIENT_ID; default the audience).")
    String oidcClientId;

    @Option(names = "--oidc-user-claim", paramLabel = "CLAIM",
            defaultValue = "${env:FTOP_OIDC_USER_CLAIM:-" + OidcSettings.DEFAULT_USER_CLAIM + "}",
            description = "The claim holding the FTOP user id (env FTOP_OIDC_USER_CLAIM; default ${DEFAULT-VALUE}).")
    String oidcUserClaim;

    @Option(names = "--oidc-user-domain", paramLabel = "DOMAIN", defaultValue = "${env:FTOP_OIDC_USER_DOMAIN}",
            description = "Take @DOMAIN off the user-id claim: megan.bowen@contoso.com is the FTOP user megan.bowen "
                    + "(env FTOP_OIDC_USER_DOMAIN).")
    String oidcUserDomain;

    @Option(names = "--oidc-groups-claim", paramLabel = "CLAIM",
            defaultValue = "${env:FTOP_OIDC_GROUPS_CLAIM:-" + OidcSettings.DEFAULT_GROUPS_CLAIM + "}",
            description = "The claim listing the person's groups (env FTOP_OIDC_GROUPS_CLAIM; default ${DEFAULT-VALUE}).")
    String oidcGroupsClaim;

    @Option(names = "--oidc-group-role", paramLabel = "GROUP=ROLE", split = ",", defaultValue = "${env:FTOP_OIDC_GROUP_ROLES}",
            description = "What a group of the provider grants: a role (FM, FTA, FE, PARTNER, GATEWAY, ASSIGNMENT_TEAM, LEAD, "
                    + "ADMIN) or " + OidcSettings.SLT_WATCHLIST + " (may set the winner flag); repeat or separate with commas "
                    + "(env FTOP_OIDC_GROUP_ROLES).")
    Map<String, String> oidcGroupRoles;

    @Option(names = "--oidc-scope", paramLabel = "SCOPE", split = "[ ,]", defaultValue = "${env:FTOP_OIDC_SCOPES}",
            description = "The scopes a desktop asks for when it signs in, separated by spaces or commas; give the API's "
                    + "own scope where the provider needs it for tokens meant for the API, e.g. "
                    + "\"openid profile offline_access api://ftop/access\" (env FTOP_OIDC_SCOPES; default "
                    + "\"openid profile offline_access\").")
    List<String> oidcScopes;

    @Option(names = "--oidc-jwks-uri", paramLabel = "URL", defaultValue = "${env:FTOP_OIDC_JWKS_URI}",
            description = "The provider's key set, when it is not to be found through the issuer's discovery document "
                    + "(env FTOP_OIDC_JWKS_URI).")
    String oidcJwksUri;

    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) {
        // java.util.logging (the JDK's and some libraries') goes to the same console as the rest
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(args));
    }

    /**
     * Parses {@code args} and runs; returns the exit code: 0 after a clean stop, 1 when the server
     * cannot start (the reason is printed), 2 for bad options.
     */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new ServerMain());
        // An operator needs the reason (port taken, database unreachable), not a stack trace.
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            LOG.debug("Start failed", e);
            cmd.getErr().println("ftop-server: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        FtopServer server = launch();
        ScheduledExecutorService pruning = schedulePruning(server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (pruning != null) {
                pruning.shutdownNow();
            }
            server.stop();
            stopped.countDown();
        }, "ftop-server-shutdown"));
        System.out.println("FTOP server listening on " + server.baseUri() + FtopServer.API
                + "; Ctrl-C or SIGTERM stops it.");
        stopped.await();
        return 0;
    }

    /** Opens the database, loads what the options ask for and starts the server. */
    FtopServer launch() throws Exception {
        LogFormat format = LogFormat.of(logFormat).orElseThrow(() -> new CommandLine.ParameterException(
                new CommandLine(this), "--log-format must be plain or json, not \"" + logFormat + "\""));
        if (format == LogFormat.JSON) {
            format.apply();
        }
        if (demo && dataset != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "Use --demo or --dataset, not both");
        }
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? ServerConfig.h2Url(Path.of("ftop-server-data")) : jdbcUrl;
        ServerConfig config = ServerConfig.of(port, bind, url);
        Optional<OidcSettings> oidc = oidcSettings();
        if (oidc.isPresent()) {
            config = config.withOidc(oidc.get());
        }
        Optional<TlsSettings> tls = tlsSettings();
        if (tls.isPresent()) {
            config = config.withTls(tls.get());
        }
        if (behindProxy) {
            config = config.behindProxy();
        }
        if (dbPool < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--db-pool must be 0 (default) or more, not " + dbPool);
        }
        Database db = Database.open(url, Database.PoolSettings.of(dbPool), passwordIterations);
        try {
            loadIfAsked(db);
            if (admin != null) {
                DatasetLoader.ensureAdministrator(db, admin, adminPassword());
                System.out.println("Administrator " + admin + " can sign in.");
            }
            LOG.info("Database {}, {} connections", Database.redact(url), db.poolSize());
            return new FtopServer(config, db, Clock.systemUTC()).withMetricsToken(metricsToken).start();
        } catch (Exception e) {
            db.close();
            throw e;
        }
    }

    /** The certificate the options name, if any. */
    private Optional<TlsSettings> tlsSettings() {
        CommandLine line = new CommandLine(this);
        if (tlsKeystore != null && tlsCert != null) {
            throw new CommandLine.ParameterException(line, "Use --tls-keystore or --tls-cert, not both");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new CommandLine.ParameterException(line, "--tls-cert and --tls-key go together");
        }
        try {
            if (tlsKeystore != null) {
                String password = System.getenv("FTOP_TLS_KEYSTORE_PASSWORD");
                return Optional.of(TlsSettings.fromPkcs12(tlsKeystore, password == null ? "" : password));
            }
            return tlsCert == null ? Optional.empty() : Optional.of(TlsSettings.fromPem(tlsCert, tlsKey));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(line, e.getMessage());
        }
    }

    /** The identity provider the options describe, if any. */
    private Optional<OidcSettings> oidcSettings() {
        if (oidcIssuer == null || oidcIssuer.isBlank()) {
            return Optional.empty();
        }
        if (oidcAudience == null || oidcAudience.isBlank()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--oidc-issuer needs --oidc-audience");
        }
        try {
            return Optional.of(new OidcSettings(URI.create(oidcIssuer), oidcAudience, oidcClientId, oidcUserClaim,
                    oidcGroupsClaim, oidcGroupRoles, oidcScopes == null ? null
                            : oidcScopes.stream().filter(scope -> !scope.isBlank()).toList(), Optional.ofNullable(oidcJwksUri).filter(u -> !u.isBlank()).map(URI::create),
                    Optional.ofNullable(oidcUserDomain)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    /** Prunes every {@code --prune-every-hours} on a thread of its own; null when not asked for. */
    private ScheduledExecutorService schedulePruning(FtopServer server) {
        if (pruneEveryHours <= 0) {
            return null;
        }
        Retention.Policy policy = retention.policy();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ftop-prune");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                LOG.info("{}", Retention.prune(server.database(), policy, Instant.now()));
            } catch (Exception e) {
                LOG.error("Pruning failed; it is tried again in {} hours", pruneEveryHours, e);
            }
        }, pruneEveryHours, pruneEveryHours, TimeUnit.HOURS);
        return executor;
    }

    /** The administrator's password: env FTOP_ADMIN_PASSWORD, else asked on the console. */
    static String adminPassword() {
        String fromEnv = System.getenv("FTOP_ADMIN_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("The administrator's password is needed: set FTOP_ADMIN_PASSWORD or run on a console");
        }
        char[] typed = console.readPassword("Password for the administrator: ");
        return typed == null ? "" : new String(typed);
    }

    private void loadIfAsked(Database db) throws Exception {
        if (!demo && dataset == null) {
            return;
        }
        if (!DatasetLoader.isEmpty(db)) {
            LOG.info("The database already holds data; nothing loaded");
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long started = System.nanoTime();
        long revision;
        if (demo) {
            revision = DatasetLoader.load(db, DatasetGenerator.demo(today), DemoUsers.DEMO_PASSWORD,
                    DatasetLoader.DEMO_HISTORY_MONTHS);
        } else {
            // The 20,000-customer set would carry millions of history entries; it is for load, not for looking at.
            int history = dataset == DatasetGenerator.Scale.S1500 ? DatasetLoader.DEMO_HISTORY_MONTHS : 0;
            revision = DatasetLoader.loadChunks(db,
                    sink -> DatasetGenerator.generate(dataset, seed, today, 500, sink), DemoUsers.DEMO_PASSWORD, history);
        }
        System.out.printf("Loaded %s: %,d rows in %.1f s%n", demo ? "the demo workspace" : "data set " + dataset,
                revision, (System.nanoTime() - started) / 1e9);
    }
}
