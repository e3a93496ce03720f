package ftop.sync.server;

import ftop.core.user.User;
import ftop.core.user.UserRole;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;

/**
 * {@code GET /api/v1/admin/backup}: a consistent copy of the server's H2 database, taken while the
 * server runs, as a zip (what {@code ftop-server backup --to FILE} saves and {@code ftop-server
 * restore --from FILE} puts back). Administrators only. A PostgreSQL database is backed up with
 * its own tools ({@code pg_dump}); the endpoint says so.
 */
final class BackupApi {

    private final Database db;

    BackupApi(Database db) {
        this.db = db;
    }

    void register(RoutesConfig routes) {
        routes.get(FtopServer.API + "/admin/backup", this::backup);
    }

    private void backup(Context ctx) throws SQLException, IOException {
        User user = Http.user(ctx);
        if (!user.has(UserRole.ADMIN)) {
            throw ApiException.forbidden("Only an administrator may take a backup of the server's database.");
        }
        if (db.postgres()) {
            throw new ApiException(409, "use_pg_dump", "This server keeps its data in PostgreSQL: back it up with pg_dump "
                    + "(see the README, \"Backups\").", null);
        }
        Path file = Files.createTempFile("ftop-backup-", ".zip");
        try {
            long revision = Backups.backUpH2(db, file);
            ctx.header("Content-Disposition", "attachment; filename=\"ftop-server-backup.zip\"");
            ctx.header(Backups.REVISION_HEADER, Long.toString(revision));
            ctx.status(200).contentType("application/zip");
            // The temporary copy goes when the answer has been sent (or the client went away).
            ctx.result(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE));
        } catch (SQLException | IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
