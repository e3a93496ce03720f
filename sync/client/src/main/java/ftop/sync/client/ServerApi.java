package ftop.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ftop.core.change.EntityKind;
import ftop.sync.protocol.ApiError;
import ftop.sync.protocol.AuthConfig;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.CustomerRows;
import ftop.sync.protocol.HistoryEntry;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.protocol.RowChange;
import ftop.sync.protocol.ScopeChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central server's HTTP API as typed calls, with every way a call can go wrong turned into a
 * {@link SyncException} of the right {@link SyncFailure}: no connection, or a server that takes the
 * connection but does not answer → unreachable (each in its own words), 401 → login needed, other
 * error statuses → server error (with the server's own message), and an answer that cannot be
 * read, is cut off, is larger than {@link #maxAnswerBytes()} or does not make sense → bad answer.
 * An answer is read as it arrives, never past the cap, and checked completely before it is
 * returned, so nothing half-read or inconsistent ever reaches the local store.
 */
public final class ServerApi {

    private static final Logger LOG = LoggerFactory.getLogger(ServerApi.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Writes requests; the server reads them strictly. */
    private static final ObjectMapper REQUESTS = ProtocolJson.mapper();
    /** Reads answers tolerantly: a newer server may add fields the checks below do not need. */
    private static final ObjectMapper ANSWERS = ProtocolJson.answers();

    /**
     * The largest answer read by default: a full page of 5,000 rows is 1 to 3 MB of JSON, and a page
     * that runs over its limit to finish a server transaction rarely more than ten times that. A
     * larger answer is taken for a fault (an endless or runaway body) rather than read into memory.
     */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 64L * 1024 * 1024;
    /** An error answer is read only this far: its message is a sentence, not a page. */
    private static final long MAX_ERROR_BYTES = 64 * 1024;

    private final HttpUrl server;
    private final HttpUrl api;
    private final OkHttpClient http;
    private final long maxAnswerBytes;
    private final Clock clock;

    /**
     * A client of the server at {@code server} that reads answers of up to {@link #DEFAULT_MAX_ANSWER_BYTES}.
     *
     * @param server the server's base URL, e.g. {@code http://127.0.0.1:8470/}; the API lives under
     *               {@code /api/v1} below it
     * @param http   the HTTP client to use (its timeouts apply)
     */
    public ServerApi(HttpUrl server, OkHttpClient http) {
        this(server, http, DEFAULT_MAX_ANSWER_BYTES);
    }

    /**
     * @param server         the server's base URL, e.g. {@code http://127.0.0.1:8470/}; the API lives
     *                       under {@code /api/v1} below it
     * @param http           the HTTP client to use (its timeouts apply)
     * @param maxAnswerBytes the largest answer body read (after decompression); a larger one is a bad answer
     */
    public ServerApi(HttpUrl server, OkHttpClient http, long maxAnswerBytes) {
        this(server, http, maxAnswerBytes, Clock.systemUTC());
    }

    /**
     * @param server         the server's base URL, e.g. {@code http://127.0.0.1:8470/}; the API lives
     *                       under {@code /api/v1} below it
     * @param http           the HTTP client to use (its timeouts apply)
     * @param maxAnswerBytes the largest answer body read (after decompression); a larger one is a bad answer
     * @param clock          the time a {@code Retry-After} date is counted from when the answer has no
     *                       {@code Date} of its own
     */
    public ServerApi(HttpUrl server, OkHttpClient http, long maxAnswerBytes, Clock clock) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(http, "http");
        if (maxAnswerBytes < 1) {
            throw new IllegalArgumentException("maxAnswerBytes must be positive: " + maxAnswerBytes);
        }
        this.server = server;
        this.api = server.newBuilder().addPathSegments("api/v1").build();
        // Marks each call once it holds a connection to the server, so that a failure can tell "no
        // connection" from "connected, but no answer". The derived client shares the pool and threads.
        this.http = http.newBuilder().addNetworkInterceptor(chain -> {
            CallProgress progress = chain.request().tag(CallProgress.class);
            if (progress != null) {
                progress.connected = true;
            }
            return chain.proceed(chain.request());
        }).build();
        this.maxAnswerBytes = maxAnswerBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An HTTP client with timeouts suited to sync: 10 s to connect, then 30 s for each answer to
     * start (and between its parts), three minutes for a whole call. The server waits at most 20 s
     * for a database connection before it answers 503, so a read timeout means it does not answer
     * at all; pages stream well within the limits.
     */
    public static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofMinutes(3))
                // Idle connections are dropped well before the server's idle timeout (five minutes),
                // so a request never goes out on a connection the server is closing.
                .connectionPool(new ConnectionPool(5, 1, TimeUnit.MINUTES))
                .build();
    }

    /** The server's base URL, above {@code /api/v1}. */
    public HttpUrl serverUrl() {
        return server;
    }

    /** The largest answer body this client reads. */
    public long maxAnswerBytes() {
        return maxAnswerBytes;
    }

    /** The URL of the API, {@code /api/v1} below the server's base URL. */
    public HttpUrl apiUrl() {
        return api;
    }

    /** The server as a person would name it: scheme, host and port. */
    private String serverAddress() {
        return api.scheme() + "://" + api.host() + ":" + api.port();
    }

    /**
     * Signs in. A wrong user name or password is {@link SyncFailure#LOGIN_NEEDED} with the server's
     * message.
     */
    public LoginResponse login(String userName, String password) throws SyncException {
        Request request = new Request.Builder().url(url("session"))
                .post(json(new LoginRequest(userName, password))).build();
        LoginResponse response = call(request, LoginResponse.class, "sign in");
        if (response.token() == null || response.token().isBlank() || response.userId() == null) {
            throw AnswerChecks.badAnswer("sign in", "the answer has no token or user", null);
        }
        AnswerChecks.checkServerId(response.serverId(), "sign in");
        return response;
    }

    /**
     * How to sign in to this server: passwords, and the identity provider when it trusts one. No
     * token needed.
     */
    public AuthConfig authConfig() throws SyncException {
        return call(new Request.Builder().url(url("auth/config")).get().build(), AuthConfig.class, "tell how to sign in");
    }

    /**
     * Who {@code token} belongs to, with their roles: how a sign-in through the identity provider
     * learns its user. The answer's token is null.
     *
     * @throws SyncException LOGIN_NEEDED when the server does not take the token; SERVER_ERROR 403
     *                       for a person FTOP does not know or who is disabled
     */
    public LoginResponse whoAmI(String token) throws SyncException {
        LoginResponse response = call(authorized(token).url(url("session")).get().build(), LoginResponse.class,
                "confirm the sign-in");
        if (response.userId() == null || response.userId().isBlank()) {
            throw AnswerChecks.badAnswer("confirm the sign-in", "the answer names no user", null);
        }
        AnswerChecks.checkServerId(response.serverId(), "confirm the sign-in");
        return response;
    }

    /** Ends the session on the server. A token the server no longer knows counts as ended. */
    public void logout(String token) throws SyncException {
        Request request = authorized(token).url(url("session")).delete().build();
        try {
            call(request, null, "sign out");
        } catch (SyncException e) {
            if (e.failure() != SyncFailure.LOGIN_NEEDED) {
                throw e;
            }
        }
    }

    /**
     * One page of changes after revision {@code since}.
     *
     * @throws SyncException BAD_ANSWER when the page breaks one of its invariants: it does not continue
     *                       from {@code since}, goes backwards or beyond the server's latest revision, says
     *                       there is nothing more short of that revision, or holds a row of an unknown
     *                       kind, without id or past the page's end
     */
    public ChangesPage changes(String token, long since, int limit) throws SyncException {
        return changes(token, since, null, limit);
    }

    /**
     * One page of changes after revision {@code since}, whose epoch (the {@code nextEpoch} of the
     * page that gave it) is {@code epoch}: "" when the workspace holds none, null to ask as a client
     * that knows nothing of epochs. The server answers 409 {@code resync} when its revision
     * {@code since} belongs to another epoch.
     *
     * @throws SyncException as {@link #changes(String, long, int)}
     */
    public ChangesPage changes(String token, long since, String epoch, int limit) throws SyncException {
        HttpUrl.Builder builder = url("changes").newBuilder()
                .addQueryParameter("since", Long.toString(since))
                .addQueryParameter("limit", Integer.toString(limit));
        if (epoch != null) {
            builder.addQueryParameter("epoch", epoch);
        }
        HttpUrl url = builder.build();
        ChangesPage page = call(authorized(token).url(url).get().build(), ChangesPage.class, "fetch changes");
        AnswerChecks.check(page, since);
        return page;
    }

    /**
     * Pushes a batch of edits and returns one result per edit, in the order sent.
     *
     * @throws SyncException BAD_ANSWER when the results do not answer exactly the mutations sent
     */
    public MutationResults mutations(String token, MutationBatch batch) throws SyncException {
        Request request = authorized(token).url(url("mutations")).post(json(batch)).build();
        MutationResults results = call(request, MutationResults.class, "send changes");
        AnswerChecks.check(results, batch);
        return results;
    }

    /**
     * One page of a customer's field history after revision {@code since}, oldest first. The server
     * ends a page between revisions, so the next page asks for what came after its last revision.
     *
     * @throws SyncException BAD_ANSWER when an entry lacks a revision after {@code since}, a time,
     *                       a user, a row or a field, or entries go back in revision
     */
    public List<HistoryEntry> history(String token, long tpid, long since, int limit) throws SyncException {
        HttpUrl url = api.newBuilder().addPathSegment("customers").addPathSegment(Long.toString(tpid))
                .addPathSegment("history")
                .addQueryParameter("since", Long.toString(since))
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        HistoryEntry[] page = call(authorized(token).url(url).get().build(), HistoryEntry[].class, "fetch the history");
        List<HistoryEntry> entries = Arrays.asList(page);
        AnswerChecks.check(entries, since);
        return List.copyOf(entries);
    }

    /**
     * The server's checksum of what the user may see at revision {@code revision} (the workspace's
     * cursor), by bucket of customers, listing the customers of {@code buckets} one by one.
     *
     * @throws SyncException BAD_ANSWER when the answer is for another revision, or a bucket or
     *                       customer of it lacks a checksum
     */
    public ScopeChecksum checksum(String token, long revision, Collection<Integer> buckets) throws SyncException {
        HttpUrl.Builder builder = url("checksum").newBuilder().addQueryParameter("revision", Long.toString(revision));
        if (!buckets.isEmpty()) {
            builder.addQueryParameter("buckets", buckets.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        ScopeChecksum answer = call(authorized(token).url(builder.build()).get().build(), ScopeChecksum.class,
                "check the workspace");
        if (answer.revision() != revision || answer.checksum() == null
                || answer.buckets().stream().anyMatch(b -> b == null || b.checksum() == null)
                || answer.customers().stream().anyMatch(c -> c == null || c.checksum() == null)) {
            throw AnswerChecks.badAnswer("check the workspace", "the checksum is not for revision " + revision
                    + " or lacks a part", null);
        }
        return answer;
    }

    /**
     * Every row of customer {@code tpid} the user may see now, to repair the workspace's copy.
     *
     * @throws SyncException BAD_ANSWER when a row is of an unknown kind, of another customer, without
     *                       an id or a tombstone
     */
    public CustomerRows customerRows(String token, long tpid) throws SyncException {
        HttpUrl url = api.newBuilder().addPathSegment("customers").addPathSegment(Long.toString(tpid))
                .addPathSegment("rows").build();
        CustomerRows answer = call(authorized(token).url(url).get().build(), CustomerRows.class, "fetch a customer");
        for (RowChange row : answer.rows()) {
            if (row == null || row.id() == null || row.deleted() || row.tpid() != tpid
                    || EntityKind.fromWireName(row.kind()).isEmpty()) {
                throw AnswerChecks.badAnswer("fetch a customer", "a row of customer " + tpid + " is not a row of it", null);
            }
        }
        return answer;
    }

    private HttpUrl url(String path) {
        return api.newBuilder().addPathSegments(path).build();
    }

    /** The HTTP client calls go through, for one with other timeouts sharing its connections. */
    OkHttpClient http() {
        return http;
    }

    static Request.Builder authorized(String token) throws SyncException {
        if (token == null || token.isBlank()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Please sign in to the server first.");
        }
        return new Request.Builder().header("Authorization", "Bearer " + token);
    }

    private static RequestBody json(Object body) {
        try {
            return RequestBody.create(REQUESTS.writeValueAsBytes(body), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    /** Set by the network interceptor once a call has a connection to the server. */
    private static final class CallProgress {
        volatile boolean connected;
    }

    /** Runs a call; {@code type} null means the body is not needed. */
    private <T> T call(Request request, Class<T> type, String what) throws SyncException {
        return call(http, request, type, what, headers -> { });
    }

    /** As {@link #call(Request, Class, String)}, on {@code client} (made from {@link #http()}), showing the answer's headers. */
    <T> T call(OkHttpClient client, Request request, Class<T> type, String what, Consumer<Headers> headers) throws SyncException {
        CallProgress progress = new CallProgress();
        Response response;
        try {
            response = client.newCall(request.newBuilder().tag(CallProgress.class, progress).build()).execute();
        } catch (IOException e) {
            throw notAnswered(e, progress.connected, what, request);
        }
        try (response) {
            headers.accept(response.headers());
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw failure(response.code(), readError(body), retryAfter(response), what);
            }
            if (type == null) {
                return null;
            }
            if (body.contentLength() > maxAnswerBytes) {
                // Announced too large: refused before a byte of it is read.
                throw tooLarge(what, body.contentLength());
            }
            try (InputStream in = new CappedInputStream(body.byteStream(), maxAnswerBytes)) {
                T value = ANSWERS.readValue(in, type);
                if (value == null) {
                    throw AnswerChecks.badAnswer(what, "the answer is empty", null);
                }
                return value;
            } catch (IOException e) {
                if (causedBy(e, CappedInputStream.TooLargeException.class)) {
                    throw tooLarge(what, -1);
                }
                if (e instanceof JsonProcessingException json) {
                    // where, not what: the parser's message quotes the answer, which may be a person's note
                    LOG.warn("Answer to {} does not parse: {} at {}", what, json.getClass().getSimpleName(),
                            json instanceof JsonMappingException mapping ? mapping.getPathReference() : json.getLocation());
                    throw AnswerChecks.badAnswer(what, "the answer is not what was expected", e);
                }
                if (e instanceof InterruptedIOException) {
                    // Read or call timeout: the server started to answer and then went quiet.
                    LOG.warn("Answer to {} stalled: {}", what, describe(e));
                    throw AnswerChecks.badAnswer(what, "the answer stopped arriving before it was complete", e);
                }
                // The headers arrived but the body did not: a cut-off answer is never half-used.
                LOG.warn("Answer to {} cut off: {}", what, describe(e));
                throw AnswerChecks.badAnswer(what, "the answer was cut off", e);
            }
        }
    }

    /**
     * A call that got no answer: either no connection to the server (down, no network, wrong
     * address) or a server that took the connection and then said nothing in time, or dropped it.
     */
    private SyncException notAnswered(IOException e, boolean connected, String what, Request request) {
        LOG.debug("No answer to {} at {} (connected: {}): {}", what, request.url(), connected, describe(e), e);
        String kept = " Your changes are kept and will be sent when it answers again.";
        boolean timeout = e instanceof InterruptedIOException;
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return new SyncException(SyncFailure.UNREACHABLE, "The secure connection to the server at " + serverAddress()
                    + " was refused: its certificate is not trusted by this computer, or not made out for this address ("
                    + describe(e) + "). If your company has its own certificate authority, give its certificate with "
                    + "--ca-file." + kept, e);
        }
        boolean noConnection = e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
        if (!connected || noConnection) {
            return new SyncException(SyncFailure.UNREACHABLE, "Cannot reach the server at " + serverAddress()
                    + (timeout ? ": it did not take the connection within " + seconds(http.connectTimeoutMillis()) : "")
                    + ". Your changes are kept and will be sent when it is back.", e);
        }
        if (timeout) {
            return new SyncException(SyncFailure.UNREACHABLE, "The server at " + serverAddress()
                    + " took the connection but does not answer (nothing within "
                    + seconds(http.readTimeoutMillis() > 0 ? http.readTimeoutMillis() : http.callTimeoutMillis())
                    + "); it may be overloaded or stuck." + kept, e);
        }
        return new SyncException(SyncFailure.UNREACHABLE, "The server at " + serverAddress()
                + " closed the connection without answering." + kept, e);
    }

    private static String seconds(long millis) {
        return millis > 0 && millis < 1000 ? millis + " ms" : (millis + 999) / 1000 + " s";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private SyncException tooLarge(String what, long announced) {
        LOG.warn("Answer to {} refused: {} bytes announced, at most {} read", what, announced, maxAnswerBytes);
        return new SyncException(SyncFailure.BAD_ANSWER, "The server's answer to \"" + what + "\" is larger than "
                + size(maxAnswerBytes) + ", more than this app accepts, so it was not used. Nothing was changed "
                + "locally and sync will try again. If this keeps happening, tell your FTOP administrator: the "
                + "server, or a proxy between it and you, sends answers that do not end.", null);
    }

    private static String size(long bytes) {
        long mib = 1024 * 1024;
        return bytes >= mib && bytes % mib == 0 ? bytes / mib + " MB"
                : bytes >= 1024 ? (bytes + 1023) / 1024 + " KB" : bytes + " bytes";
    }

    /** The error answer's JSON, read no further than a sentence needs; null when it is not ours. */
    private static ApiError readError(ResponseBody body) {
        try (InputStream in = new CappedInputStream(body.byteStream(), MAX_ERROR_BYTES)) {
            byte[] bytes = in.readAllBytes();
            if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                return null;
            }
            return ANSWERS.readValue(bytes, ApiError.class);
        } catch (IOException | RuntimeException e) {
            // An error page that is not our JSON (a proxy's HTML page), or an endless one: the
            // status alone has to do.
            return null;
        }
    }

    private SyncException failure(int status, ApiError error, Duration retryAfter, String what) {
        String serverMessage = error == null || error.message() == null || error.message().isBlank()
                ? null : error.message().strip();
        if (status == 401) {
            return new SyncException(SyncFailure.LOGIN_NEEDED, status,
                    serverMessage != null ? serverMessage : SyncFailure.LOGIN_NEEDED.advice(), null);
        }
        String message = "The server could not " + what + " (HTTP " + status + ")"
                + (serverMessage != null ? ": " + serverMessage : ".");
        if (retryAfter != null) {
            message += (message.endsWith(".") ? "" : ".") + " It asks to be tried again in " + inWords(retryAfter)
                    + "; sync will wait at least that long.";
        }
        return new SyncException(SyncFailure.SERVER_ERROR, status, error == null ? null : error.error(), message,
                retryAfter, null);
    }

    /**
     * When a busy (503) or throttling (429) server asks to be tried again: its {@code Retry-After}
     * in seconds or as an HTTP date. A date is counted from the answer's own {@code Date}, so the
     * two clocks need not agree; without one, from this client's clock. Null when not said or not
     * readable; zero for a time already past.
     */
    private Duration retryAfter(Response response) {
        if (response.code() != 503 && response.code() != 429) {
            return null;
        }
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(trimmed));
            } catch (NumberFormatException e) {
                // More digits than a long: longer than any wait sync would keep.
                return Duration.ofSeconds(Long.MAX_VALUE / 1000);
            }
        }
        Instant when = response.headers().getInstant("Retry-After");
        if (when == null) {
            LOG.debug("Unreadable Retry-After \"{}\" ignored", trimmed);
            return null;
        }
        Instant sent = response.headers().getInstant("Date");
        Duration wait = Duration.between(sent != null ? sent : clock.instant(), when);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static String inWords(Duration wait) {
        long seconds = wait.toSeconds();
        if (seconds < 120) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 120 ? minutes + " minutes" : (minutes + 59) / 60 + " hours";
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
