package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.store.LocalStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's wait for changes against scripted servers: one that holds requests, an older one
 * that answers at once, and a proxy that cuts the wait.
 */
class ChangesWaitTest {

    private static final String SERVER_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final Duration WAIT = Duration.ofSeconds(25);

    @TempDir
    Path dir;

    private FakeHttpServer fake;
    private LocalStore store;
    private SyncClient client;

    @BeforeEach
    void open() throws Exception {
        fake = new FakeHttpServer();
        store = Workspaces.open(dir.resolve("ws"));
        store.bulkLoad(Workspaces.contoso(), 5);
        store.adoptServerId(SERVER_ID);
        store.putSetting(SyncClient.TOKEN, "tok");
        store.putSetting(SyncClient.TOKEN_EXPIRES_AT, "2100-01-01T00:00:00Z");
        client = new SyncClient(fake.url(), store, ServerApi.defaultHttpClient(), 100, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
        fake.close();
    }

    @Test
    void anOlderServerThatAnswersAtOnceIsPolledInstead() throws Exception {
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", emptyPage(5, 5)));

        assertThat(client.awaitChanges(WAIT)).isEqualTo(LiveOutcome.UNSUPPORTED);
        assertThat(fake.received()).singleElement().satisfies(request ->
                assertThat(request.pathAndQuery()).contains("/api/v1/changes?since=5", "wait=25"));
    }

    @Test
    void nothingNewWaitsAgainFromWhereTheServerLeftOff() throws Exception {
        fake.answer(ex -> {
            ex.getResponseHeaders().set("Ftop-Wait", "25");
            FakeHttpServer.respond(ex, 200, "application/json", emptyPage(5, 9));
        });

        assertThat(client.awaitChanges(WAIT)).isEqualTo(LiveOutcome.QUIET);
        fake.answer(ex -> {
            ex.getResponseHeaders().set("Ftop-Wait", "25");
            FakeHttpServer.respond(ex, 200, "application/json", emptyPage(9, 9));
        });
        assertThat(client.awaitChanges(WAIT)).isEqualTo(LiveOutcome.QUIET);

        assertThat(fake.received()).extracting(FakeHttpServer.Received::pathAndQuery)
                .satisfiesExactly(first -> assertThat(first).contains("since=5"),
                        second -> assertThat(second).contains("since=9"));
        assertThat(store.cursor()).as("a wait changes nothing locally").isEqualTo(5);
    }

    @Test
    void somethingNewAsksForASync() throws Exception {
        fake.answer(ex -> {
            ex.getResponseHeaders().set("Ftop-Wait", "25");
            FakeHttpServer.respond(ex, 200, "application/json", "{\"since\":5,\"next\":7,\"more\":false,\"serverRevision\":7,"
                    + "\"changes\":[],\"droppedCustomers\":[2002],\"serverId\":\"" + SERVER_ID + "\"}");
        });

        assertThat(client.awaitChanges(WAIT)).isEqualTo(LiveOutcome.CHANGED);
        assertThat(store.cursor()).isEqualTo(5);

        // The pull that follows starts with the page the wait brought: no second request.
        client.pull(p -> { });
        assertThat(fake.received()).hasSize(1);
        assertThat(store.cursor()).isEqualTo(7);
        assertThat(store.customers().get("2002")).isEmpty();
    }

    @Test
    void aProxyCuttingTheWaitIsAFailureToBackOffFrom() {
        fake.answer(ex -> FakeHttpServer.respond(ex, 504, "text/html", "<html>Gateway Timeout</html>"));

        assertThatThrownBy(() -> client.awaitChanges(WAIT)).isInstanceOf(SyncException.class);
    }

    private static String emptyPage(long since, long next) {
        return "{\"since\":" + since + ",\"next\":" + next + ",\"more\":false,\"serverRevision\":" + next
                + ",\"changes\":[],\"droppedCustomers\":[],\"serverId\":\"" + SERVER_ID + "\"}";
    }
}
