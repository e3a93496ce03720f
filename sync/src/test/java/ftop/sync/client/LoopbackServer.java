package ftop.sync.client;

import ftop.core.dataset.Dataset;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import okhttp3.HttpUrl;

/**
 * A real central server on a loopback port over an H2 file, which a test can stop and start
 * again on the same port and data, as an outage would.
 */
final class LoopbackServer implements AutoCloseable {

    private final String jdbcUrl;
    private final Clock clock;
    private final long loadedRevision;
    private int port;
    private FtopServer server;

    /** Loads {@code data} (every user's password {@code password}) into a new database in {@code dir} and starts. */
    LoopbackServer(Path dir, Dataset data, String password, Clock clock) throws SQLException {
        this(dir, data, password, clock, 0);
    }

    /** As above, with {@code historyMonths} months of usage history before the current usage. */
    LoopbackServer(Path dir, Dataset data, String password, Clock clock, int historyMonths) throws SQLException {
        this.jdbcUrl = ServerConfig.h2Url(dir);
        this.clock = clock;
        Database db = Database.open(jdbcUrl);
        try {
            loadedRevision = DatasetLoader.load(db, data, password, historyMonths);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        server = new FtopServer(ServerConfig.of(0, "127.0.0.1", jdbcUrl), db, clock).start();
        port = server.port();
    }

    HttpUrl url() {
        return HttpUrl.get("http://127.0.0.1:" + port + "/");
    }

    long loadedRevision() {
        return loadedRevision;
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
        Database db = Database.open(jdbcUrl);
        server = new FtopServer(ServerConfig.of(port, "127.0.0.1", jdbcUrl), db, clock).start();
    }

    @Override
    public void close() {
        stop();
    }
}
