package ftop.sync.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/ready}: readiness, for a load balancer or an orchestrator deciding whether to
 * send this instance requests. Unlike {@code /health} (liveness: the process answers, nothing
 * else is touched) it asks the database, through the same queue for a connection as every request:
 * 200 when the database answers and its schema is the one this server migrated it to, 503 with the
 * reason when not (unreachable, a failed migration, another server migrated it further, or every
 * connection taken and too many waiting: then the answer is the usual 503 {@code busy}).
 */
final class Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final Database db;

    Readiness(Database db) {
        this.db = db;
    }

    void register(RoutesConfig routes) {
        routes.get(FtopServer.API + "/ready", this::ready);
    }

    private void ready(Context ctx) throws DatabaseBusyException {
        Optional<String> problem;
        try {
            problem = db.read(this::problem);
        } catch (DatabaseBusyException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Not ready: the database does not answer", e);
            problem = Optional.of("The database does not answer: " + e.getMessage());
        }
        if (problem.isPresent()) {
            throw new ApiException(503, "not_ready", problem.get(), null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "READY");
        body.put("schemaVersion", db.schemaVersion());
        Http.json(ctx, 200, body);
    }

    /** Why the database cannot serve requests now, or empty when it can. */
    private Optional<String> problem(Connection c) throws SQLException {
        RowStore.currentRevision(c);
        // Quoted lower case: the name Flyway gives its table on H2 and PostgreSQL alike.
        try (PreparedStatement ps = c.prepareStatement("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
                + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.of("The database has no schema; start the server again to create it.");
                }
                String version = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    return Optional.of("The migration of the schema to version " + version + " failed; see the server log.");
                }
                if (!version.equals(db.schemaVersion())) {
                    return Optional.of("The schema is at version " + version + " but this server runs version "
                            + db.schemaVersion() + "; start servers of one version.");
                }
                return Optional.empty();
            }
        }
    }
}
