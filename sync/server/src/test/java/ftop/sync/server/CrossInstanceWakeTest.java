package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two server instances on one PostgreSQL database: a change committed through one wakes a client
 * waiting on the other (PostgreSQL's LISTEN/NOTIFY), and only when it touches the client's scope.
 */
@ParameterizedClass
@EnumSource(value = ServerTestBase.Backend.class, names = "POSTGRES")
class CrossInstanceWakeTest extends ServerTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private FtopServer other;

    @AfterEach
    void stopOther() {
        if (other != null) {
            other.stop();
        }
    }

    @Test
    void aChangeThroughOneInstanceWakesAClientWaitingOnAnother() throws Exception {
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS);
        other = new FtopServer(ServerConfig.of(0, "127.0.0.1", jdbcUrl), db, clock).start();
        long since = pullAll(World.FM, 0, 5000).get(0).next();
        CompletableFuture<ChangesPage> waiting = longPollOnOther(since);
        await().atMost(PATIENCE).until(() -> other.waitingClients() == 1);

        // Fabrikam is not the FM's: the other instance hears of the commit and lets the FM wait on.
        var elsewhere = pushOne(World.ADMIN, Mutation.upsert(EntityKind.CONTACT, Contoso.FABRIKAM_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("CIO"))));
        assertThat(elsewhere.outcome()).as(elsewhere.message()).isEqualTo(Outcome.APPLIED);
        var mine = pushOne(World.US_LEAD, Mutation.upsert(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("GTP"))));
        assertThat(mine.outcome()).as(mine.message()).isEqualTo(Outcome.APPLIED);

        ChangesPage page = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(keys(page.changes())).containsExactly("contact:" + Contoso.MICROSOFT_CONTACT_ID);
        assertThat(page.next()).isEqualTo(mine.revision());
        assertThat(other.waitingClients()).isZero();
    }

    private CompletableFuture<ChangesPage> longPollOnOther(long since) throws IOException {
        Request request = new Request.Builder()
                .url(other.baseUri() + FtopServer.API + "/changes?since=" + since + "&wait=" + ChangesApi.MAX_WAIT_SECONDS)
                .header("Authorization", "Bearer " + token(World.FM)).get().build();
        return CompletableFuture.supplyAsync(() -> {
            try (Response response = http.newCall(request).execute()) {
                assertThat(response.code()).isEqualTo(200);
                return MAPPER.readValue(response.body().string(), ChangesPage.class);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
