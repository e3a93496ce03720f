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
import ftop.sync.protocol.RowChange;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
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
    void aServerThatTakesTheConnectionButNeverAnswersIsSaidToNotAnswer() throws Exception {
        // The operating system completes the connection into the backlog; nobody ever reads it.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            OkHttpClient impatient = ServerApi.defaultHttpClient().newBuilder().readTimeout(Duration.ofMillis(300)).build();
            ServerApi stuck = new ServerApi(HttpUrl.get("http://127.0.0.1:" + silent.getLocalPort() + "/"), impatient);

            assertThatThrownBy(() -> stuck.changes("tok", 0, 10)).isInstanceOfSatisfying(SyncException.class, e -> {
                assertThat(e.failure()).isEqualTo(SyncFailure.UNREACHABLE);
                assertThat(e.getMessage()).isEqualTo("The server at http://127.0.0.1:" + silent.getLocalPort()
                        + " took the connection but does not answer (nothing within 300 ms); it may be overloaded or"
                        + " stuck. Your changes are kept and will be sent when it answers again.");
            });
        }
    }

    @Test
    void aServerThatHangsUpWithoutAWordIsSaidToHaveClosedTheConnection() throws Exception {
        try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread hangUp = new Thread(() -> {
                while (!rude.isClosed()) {
                    try (Socket socket = rude.accept()) {
                        socket.getInputStream().read();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            hangUp.setDaemon(true);
            hangUp.start();
            ServerApi hungUp = new ServerApi(HttpUrl.get("http://127.0.0.1:" + rude.getLocalPort() + "/"),
                    ServerApi.defaultHttpClient());

            assertFailure(() -> hungUp.changes("tok", 0, 10), SyncFailure.UNREACHABLE,
                    "closed the connection without answering");
        }
    }

    @Test
    void anEndlessAnswerIsRefusedAtTheCapWithoutFillingTheMemory() {
        AtomicLong sent = new AtomicLong();
        fake.answer(ex -> sendEndlessly(ex, 200, "{\"since\":0,", sent));

        assertFailure(() -> api.changes("tok", 0, 10), SyncFailure.BAD_ANSWER,
                "The server's answer to \"fetch changes\" is larger than 64 MB, more than this app accepts, so it was not"
                        + " used. Nothing was changed locally and sync will try again.");
        assertThat(api.maxAnswerBytes()).isEqualTo(ServerApi.DEFAULT_MAX_ANSWER_BYTES);
    }

    @Test
    void anAnswerLargerThanTheCapIsRefusedWhetherAnnouncedOrNot() {
        ServerApi capped = new ServerApi(fake.url(), ServerApi.defaultHttpClient(), 64 * 1024);
        String huge = page(0, 2000, 2000, 2000);
        assertThat(huge.length()).isGreaterThan(64 * 1024);

        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", huge));
        assertFailure(() -> capped.changes("tok", 0, 5000), SyncFailure.BAD_ANSWER, "is larger than 64 KB");

        fake.answer(ex -> FakeHttpServer.respondChunked(ex, 200, "application/json", huge));
        assertFailure(() -> capped.changes("tok", 0, 5000), SyncFailure.BAD_ANSWER, "is larger than 64 KB");
    }

    @Test
    void anAnswerOfExactlyTheCapIsRead() throws Exception {
        String page = page(0, 3, 3, 3);
        ServerApi capped = new ServerApi(fake.url(), ServerApi.defaultHttpClient(),
                page.getBytes(StandardCharsets.UTF_8).length);
        fake.answer(ex -> FakeHttpServer.respondChunked(ex, 200, "application/json", page));

        assertThat(capped.changes("tok", 0, 5000).changes()).hasSize(3);
    }

    @Test
    void anEndlessErrorPageStillGivesTheStatus() {
        AtomicLong sent = new AtomicLong();
        fake.answer(ex -> sendEndlessly(ex, 503, "<html><body>", sent));

        assertFailure(() -> api.changes("tok", 0, 10), SyncFailure.SERVER_ERROR, "HTTP 503");
    }

    @Test
    void aBusyServersRetryAfterIsReadInSecondsOrAsADate() throws Exception {
        String busy = "{\"status\":503,\"error\":\"busy\",\"message\":\"The server is busy; try again shortly.\",\"field\":null}";
        fake.answer(ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            FakeHttpServer.respond(ex, 503, "application/json", busy);
        });
        assertThatThrownBy(() -> api.changes("tok", 0, 10)).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(SyncFailure.SERVER_ERROR);
            assertThat(e.code()).contains("busy");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(e.getMessage()).isEqualTo("The server could not fetch changes (HTTP 503): The server is busy;"
                    + " try again shortly. It asks to be tried again in 2 minutes; sync will wait at least that long.");
        });

        // A date counts from the answer's own Date (the fake server stamps the real time), whatever
        // this machine's clock says (here: years behind).
        ServerApi behind = new ServerApi(fake.url(), ServerApi.defaultHttpClient(), ServerApi.DEFAULT_MAX_ANSWER_BYTES,
                Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC));
        String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));
        fake.answer(ex -> {
            ex.getResponseHeaders().set("Retry-After", inNinetySeconds);
            FakeHttpServer.respond(ex, 503, "text/html", "<h1>Service Unavailable</h1>");
        });
        assertThatThrownBy(() -> behind.changes("tok", 0, 10)).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.retryAfter()).hasValueSatisfying(
                        wait -> assertThat(wait.toSeconds()).isBetween(88L, 91L)));

        // Without a Date, from this client's clock; a time already past is "now".
        try (RawServer raw = new RawServer("HTTP/1.1 429 Too Many Requests\r\nRetry-After: Wed, 21 Oct 2015 07:28:45 GMT\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n")) {
            ServerApi clocked = new ServerApi(raw.url(), ServerApi.defaultHttpClient(), ServerApi.DEFAULT_MAX_ANSWER_BYTES,
                    Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC));
            assertThatThrownBy(() -> clocked.changes("tok", 0, 10)).isInstanceOfSatisfying(SyncException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(45)));
        }
        fake.answer(ex -> {
            ex.getResponseHeaders().set("Retry-After", "Wed, 21 Oct 2015 07:00:00 GMT");
            FakeHttpServer.respond(ex, 503, "application/json", "{}");
        });
        assertThatThrownBy(() -> api.changes("tok", 0, 10)).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ZERO));

        // Nonsense, or a Retry-After on another status, is not a wait.
        fake.answer(ex -> {
            ex.getResponseHeaders().set("Retry-After", "soon");
            FakeHttpServer.respond(ex, 503, "application/json", "{}");
        });
        assertThatThrownBy(() -> api.changes("tok", 0, 10)).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.retryAfter()).isEmpty());
        fake.answer(ex -> {
            ex.getResponseHeaders().set("Retry-After", "30");
            FakeHttpServer.respond(ex, 500, "application/json", "{}");
        });
        assertThatThrownBy(() -> api.changes("tok", 0, 10)).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.retryAfter()).isEmpty());
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
    void aPageThatBreaksAnyOfItsInvariantsIsABadAnswerNamingIt() {
        String id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("{\"since\":14150,\"next\":1000014150,\"more\":true,\"serverRevision\":14160,\"changes\":[],"
                + "\"droppedCustomers\":[],\"serverId\":\"" + id + "\"}",
                "the page ends at revision 1000014150, beyond the server's latest revision 14160");
        pages.put("{\"since\":14100,\"next\":14150,\"more\":false,\"serverRevision\":14150,\"changes\":[],"
                + "\"droppedCustomers\":[],\"serverId\":\"" + id + "\"}",
                "the page starts at revision 14100 instead of 14150");
        pages.put("{\"since\":14150,\"next\":14140,\"more\":false,\"serverRevision\":14140,\"changes\":[],"
                + "\"droppedCustomers\":[],\"serverId\":\"" + id + "\"}",
                "the page goes back from revision 14150 to 14140");
        pages.put("{\"since\":14150,\"next\":14155,\"more\":false,\"serverRevision\":14160,\"changes\":[],"
                + "\"droppedCustomers\":[],\"serverId\":\"" + id + "\"}",
                "the page says there is nothing more but ends at revision 14155, short of the server's latest revision 14160");
        pages.put("{\"since\":14150,\"next\":14155,\"more\":true,\"serverRevision\":14160,\"changes\":["
                + "{\"kind\":\"customer\",\"id\":\"1\",\"tpid\":1,\"revision\":14158,\"body\":{\"tpid\":1}}],"
                + "\"droppedCustomers\":[],\"serverId\":\"" + id + "\"}",
                "customer 1 has revision 14158, outside the page's revisions 1 to 14155");
        pages.put("{\"since\":14150,\"next\":14155,\"more\":true,\"serverRevision\":14160,\"changes\":["
                + "{\"kind\":\"customer\",\"id\":\"1\",\"tpid\":1,\"revision\":0,\"body\":{\"tpid\":1}}],"
                + "\"droppedCustomers\":[],\"serverId\":\"" + id + "\"}",
                "customer 1 has revision 0, outside the page's revisions 1 to 14155");
        pages.put("{\"since\":14150,\"next\":14155,\"more\":true,\"serverRevision\":14160,\"changes\":["
                + "{\"kind\":\"customer\",\"id\":\"\",\"tpid\":1,\"revision\":14151,\"body\":{\"tpid\":1}}],"
                + "\"droppedCustomers\":[],\"serverId\":\"" + id + "\"}",
                "a customer row has no id");
        pages.put("{\"since\":14150,\"next\":14155,\"more\":true,\"serverRevision\":14160,\"changes\":["
                + "{\"kind\":\"customer\",\"id\":\"1\",\"tpid\":1,\"revision\":14151,\"body\":[1]}],"
                + "\"droppedCustomers\":[],\"serverId\":\"" + id + "\"}",
                "customer 1 is not a JSON object");

        pages.forEach((page, problem) -> {
            fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", page));
            assertFailure(() -> api.changes("tok", 14150, 10), SyncFailure.BAD_ANSWER,
                    "The server's answer to \"fetch changes\" could not be used: " + problem + ". Nothing was changed locally.");
        });
    }

    @Test
    void aCustomerThatCameIntoScopeArrivesWithItsRowsOlderThanTheCursor() throws Exception {
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"since\":14150,\"next\":14151,\"more\":false,\"serverRevision\":14151,\"changes\":["
                        + "{\"kind\":\"customer\",\"id\":\"1\",\"tpid\":1,\"revision\":12,\"body\":{\"tpid\":1}},"
                        + "{\"kind\":\"tenant\",\"id\":\"t\",\"tpid\":1,\"revision\":14151,\"body\":{\"tpid\":1}}],"
                        + "\"droppedCustomers\":[],\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}"));

        assertThat(api.changes("tok", 14150, 10).changes()).extracting(RowChange::revision).containsExactly(12L, 14151L);
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

    /** A server that answers each connection with the same raw bytes: headers no HTTP library would leave out. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;

        RawServer(String answer) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(connection.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            // The request's headers: read and ignored.
                        }
                        connection.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        connection.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        HttpUrl url() {
            return HttpUrl.get("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A page of {@code rows} customer rows at revisions since+1.., as a server would send it. */
    private static String page(long since, long next, long serverRevision, int rows) {
        StringBuilder json = new StringBuilder("{\"since\":" + since + ",\"next\":" + next + ",\"more\":false,"
                + "\"serverRevision\":" + serverRevision + ",\"changes\":[");
        for (int i = 1; i <= rows; i++) {
            json.append(i > 1 ? "," : "").append("{\"kind\":\"customer\",\"id\":\"").append(i).append("\",\"tpid\":")
                    .append(i).append(",\"revision\":").append(since + i).append(",\"body\":{\"tpid\":").append(i).append("}}");
        }
        return json.append("],\"droppedCustomers\":[],\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}").toString();
    }

    /** Sends {@code start}, then blanks until the client hangs up: an answer that never ends. */
    private static void sendEndlessly(HttpExchange exchange, int status, String start, AtomicLong sent) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, 0);
        byte[] blanks = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(start.getBytes(StandardCharsets.UTF_8));
            while (true) {
                out.write(blanks);
                sent.addAndGet(blanks.length);
            }
        } catch (IOException e) {
            // The client hung up: as it should.
        }
    }

    private static void assertFailure(ThrowingCallable call, SyncFailure failure, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
