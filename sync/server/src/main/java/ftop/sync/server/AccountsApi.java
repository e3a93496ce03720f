package ftop.sync.server;

import ftop.core.user.User;
import ftop.core.user.UserRole;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/admin/users/{userId}/disable} and {@code .../enable}: an administrator stops a
 * person from using the server (every session of theirs ends at once, password or identity
 * provider alike) and lets them in again. Deleting the user in the directory does the same for
 * good ({@link RowWrites}).
 */
final class AccountsApi {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsApi.class);

    private final Database db;
    private final SessionCache sessions;

    AccountsApi(Database db, SessionCache sessions) {
        this.db = db;
        this.sessions = sessions;
    }

    void register(RoutesConfig routes) {
        routes.post(FtopServer.API + "/admin/users/{userId}/disable", ctx -> change(ctx, true));
        routes.post(FtopServer.API + "/admin/users/{userId}/enable", ctx -> change(ctx, false));
    }

    private void change(Context ctx, boolean disable) throws SQLException {
        User admin = Http.user(ctx);
        if (!admin.has(UserRole.ADMIN)) {
            throw ApiException.forbidden("Only an administrator may disable or enable a user.");
        }
        String userId = ctx.pathParam("userId");
        if (disable && userId.equals(admin.userId())) {
            throw ApiException.badRequest("An administrator cannot disable themselves.", "userId");
        }
        boolean known = db.inTransaction(c -> {
            if (Accounts.user(c, userId).isEmpty()) {
                return false;
            }
            if (disable) {
                Accounts.revokeAll(c, userId, true);
            } else {
                Accounts.enable(c, userId);
            }
            return true;
        });
        if (!known) {
            throw ApiException.notFound("There is no user \"" + SessionApi.loggable(userId) + "\".");
        }
        // Once committed: a check that read the sessions before the revocation is not believed after it.
        sessions.forget(userId);
        LOG.info("{} {} user {}", admin.userId(), disable ? "disabled" : "enabled", SessionApi.loggable(userId));
        ctx.status(204);
    }
}
