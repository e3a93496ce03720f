package ftop.sync.client;

import ftop.core.dataset.Dataset;
import ftop.sync.server.Backups;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * A real central server on a loopback port over an H2 file, which a test can stop and start
 * again on the same port and data, as an outage would. The file starts as a copy of one migrated
 * and loaded once per JVM for the same data.
 */
final class LoopbackServer implements AutoCloseable {

    /** Cheap password hashes: the tests sign in often and do not measure the production cost. */
    static final int PASSWORD_ITERATIONS = 1_000;

    private final Path dir;
    private final String jdbcUrl;
    private final Clock clock;
    private final long loadedRevision;
    private final UnaryOperator<ServerConfig> configure;
    private int port;
    private FtopServer server;

    /** Loads {@code data} (every user's password {@code password}) into a new database in {@code dir} and starts. */
    LoopbackServer(Path dir, Dataset data, String password, Clock clock) throws SQLException, IOException {
        this(dir, data, password, clock, 0);
    }

    /** As above, with {@code historyMonths} months of usage history before the current usage. */
    LoopbackServer(Path dir, Dataset data, String password, Clock clock, int historyMonths)
            throws SQLException, IOException {
        this(dir, data, password, clock, historyMonths, UnaryOperator.identity());
    }

    /** As above, with the server's configuration changed by {@code configure} (e.g. an identity provider). */
    LoopbackServer(Path dir, Dataset data, String password, Clock clock, int historyMonths,
            UnaryOperator<ServerConfig> configure) throws SQLException, IOException {
        this.dir = dir;
        this.configure = configure;
        this.jdbcUrl = ServerConfig.h2Url(dir);
        this.clock = clock;
        Template template = template(new TemplateKey(data, password, historyMonths));
        Files.createDirectories(dir);
        Files.copy(template.file(), dir.resolve(template.file().getFileName()));
        loadedRevision = template.loadedRevision();
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), PASSWORD_ITERATIONS);
        server = new FtopServer(configure.apply(ServerConfig.of(0, "127.0.0.1", jdbcUrl)), db, clock).start();
        port = server.port();
    }

    /** What a server's database was made from. */
    private record TemplateKey(Dataset data, String password, int historyMonths) {
    }

    /** A database migrated and loaded once, and the revision its load ended at. */
    private record Template(Path file, long loadedRevision) {
    }

    /**
     * The databases already made in this JVM: the tests of a class start a server per test on the same
     * data, and copying the file spares each of them the migrations and the load.
     */
    private static final Map<TemplateKey, Template> TEMPLATES = new HashMap<>();

    private static synchronized Template template(TemplateKey key) throws SQLException, IOException {
        Template template = TEMPLATES.get(key);
        if (template == null) {
            Path folder = Files.createTempDirectory("ftop-server-template");
            folder.toFile().deleteOnExit();
            long revision;
            try (Database db = Database.open(ServerConfig.h2Url(folder), Database.PoolSettings.defaults(),
                    PASSWORD_ITERATIONS)) {
                revision = DatasetLoader.load(db, key.data(), key.password(), key.historyMonths());
            }
            Path file = folder.resolve(ServerConfig.H2_FILE_NAME + ".mv.db");
            file.toFile().deleteOnExit();
            template = new Template(file, revision);
            TEMPLATES.put(key, template);
        }
        return template;
    }

    HttpUrl url() {
        return HttpUrl.get("http://127.0.0.1:" + port + "/");
    }

    /** The server's database, e.g. for a test to look at what the server keeps. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    long loadedRevision() {
        return loadedRevision;
    }

    /** How many clients wait for changes on the server now. */
    int waitingClients() {
        return server == null ? 0 : server.waitingClients();
    }

    boolean running() {
        return server != null;
    }

    void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Starts again on the same port over the same data. */
    void restart() {
        stop();
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), PASSWORD_ITERATIONS);
        server = new FtopServer(configure.apply(ServerConfig.of(port, "127.0.0.1", jdbcUrl)), db, clock).start();
    }

    /** Stops the server and copies its database files to {@code backup}; call {@link #restart()} after. */
    void backUpTo(Path backup) throws IOException {
        stop();
        copyFiles(dir, backup);
    }

    /** Stops, puts the database files of {@code backup} back in place of the current ones and starts again. */
    void restoreFrom(Path backup) throws IOException {
        stop();
        deleteFiles(dir);
        copyFiles(backup, dir);
        restart();
    }

    /**
     * Stops, puts the backup {@code zip} (from {@code GET /admin/backup}) in place with the server's
     * own restore ({@code ftop-server restore}) and starts again on the same port.
     */
    Backups.RestoreReport restoreBackup(Path zip) throws IOException {
        stop();
        Backups.RestoreReport report = Backups.restoreH2(zip, jdbcUrl, clock);
        restart();
        return report;
    }

    /**
     * Stops, replaces the database with a new one holding {@code data} (a new server id, revisions
     * counted from the start again) and starts on the same port.
     */
    void resetTo(Dataset data, String password) throws IOException, SQLException {
        stop();
        deleteFiles(dir);
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), PASSWORD_ITERATIONS);
        DatasetLoader.load(db, data, password, 0);
        server = new FtopServer(configure.apply(ServerConfig.of(port, "127.0.0.1", jdbcUrl)), db, clock).start();
    }

    /** The id of the running server's database. */
    String serverId() {
        return server.database().serverId();
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
