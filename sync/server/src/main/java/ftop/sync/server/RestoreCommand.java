package ftop.sync.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ftop-server restore --from FILE}: puts a backup made by {@code ftop-server backup} in place
 * of the server's H2 database, with the server stopped (see {@link Backups#restoreH2}).
 */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Puts a backup from 'ftop-server backup' in place of the server's H2 database (stop the server first). "
                + "The replaced file is kept; clients sync afresh. PostgreSQL: use pg_restore (see the README).")
final class RestoreCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The backup to restore (a zip).")
    Path from;

    @Option(names = "--jdbc-url", defaultValue = "${env:FTOP_JDBC_URL}",
            description = "The server's H2 database (env FTOP_JDBC_URL; default the H2 file in ./ftop-server-data).")
    String jdbcUrl;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(from)) {
            throw new IllegalArgumentException("No backup file at " + from);
        }
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? ServerConfig.h2Url(Path.of("ftop-server-data")) : jdbcUrl;
        long started = System.nanoTime();
        Backups.RestoreReport report = Backups.restoreH2(from, url, Clock.systemUTC());
        System.out.printf("Restored %s into %s in %.1f s: the backup holds revisions up to %,d; new revisions start at %,d.%n",
                from, Backups.h2Base(url) + ".mv.db", (System.nanoTime() - started) / 1e9, report.restoredRevision(),
                report.nextRevision());
        System.out.println("New server id " + report.newServerId()
                + (report.oldServerId() == null ? "" : " (was " + report.oldServerId() + ")")
                + ": every client syncs afresh at its next sync, and keeps its unsynced edits.");
        if (report.replacedFile() != null) {
            System.out.println("The replaced database is kept as " + report.replacedFile() + "; delete it once the "
                    + "restored server runs as it should.");
        }
        return 0;
    }
}
