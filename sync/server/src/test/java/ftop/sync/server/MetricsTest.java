package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class MetricsTest extends ServerTestBase {

    private static final String CONTOSO = Long.toString(Contoso.TPID);
    private static final String MUTATIONS = FtopServer.API + "/mutations";

    private static Mutation health(long base, String field, JsonNode value) {
        return Mutation.upsert(EntityKind.HEALTH, CONTOSO, base, Map.of(field, value));
    }

    private Answer metrics(String... headers) throws IOException {
        Request.Builder b = new Request.Builder().url(server.baseUri() + MetricsApi.PATH).get();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return call(b.build());
    }

    @Test
    void countsRequestsByRouteTemplatePushesOutcomesClientsAndFailedSignIns() throws Exception {
        long base = revisionOf(World.FM, EntityKind.HEALTH, CONTOSO);
        Answer wrong = post("/session", null, json(new LoginRequest(World.FM.userId(), "not the password")));
        assertThat(wrong.status()).isEqualTo(401);
        MutationResult lead = pushOne(World.US_LEAD, health(base, "progress.status", TextNode.valueOf("BLOCKED_TECHNICAL")));
        MutationResult conflict = pushOne(World.FM, health(base, "progress.status", TextNode.valueOf("NO_INTENT")));
        MutationResult rejected = pushOne(World.FM, health(lead.revision(), "perspective.successOwner",
                TextNode.valueOf(Contoso.FABRIKAM_CONTACT_ID.toString())));
        MutationResult applied = pushOne(World.FM, health(lead.revision(), "perspective.mindset", TextNode.valueOf("AVERSE")));
        assertThat(lead.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(conflict.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(applied.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(get("/customers/" + CONTOSO + "/history", token(World.FM)).status()).isEqualTo(200);

        Answer answer = metrics();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        PrometheusText m = PrometheusText.parse(answer.body());

        assertThat(m.value("ftop_pushes_total")).isEqualTo(4.0);
        assertThat(m.value("ftop_mutations_total", "outcome", "applied")).isEqualTo(2.0);
        assertThat(m.value("ftop_mutations_total", "outcome", "conflict")).isEqualTo(1.0);
        assertThat(m.value("ftop_mutations_total", "outcome", "rejected")).isEqualTo(1.0);

        assertThat(m.type("ftop_http_requests_seconds")).isEqualTo("histogram");
        String[] pushes = {"endpoint", MUTATIONS, "method", "POST", "status", "200"};
        assertThat(m.value("ftop_http_requests_seconds_count", pushes)).isEqualTo(4.0);
        assertThat(m.value("ftop_http_requests_seconds_bucket", with(pushes, "le", "+Inf"))).isEqualTo(4.0);
        assertThat(m.value("ftop_http_requests_seconds_bucket", with(pushes, "le", "30.0"))).isEqualTo(4.0);
        assertThat(m.value("ftop_http_requests_seconds_sum", pushes)).isPositive();
        assertThat(m.value("ftop_http_requests_seconds_count", "endpoint", FtopServer.API + "/session",
                "method", "POST", "status", "401")).isEqualTo(1.0);
        assertThat(m.value("ftop_http_requests_seconds_count", "endpoint", FtopServer.API + "/customers/{tpid}/history",
                "method", "GET", "status", "200")).isEqualTo(1.0);
        assertThat(m.keys()).noneMatch(key -> key.contains("/customers/" + CONTOSO));
        assertThat(m.value("ftop_signin_failures_total", "status", "401")).isEqualTo(1.0);

        assertThat(m.value("ftop_clients_connected")).as("the FM's and the lead's sessions").isEqualTo(2.0);
        assertThat(m.value("ftop_http_requests_active")).as("this scrape").isEqualTo(1.0);
        assertThat(m.value("ftop_db_admission_wait_seconds_count")).isGreaterThanOrEqualTo(4.0);
        assertThat(m.value("ftop_db_admission_refused_total")).isEqualTo(0.0);
        assertThat(m.value("ftop_db_admission_waiting")).isEqualTo(0.0);
        assertThat(m.value("hikaricp_connections_pending", "pool", "ftop-db")).isEqualTo(0.0);
        assertThat(m.value("hikaricp_connections_acquire_seconds_count", "pool", "ftop-db")).isPositive();

        clock.advance(ServerMetrics.CONNECTED_WINDOW.plusSeconds(1));
        PrometheusText later = PrometheusText.parse(metrics().body());
        assertThat(later.value("ftop_clients_connected")).as("no session seen for five minutes").isEqualTo(0.0);
    }

    @Test
    void callersElsewhereNeedTheScrapeToken() throws Exception {
        Answer refused = metrics("X-Forwarded-For", "203.0.113.9");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error().message()).contains("--metrics-token");

        server.stop();
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS);
        server = new FtopServer(ServerConfig.of(0, "127.0.0.1", jdbcUrl), db, clock).withMetricsToken("scrape-secret").start();

        Answer missing = metrics("X-Forwarded-For", "203.0.113.9");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error().error()).isEqualTo("unauthorized");
        Answer wrongToken = metrics("X-Forwarded-For", "203.0.113.9", "Authorization", "Bearer scrape-secreT");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.error().message()).contains("wrong");
        String sessionToken = token(World.ADMIN);
        assertThat(metrics("X-Forwarded-For", "203.0.113.9", "Authorization", "Bearer " + sessionToken).status())
                .as("a session token is no scrape token").isEqualTo(401);

        Answer allowed = metrics("X-Forwarded-For", "203.0.113.9", "Authorization", "Bearer scrape-secret");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(PrometheusText.parse(allowed.body()).value("ftop_signin_failures_total", "status", "401")).isNull();
        assertThat(metrics().status()).as("on this machine no token is needed").isEqualTo(200);
    }

    private static String[] with(String[] pairs, String name, String value) {
        String[] all = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        all[pairs.length] = name;
        all[pairs.length + 1] = value;
        return all;
    }
}
