package ftop.sync.client;

import ftop.sync.protocol.ChangesPage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * One long-poll on the server's changes ({@code GET /changes?wait=}): the server answers as soon
 * as something after the cursor is new for this user, or with an empty page once the wait is
 * over. Its own HTTP client reads that long; it shares the connections of the API's.
 */
final class ChangesWait {

    /** How much longer than the wait an answer may take before the call counts as cut off. */
    static final Duration READ_MARGIN = Duration.ofSeconds(15);

    /**
     * The page the server answered, and whether it was ready to hold the request (an older
     * server answers at once, and says nothing of waiting).
     */
    record Answer(ChangesPage page, boolean held) {
        /** True when the page holds something the workspace has not got. */
        boolean changed() {
            return !page.changes().isEmpty() || !page.droppedCustomers().isEmpty() || page.more();
        }
    }

    private final ServerApi api;
    private final OkHttpClient http;
    private final Duration wait;

    ChangesWait(ServerApi api, Duration wait) {
        this.api = api;
        this.wait = wait;
        OkHttpClient base = api.http();
        Duration read = wait.plus(READ_MARGIN);
        OkHttpClient.Builder builder = base.newBuilder().readTimeout(read);
        if (base.callTimeoutMillis() > 0 && base.callTimeoutMillis() < read.toMillis()) {
            builder.callTimeout(read.plus(READ_MARGIN));
        }
        this.http = builder.build();
    }

    /**
     * Asks for up to {@code limit} rows of what changed after {@code since}, waiting on the server
     * up to {@code wait} (at most the wait this was made for, which the read timeout allows).
     *
     * @throws SyncException as any call: UNREACHABLE (also when a proxy cut the wait), LOGIN_NEEDED,
     *                       SERVER_ERROR (409 {@code resync} among them), BAD_ANSWER
     */
    Answer await(String token, long since, Duration wait, int limit) throws SyncException {
        long seconds = Math.max(1, Math.min(wait.toSeconds(), this.wait.toSeconds()));
        HttpUrl url = api.apiUrl().newBuilder().addPathSegment("changes")
                .addQueryParameter("since", Long.toString(since))
                .addQueryParameter("limit", Integer.toString(limit))
                // Empty: no epoch is checked for this revision, but the page tells the epoch of its end.
                .addQueryParameter("epoch", "")
                .addQueryParameter("wait", Long.toString(seconds))
                .build();
        AtomicBoolean held = new AtomicBoolean();
        ChangesPage page = api.call(http, ServerApi.authorized(token).url(url).get().build(), ChangesPage.class,
                "wait for changes", headers -> held.set(headers.get("Ftop-Wait") != null));
        AnswerChecks.check(page, since);
        return new Answer(page, held.get());
    }
}
