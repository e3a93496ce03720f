package ftop.sync.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ftop-server prune}: applies the retention periods to the database once (see
 * {@link Retention}). On H2 the server must be stopped (the file is its own); on PostgreSQL it may
 * run beside the servers. A running server prunes on its own with {@code --prune-every-hours}.
 */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Removes what the retention periods no longer keep: acknowledged mutation answers, old field "
                + "history, old tombstones, expired sessions. Stop an H2 server first; on PostgreSQL it may run beside it.")
final class PruneCommand implements Callable<Integer> {

    @Option(names = "--jdbc-url", defaultValue = "${env:FTOP_JDBC_URL}",
            description = "The server's database (env FTOP_JDBC_URL; default the H2 file in ./ftop-server-data).")
    String jdbcUrl;

    @Mixin
    RetentionOptions retention;

    @Override
    public Integer call() throws Exception {
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? ServerConfig.h2Url(Path.of("ftop-server-data")) : jdbcUrl;
        Retention.Policy policy = retention.policy();
        try (Database db = Database.open(url, Database.PoolSettings.of(2))) {
            System.out.println(Retention.prune(db, policy, Instant.now()));
        }
        return 0;
    }
}
