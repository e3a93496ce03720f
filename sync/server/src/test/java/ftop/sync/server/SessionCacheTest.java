package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A session checked a moment ago is believed without asking the database again, for a short time
 * and never past its expiry; whatever ends it on this instance ends it at once, and what ends it
 * on another instance is honoured within the trust time (at once when the commit names the person).
 */
@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class SessionCacheTest extends ServerTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private FtopServer other;

    @AfterEach
    void stopOther() {
        if (other != null) {
            other.stop();
        }
    }

    @Test
    void aTokenUsedTwiceWithinTheTrustTimeIsCheckedAgainstTheDatabaseOnce() throws Exception {
        String token = login(World.FM).token();
        long asked = databaseChecks();
        long remembered = server.sessions().answeredFromMemory();

        assertThat(get("/rules", token).status()).isEqualTo(200);
        assertThat(get("/session", token).json().get("userId").asText()).isEqualTo(World.FM.userId());

        assertThat(databaseChecks() - asked).isEqualTo(1);
        assertThat(server.sessions().answeredFromMemory() - remembered).isEqualTo(1);
        Answer scrape = call(new Request.Builder().url(server.baseUri() + MetricsApi.PATH).get().build());
        PrometheusText metrics = PrometheusText.parse(scrape.body());
        assertThat(metrics.value("ftop_session_checks_total", "from", "memory")).isEqualTo((double) remembered + 1);
        assertThat(metrics.value("ftop_session_checks_total", "from", "database")).isEqualTo((double) asked + 1);
    }

    @Test
    void afterTheTrustTimeTheDatabaseIsAskedAgain() throws Exception {
        String token = login(World.FM).token();
        long asked = databaseChecks();
        assertThat(get("/rules", token).status()).isEqualTo(200);

        clock.advance(SessionCache.TRUST);
        assertThat(get("/rules", token).status()).isEqualTo(200);
        assertThat(get("/rules", token).status()).isEqualTo(200);

        assertThat(databaseChecks() - asked).isEqualTo(2);
    }

    @Test
    void aTokenIsNeverBelievedPastItsExpiry() throws Exception {
        LoginResponse login = login(World.FM);
        clock.advance(Duration.between(clock.instant(), login.expiresAt()).minusSeconds(5));
        assertThat(get("/rules", login.token()).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(6));
        Answer expired = get("/rules", login.token());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.error().message()).contains("expired");
    }

    @Test
    void anUnknownTokenIsAskedEachTimeAndAFreshSignInWorksAtOnce() throws Exception {
        long asked = databaseChecks();
        assertThat(get("/rules", "made-up-token").status()).isEqualTo(401);
        assertThat(get("/rules", "made-up-token").status()).isEqualTo(401);
        assertThat(databaseChecks() - asked).isEqualTo(2);

        assertThat(get("/rules", login(World.FM).token()).status()).isEqualTo(200);
    }

    @Test
    void signingOutTakesEffectAtOnceAndTheOtherSessionsOfThePersonStay() throws Exception {
        String laptop = login(World.FM).token();
        String desktop = login(World.FM).token();
        assertThat(get("/rules", laptop).status()).isEqualTo(200);
        assertThat(get("/rules", desktop).status()).isEqualTo(200);

        assertThat(delete("/session", laptop).status()).isEqualTo(204);

        assertThat(get("/rules", laptop).status()).isEqualTo(401);
        assertThat(get("/rules", desktop).status()).isEqualTo(200);
    }

    @Test
    void disablingAPersonEndsTheirRememberedSessionsAtOnce() throws Exception {
        String token = login(World.FM).token();
        assertThat(get("/rules", token).status()).isEqualTo(200);

        assertThat(post("/admin/users/" + World.FM.userId() + "/disable", token(World.ADMIN), "").status())
                .isEqualTo(204);

        assertThat(get("/rules", token).status()).isEqualTo(401);
    }

    @Test
    void deletingAPersonEndsTheirRememberedSessionsAtOnce() throws Exception {
        String token = login(World.OTHER_FM).token();
        assertThat(get("/rules", token).status()).isEqualTo(200);

        long revision = revisionOf(World.ADMIN, EntityKind.USER, World.OTHER_FM.userId());
        assertThat(pushOne(World.ADMIN, Mutation.delete(EntityKind.USER, World.OTHER_FM.userId(), revision)).outcome())
                .isEqualTo(Outcome.APPLIED);

        assertThat(get("/rules", token).status()).isEqualTo(401);
    }

    @Test
    void anEditOfThePersonIsSeenByTheirNextRequest() throws Exception {
        String token = login(World.OTHER_FM).token();
        assertThat(get("/session", token).json().get("displayName").asText()).isEqualTo("Adele Vance");

        long revision = revisionOf(World.ADMIN, EntityKind.USER, World.OTHER_FM.userId());
        var renamed = pushOne(World.ADMIN, Mutation.upsert(EntityKind.USER, World.OTHER_FM.userId(), revision,
                Map.of("displayName", TextNode.valueOf("Adele Vance-Gu"))));
        assertThat(renamed.outcome()).as(renamed.message()).isEqualTo(Outcome.APPLIED);

        assertThat(get("/session", token).json().get("displayName").asText()).isEqualTo("Adele Vance-Gu");
    }

    @Test
    void aChangeOfAPersonsScopeHasTheirSessionCheckedAgain() throws Exception {
        String token = login(World.FTA).token();
        assertThat(get("/rules", token).status()).isEqualTo(200);

        String assignment = World.FTA_ON_FABRIKAM.id().toString();
        long revision = revisionOf(World.ADMIN, EntityKind.ASSIGNMENT, assignment);
        assertThat(pushOne(World.ADMIN, Mutation.delete(EntityKind.ASSIGNMENT, assignment, revision)).outcome())
                .isEqualTo(Outcome.APPLIED);

        long asked = databaseChecks();
        assertThat(get("/rules", token).status()).isEqualTo(200);
        assertThat(databaseChecks() - asked).isEqualTo(1);
    }

    @Test
    void aSignOutThroughAnotherInstanceIsHonouredWithinTheTrustTime() throws Exception {
        startOther();
        String token = login(World.FM).token();
        assertThat(get("/rules", token).status()).isEqualTo(200);

        assertThat(onOther(new Request.Builder().delete(), "/session", token).status()).isEqualTo(204);
        assertThat(onOther(new Request.Builder().get(), "/rules", token).status()).isEqualTo(401);

        clock.advance(SessionCache.TRUST);
        assertThat(get("/rules", token).status()).isEqualTo(401);
    }

    @Test
    void aDisablingThroughAnotherInstanceIsHonouredWithinTheTrustTime() throws Exception {
        startOther();
        String token = login(World.FM).token();
        assertThat(get("/rules", token).status()).isEqualTo(200);

        assertThat(onOther(new Request.Builder().post(RequestBody.create("", JSON)),
                "/admin/users/" + World.FM.userId() + "/disable", token(World.ADMIN)).status()).isEqualTo(204);

        clock.advance(SessionCache.TRUST);
        assertThat(get("/rules", token).status()).isEqualTo(401);
    }

    @Test
    void aDeletionThroughAnotherInstanceIsHonouredAsSoonAsItsNoticeArrives() throws Exception {
        startOther();
        String token = login(World.OTHER_FM).token();
        assertThat(get("/rules", token).status()).isEqualTo(200);

        long revision = revisionOf(World.ADMIN, EntityKind.USER, World.OTHER_FM.userId());
        String batch = json(new MutationBatch(List.of(MutationRequest.of(
                Mutation.delete(EntityKind.USER, World.OTHER_FM.userId(), revision)))));
        Answer deleted = onOther(new Request.Builder().post(RequestBody.create(batch, JSON)), "/mutations",
                token(World.ADMIN));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);

        // This instance forgets what it remembered when the notice arrives, well within the trust time.
        await().atMost(PATIENCE).until(() -> server.sessions().size() == 0);
        assertThat(get("/rules", token).status()).isEqualTo(401);
    }

    private long databaseChecks() {
        return server.sessions().askedDatabase();
    }

    /** A second instance on the same PostgreSQL database (H2 allows one process per database). */
    private void startOther() {
        Assumptions.assumeTrue(backend == Backend.POSTGRES, "two instances share a PostgreSQL database only");
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS);
        other = new FtopServer(ServerConfig.of(0, "127.0.0.1", jdbcUrl), db, clock).start();
    }

    private Answer onOther(Request.Builder request, String path, String token) throws Exception {
        return call(request.url(other.baseUri() + FtopServer.API + path)
                .header("Authorization", "Bearer " + token).build());
    }
}
