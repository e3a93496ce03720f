package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerApiTest {

    private FakeHttpServer fake;
    private ServerApi api;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeHttpServer();
        api = new ServerApi(fake.url(), ServerApi.defaultHttpClient());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void loginSendsTheCredentialsAndReadsTheToken() throws Exception {
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"token\":\"t-1\",\"expiresAt\":\"2026-12-01T00:00:00Z\",\"userId\":\"megan.bowen\","
                        + "\"displayName\":\"Megan Bowen\",\"roles\":[\"FM\"],\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}"));

        LoginResponse login = api.login("megan.bowen", "demo");

        assertThat(login.token()).isEqualTo("t-1");
        assertThat(login.displayName()).isEqualTo("Megan Bowen");
        FakeHttpServer.Received request = fake.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/api/v1/session");
        assertThat(request.body()).contains("\"userName\":\"megan.bowen\"", "\"password\":\"demo\"");
    }

    @Test
    void wrongPasswordIsLoginNeededWithTheServersMessage() {
        fake.answer(ex -> FakeHttpServer.respond(ex, 401, "application/json",
                "{\"status\":401,\"error\":\"unauthorized\",\"message\":\"Wrong user name or password\",\"field\":null}"));

        assertFailure(() -> api.login("megan.bowen", "nope"), SyncFailure.LOGIN_NEEDED, "Wrong user name or password");
    }

    @Test
    void changesSendsTheTokenAndCursorAndReadsThePage() throws Exception {
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"since\":7,\"next\":9,\"more\":false,\"serverRevision\":9,\"changes\":["
                        + "{\"kind\":\"customer\",\"id\":\"1\",\"tpid\":1,\"revision\":8,\"body\":{\"tpid\":1}},"
                        + "{\"kind\":\"tenant\",\"id\":\"x\",\"tpid\":1,\"revision\":9,\"body\":null}],"
                        + "\"droppedCustomers\":[42],\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}"));

        ChangesPage page = api.changes("tok", 7, 500);

        assertThat(page.changes()).hasSize(2);
        assertThat(page.changes().get(1).deleted()).isTrue();
        assertThat(page.droppedCustomers()).containsExactly(42L);
        assertThat(fake.received().get(0).pathAndQuery()).isEqualTo("/api/v1/changes?since=7&limit=500");
        assertThat(fake.received().get(0).authorization()).isEqualTo("Bearer tok");
    }

    @Test
    void answersWithFieldsThisClientDoesNotKnowAreAccepted() throws Exception {
        fake.answer(ex -> {
            String path = ex.getRequestURI().getPath();
            if (path.endsWith("/session")) {
                FakeHttpServer.respond(ex, 200, "application/json", "{\"token\":\"t-1\",\"expiresAt\":null,"
                        + "\"userId\":\"megan.bowen\",\"displayName\":\"Megan Bowen\",\"roles\":[\"FM\"],"
                        + "\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"passwordExpiresAt\":\"2030-01-01T00:00:00Z\"}");
            } else {
                FakeHttpServer.respond(ex, 200, "application/json", "{\"since\":7,\"next\":8,\"more\":false,"
                        + "\"serverRevision\":8,\"cursorTag\":\"c-8\",\"changes\":[{\"kind\":\"customer\",\"id\":\"1\","
                        + "\"tpid\":1,\"revision\":8,\"body\":{\"tpid\":1},\"changedBy\":\"alex.wilber\"}],"
                        + "\"droppedCustomers\":[],\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"hint\":{\"poll\":30}}");
            }
        });

        assertThat(api.login("megan.bowen", "demo").token()).isEqualTo("t-1");
        ChangesPage page = api.changes("t-1", 7, 500);
        assertThat(page.next()).isEqualTo(8);
        assertThat(page.changes()).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo("1"));
    }

    @Test
    void noServerListeningIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServerApi nowhere = new ServerApi(HttpUrl.get("http://127.0.0.1:" + port + "/"), ServerApi.defaultHttpClient());

        assertFailure(() -> nowhere.changes("tok", 0, 10), SyncFailure.UNREACHABLE,
                "Cannot reach the server at http://127.0.0.1:" + port);
    }

    @Test
    void garbageIsABadAnswer() {
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "text/html", "<html>Hotel wifi login</html>"));

        assertFailure(() -> api.changes("tok", 0, 10), SyncFailure.BAD_ANSWER, "Nothing was changed locally");
    }

    @Test
    void cutOffAnswerIsABadAnswer() {
        String page = "{\"since\":0,\"next\":2,\"more\":false,\"serverRevision\":2,\"changes\":[],\"droppedCustomers\":[],\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}";
        fake.answer(ex -> FakeHttpServer.respondCutOff(ex, page, 30));

        assertFailure(() -> api.changes("tok", 0, 10), SyncFailure.BAD_ANSWER, "cut off");
    }

    @Test
    void wellFormedJsonThatIsNotAPageIsABadAnswer() {
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", "{\"hello\":\"world\"}"));

        // Unknown fields are skipped, but a page's numbers may not be missing.
        assertFailure(() -> api.changes("tok", 0, 10), SyncFailure.BAD_ANSWER, "not what was expected");
    }

    @Test
    void aPageThatDoesNotMoveOnIsABadAnswer() {
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"since\":5,\"next\":5,\"more\":true,\"serverRevision\":9,\"changes\":[],\"droppedCustomers\":[],\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}"));

        assertFailure(() -> api.changes("tok", 5, 10), SyncFailure.BAD_ANSWER, "does not move on");
    }

    @Test
    void aRowOfUnknownKindIsABadAnswer() {
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"since\":0,\"next\":1,\"more\":false,\"serverRevision\":1,\"changes\":["
                        + "{\"kind\":\"spaceship\",\"id\":\"1\",\"tpid\":1,\"revision\":1,\"body\":{}}],\"droppedCustomers\":[],\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}"));

        assertFailure(() -> api.changes("tok", 0, 10), SyncFailure.BAD_ANSWER, "spaceship");
    }

    @Test
    void serverErrorCarriesTheServersMessageAndAProxyPageStillGivesTheStatus() {
        fake.answer(ex -> FakeHttpServer.respond(ex, 500, "application/json",
                "{\"status\":500,\"error\":\"internal\",\"message\":\"The database is not available\",\"field\":null}"));
        assertFailure(() -> api.changes("tok", 0, 10), SyncFailure.SERVER_ERROR, "The database is not available");

        fake.answer(ex -> FakeHttpServer.respond(ex, 502, "text/html", "<h1>Bad Gateway</h1>"));
        assertFailure(() -> api.changes("tok", 0, 10), SyncFailure.SERVER_ERROR, "HTTP 502");
    }

    @Test
    void resultsThatDoNotAnswerTheBatchAreABadAnswer() throws Exception {
        MutationRequest sent = MutationRequest.of(Mutation.upsert(EntityKind.CUSTOMER, "1", 3,
                Map.of("name", JsonNodeFactory.instance.textNode("Contoso"))));
        MutationBatch batch = new MutationBatch(List.of(sent));
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"results\":[{\"id\":\"00000000-0000-0000-0000-000000000001\",\"outcome\":\"APPLIED\",\"revision\":4,"
                        + "\"row\":null,\"conflicts\":[],\"message\":null,\"field\":null}]}"));
        assertFailure(() -> api.mutations("tok", batch), SyncFailure.BAD_ANSWER, "not sent");

        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"results\":[{\"id\":\"" + sent.id() + "\",\"outcome\":\"APPLIED\",\"revision\":4,"
                        + "\"row\":null,\"conflicts\":[],\"message\":null,\"field\":null}]}"));
        MutationResults results = api.mutations("tok", batch);
        assertThat(results.results()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.APPLIED));
    }

    @Test
    void withoutATokenNothingIsSentAndLoginIsNeeded() {
        assertFailure(() -> api.changes(null, 0, 10), SyncFailure.LOGIN_NEEDED, "sign in");
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void theResyncAnswerKeepsTheServersCode() {
        fake.answer(ex -> FakeHttpServer.respond(ex, 409, "application/json",
                "{\"status\":409,\"error\":\"resync\",\"message\":\"This workspace is ahead of the server\",\"field\":\"since\"}"));

        assertThatThrownBy(() -> api.changes("t", 99, 10)).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(SyncFailure.SERVER_ERROR);
            assertThat(e.httpStatus()).hasValue(409);
            assertThat(e.code()).contains(SyncException.RESYNC);
            assertThat(e.getMessage()).contains("This workspace is ahead of the server");
        });
    }

    private static void assertFailure(ThrowingCallable call, SyncFailure failure, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
