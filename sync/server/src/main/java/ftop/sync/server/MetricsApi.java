package ftop.sync.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * {@code GET /metrics}: the server's metrics in Prometheus text, on the server's own port. A caller
 * on this machine gets them as they are; anyone else only with the scrape token the operator set
 * ({@code --metrics-token}), sent as {@code Authorization: Bearer TOKEN}. A request that came through
 * a proxy ({@code Forwarded} or {@code X-Forwarded-For}) does not count as local, even when the
 * proxy runs on this machine.
 */
final class MetricsApi {

    /** The path, outside {@link FtopServer#API}: where Prometheus looks by default. */
    static final String PATH = "/metrics";

    private final ServerMetrics metrics;
    private final Optional<byte[]> tokenHash;

    MetricsApi(ServerMetrics metrics, Optional<String> token) {
        this.metrics = metrics;
        this.tokenHash = token.filter(t -> !t.isBlank()).map(MetricsApi::sha256);
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::metrics);
    }

    private void metrics(Context ctx) {
        if (!local(ctx)) {
            checkToken(ctx);
        }
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void checkToken(Context ctx) {
        if (tokenHash.isEmpty()) {
            throw new ApiException(403, "forbidden", "Metrics are served to callers on the server's own machine only; "
                    + "the operator can start the server with --metrics-token (env FTOP_METRICS_TOKEN) to let a scraper "
                    + "elsewhere in with that token.", null);
        }
        String header = ctx.header("Authorization");
        String sent = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        // Both sides hashed to the same length first: the comparison takes as long whatever was sent.
        if (sent.isEmpty() || !MessageDigest.isEqual(sha256(sent), tokenHash.get())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"ftop-metrics\"");
            throw new ApiException(401, "unauthorized", sent.isEmpty()
                    ? "Send the metrics scrape token as Authorization: Bearer <token>"
                    : "The metrics scrape token is wrong", null);
        }
    }

    private static boolean local(Context ctx) {
        if (ctx.header("Forwarded") != null || ctx.header("X-Forwarded-For") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
