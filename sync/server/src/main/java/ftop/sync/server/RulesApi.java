package ftop.sync.server;

import ftop.core.health.HealthRules;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/v1/rules} (the health thresholds every client applies, kept as data) and
 * {@code GET /api/v1/health} (liveness, no sign-in: for load balancers and monitors).
 */
final class RulesApi {

    private final String rulesJson;

    RulesApi(String rulesJson) {
        // Parse once at start: a broken rules file stops the server instead of reaching clients.
        HealthRules.parse(rulesJson);
        this.rulesJson = rulesJson;
    }

    RulesApi() {
        this(HealthRules.defaultJson());
    }

    void register(RoutesConfig routes) {
        routes.get(FtopServer.API + "/rules", this::rules);
        routes.get(FtopServer.API + "/health", RulesApi::health);
    }

    private void rules(Context ctx) {
        Http.user(ctx);
        ctx.status(200).contentType("application/json").result(rulesJson);
    }

    private static void health(Context ctx) {
        ctx.status(200).contentType("application/json").result("{\"status\":\"UP\"}");
    }
}
