package ftop.sync.demo;

import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The demo workspace's own central server, run inside the desktop app on a free loopback port,
 * so the demo goes through exactly the sync path of a real deployment: sign-in, push, pull,
 * conflicts. Its H2 database lives in the workspace folder and is filled with the demo portfolio
 * (and a year of usage history, for the workload trend) the first time only, so the demo user's
 * edits survive a restart.
 */
public final class EmbeddedDemo implements AutoCloseable {

    /** The folder, inside the workspace, that holds the demo server's database. */
    public static final String SERVER_FOLDER = "demo-server";

    /**
     * The central server's setting for the rounds of PBKDF2 new passwords get; the demo server
     * honours it too, so test runs can make the demo's sign-ins cheap.
     */
    public static final String PASSWORD_ITERATIONS_VARIABLE = "FTOP_PASSWORD_ITERATIONS";

    private final FtopServer server;
    private final HttpUrl url;

    private EmbeddedDemo(FtopServer server) {
        this.server = server;
        this.url = HttpUrl.get(server.baseUri().toString() + "/");
    }

    /**
     * Starts the demo server for the workspace in {@code workspace}, loading the demo portfolio
     * (as of today) when its database is new.
     *
     * @throws IllegalStateException when the database cannot be opened or the server cannot listen,
     *                               with the reason
     */
    public static EmbeddedDemo start(Path workspace) {
        return start(workspace, LocalDate.now());
    }

    /**
     * Starts the demo server, loading the demo portfolio as of {@code today} when its database is new.
     *
     * @see #start(Path)
     */
    public static EmbeddedDemo start(Path workspace, LocalDate today) {
        return start(workspace, today, passwordIterations(System.getenv()));
    }

    /**
     * The rounds of PBKDF2 the demo hashes its users' password with: {@value #PASSWORD_ITERATIONS_VARIABLE}
     * when set, as for the central server, else the production default.
     *
     * @throws IllegalArgumentException when the variable is set but not a positive whole number
     */
    static int passwordIterations(Map<String, String> environment) {
        String value = environment.get(PASSWORD_ITERATIONS_VARIABLE);
        if (value == null || value.isBlank()) {
            return Database.DEFAULT_PASSWORD_ITERATIONS;
        }
        try {
            int iterations = Integer.parseInt(value.strip());
            if (iterations >= 1) {
                return iterations;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException(PASSWORD_ITERATIONS_VARIABLE + " must be a whole number of at least 1, not \""
                + value + "\"");
    }

    /**
     * Starts the demo server as {@link #start(Path, LocalDate)}, hashing the demo users' passwords
     * with {@code passwordIterations} rounds when its database is new (tests use fewer).
     */
    public static EmbeddedDemo start(Path workspace, LocalDate today, int passwordIterations) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(today, "today");
        Path folder = workspace.resolve(SERVER_FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the demo server folder " + folder + ": " + e.getMessage(), e);
        }
        String jdbcUrl = ServerConfig.h2Url(folder);
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), passwordIterations);
        try {
            if (DatasetLoader.isEmpty(db)) {
                DatasetLoader.load(db, DatasetGenerator.demo(today), DemoUsers.DEMO_PASSWORD,
                        DatasetLoader.DEMO_HISTORY_MONTHS);
            }
            // Port 0: a free port, so the demo never collides with a real server or a second app.
            FtopServer server = new FtopServer(ServerConfig.of(0, ServerConfig.DEFAULT_BIND, jdbcUrl), db,
                    Clock.systemUTC()).start();
            return new EmbeddedDemo(server);
        } catch (SQLException e) {
            db.close();
            throw new IllegalStateException("Cannot prepare the demo data in " + folder + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Where the demo server listens, e.g. {@code http://127.0.0.1:49152/}. */
    public HttpUrl url() {
        return url;
    }

    /** The demo FM who owns the demo portfolio. */
    public String userName() {
        return DemoUsers.DEMO_USER;
    }

    /** The password of every demo user. */
    public String password() {
        return DemoUsers.DEMO_PASSWORD;
    }

    /** Stops the server and closes its database; the data stays for the next start. */
    @Override
    public void close() {
        server.stop();
    }
}
