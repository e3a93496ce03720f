package ftop.sync.server;

import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.MutationResults;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;

/** {@code POST /api/v1/mutations}: a batch of at most 200 edits, answered one by one. */
final class MutationsApi {

    private final MutationService service;
    private final ServerMetrics metrics;

    MutationsApi(MutationService service, ServerMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.post(FtopServer.API + "/mutations", this::mutations);
    }

    private void mutations(Context ctx) throws SQLException {
        var user = Http.user(ctx);
        MutationBatch batch = Http.body(ctx, MutationBatch.class);
        if (batch.mutations().isEmpty()) {
            throw ApiException.badRequest("\"mutations\" must list at least one mutation", "mutations");
        }
        if (batch.mutations().size() > MutationBatch.MAX_SIZE) {
            throw new ApiException(413, "batch_too_large", "A batch holds at most " + MutationBatch.MAX_SIZE
                    + " mutations; this one has " + batch.mutations().size() + ". Send them in smaller batches.", "mutations");
        }
        List<MutationResult> results = service.apply(user, batch);
        metrics.pushed(results);
        Http.json(ctx, 200, new MutationResults(results));
    }
}
