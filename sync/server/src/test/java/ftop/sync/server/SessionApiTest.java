package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.user.UserRole;
import ftop.sync.protocol.ApiError;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class SessionApiTest extends ServerTestBase {

    @Test
    void signingInGivesATokenWithTheUsersRoles() throws Exception {
        LoginResponse login = login(World.US_LEAD);
        assertThat(login.token()).hasSizeGreaterThan(30);
        assertThat(login.userId()).isEqualTo("lynne.robbins");
        assertThat(login.displayName()).isEqualTo("Lynne Robbins");
        assertThat(login.roles()).containsExactly(UserRole.LEAD);
        assertThat(login.expiresAt()).isAfter(Instant.now().plusSeconds(3600));
        assertThat(get("/rules", login.token()).status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordOrUnknownUserIs401WithTheSameMessage() throws Exception {
        Answer wrong = post("/session", null, json(new LoginRequest(World.FM.userId(), "nope")));
        Answer unknown = post("/session", null, json(new LoginRequest("nobody", World.PASSWORD)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.error().message()).isEqualTo(unknown.error().message()).isEqualTo("Wrong user name or password");
    }

    @Test
    void guessingIsThrottledWithRetryAfterAndTheRightPasswordWorksOnceTheWaitIsOver() throws Exception {
        int refused = 0;
        for (int i = 0; i < 50; i++) {
            try (Response response = http.newCall(new Request.Builder().url(url("/session"))
                    .post(RequestBody.create(json(new LoginRequest(World.FM.userId(), "guess-" + i)), JSON)).build()).execute()) {
                if (response.code() == 429) {
                    refused++;
                    assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
                    assertThat(response.body().string()).contains("too_many_attempts").contains("Try again in");
                } else {
                    assertThat(response.code()).isEqualTo(401);
                }
            }
        }
        assertThat(refused).as("wrong passwords refused without a check").isGreaterThan(40);
        Answer tooSoon = post("/session", null, json(new LoginRequest(World.FM.userId(), World.PASSWORD)));
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.error().error()).isEqualTo("too_many_attempts");
        assertThat(login(World.US_LEAD).token()).as("other accounts are not concerned").isNotBlank();

        clock.advance(Duration.ofMinutes(16));
        assertThat(login(World.FM).token()).isNotBlank();
    }

    @Test
    void signingInNeedsBothFields() throws Exception {
        Answer answer = post("/session", null, "{\"userName\":\"megan.bowen\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error().field()).isEqualTo("password");
    }

    @Test
    void everyOtherEndpointNeedsAValidToken() throws Exception {
        for (String path : new String[] {"/changes?since=0", "/rules", "/customers/1001/history"}) {
            Answer none = get(path, null);
            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.error().error()).isEqualTo("unauthorized");
            assertThat(get(path, "made-up-token").status()).as(path).isEqualTo(401);
        }
        assertThat(post("/mutations", null, "{\"mutations\":[]}").status()).isEqualTo(401);
        assertThat(delete("/session", null).status()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheToken() throws Exception {
        String token = login(World.FM).token();
        assertThat(get("/rules", token).status()).isEqualTo(200);
        assertThat(delete("/session", token).status()).isEqualTo(204);
        Answer after = get("/rules", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.error().message()).contains("sign in again");
    }

    @Test
    void tokensExpire() throws Exception {
        LoginResponse login = login(World.FM);
        clock.advance(Duration.between(Instant.now(), login.expiresAt()).plusMinutes(1));
        Answer expired = get("/rules", login.token());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.error().message()).contains("expired");
    }

    @Test
    void livenessNeedsNoSignIn() throws Exception {
        Answer health = get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void rulesAreTheHealthThresholds() throws Exception {
        Answer rules = get("/rules", token(World.PARTNER));
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.json().has("workloads")).isTrue();
    }

    @Test
    void badBodiesAreExplained() throws Exception {
        Answer malformed = post("/session", null, "{\"userName\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error().message()).startsWith("The body is not valid JSON");

        Answer unknownField = post("/session", null, "{\"userName\":\"a\",\"password\":\"b\",\"remember\":true}");
        assertThat(unknownField.status()).isEqualTo(400);
        ApiError error = unknownField.error();
        assertThat(error.field()).isEqualTo("remember");
        assertThat(error.message()).contains("Unknown field \"remember\"");

        Answer wrongType = post("/session", null, "{\"userName\":[1],\"password\":\"b\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.error().field()).isEqualTo("userName");

        Answer text = call(new Request.Builder().url(url("/session"))
                .post(RequestBody.create("user=a", okhttp3.MediaType.get("text/plain"))).build());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.error().message()).contains("application/json");
    }

    @Test
    void unknownEndpointsAre404InTheSameForm() throws Exception {
        Answer answer = get("/planets", token(World.FM));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error().error()).isEqualTo("not_found");
    }
}
