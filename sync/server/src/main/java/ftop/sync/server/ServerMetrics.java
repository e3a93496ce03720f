package ftop.sync.server;

import ftop.sync.protocol.MutationResult;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * What the server tells {@code GET /metrics} (Prometheus text, through Micrometer): every series
 * of its own starts with {@code ftop_}; HikariCP's pool series ({@code hikaricp_}) and the JVM's
 * ({@code jvm_}, {@code process_}) sit beside them. One registry per server, so servers in one
 * JVM (tests, the demo) never mix their counts.
 */
final class ServerMetrics {

    /** A session token that made a request within this long counts as a connected client. */
    static final Duration CONNECTED_WINDOW = Duration.ofMinutes(5);

    /** Latency buckets: from a cached pull to a slow first page. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;
    private final Map<String, Instant> clientsSeen = new ConcurrentHashMap<>();
    private final Counter pushes;

    ServerMetrics(Clock clock, IntSupplier activeRequests) {
        this.clock = clock;
        pushes = Counter.builder("ftop.pushes").description("Batches of mutations answered 200").register(registry);
        for (String outcome : List.of("applied", "conflict", "rejected")) {
            mutations(outcome);
        }
        Gauge.builder("ftop.clients.connected", this::connectedClients)
                .description("Distinct session tokens that made a request in the last "
                        + CONNECTED_WINDOW.toMinutes() + " minutes")
                .register(registry);
        Gauge.builder("ftop.http.requests.active", activeRequests::getAsInt)
                .description("Requests being served now").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The registry the database's pool and admission queue report to. */
    MeterRegistry registry() {
        return registry;
    }

    /** Everything, in the Prometheus text format 0.0.4. */
    String scrape() {
        return registry.scrape();
    }

    /**
     * Records one answered request: its route template (never the raw path, so a TPID does not
     * make a series of its own), method, status and time; a failed sign-in; the client it came from.
     */
    void request(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        String method = ctx.method().name();
        int status = ctx.statusCode();
        Timer.builder("ftop.http.requests")
                .description("Requests answered, by route template, method and status")
                .tags("endpoint", route, "method", method, "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
        if (status >= 400 && status < 500 && method.equals("POST") && route.equals(FtopServer.API + "/session")) {
            Counter.builder("ftop.signin.failures").description("Sign-ins refused, by status")
                    .tag("status", Integer.toString(status)).register(registry).increment();
        }
        String token = ctx.attribute(Http.TOKEN);
        if (token != null) {
            clientsSeen.put(digest(token), clock.instant());
        }
    }

    /** Records a push answered 200 and the outcome of each of its mutations. */
    void pushed(List<MutationResult> results) {
        pushes.increment();
        for (MutationResult result : results) {
            if (result.outcome() != null) {
                mutations(result.outcome().name().toLowerCase(Locale.ROOT)).increment();
            }
        }
    }

    private Counter mutations(String outcome) {
        return Counter.builder("ftop.mutations").description("Mutations answered, by outcome (a repeated id counts again)")
                .tag("outcome", outcome).register(registry);
    }

    private double connectedClients() {
        Instant since = clock.instant().minus(CONNECTED_WINDOW);
        clientsSeen.values().removeIf(seen -> seen.isBefore(since));
        return clientsSeen.size();
    }

    /** Tokens are kept in memory only as hashes, as in the database. */
    private static String digest(String token) {
        return HexFormat.of().formatHex(MetricsApi.sha256(token), 0, 16);
    }
}
