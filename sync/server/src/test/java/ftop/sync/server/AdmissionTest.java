package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ftop.sync.protocol.ApiError;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.ProtocolJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admission control: requests beyond the database connections wait their turn and succeed; only a
 * full queue or a wait past its limit is answered 503 "busy" with Retry-After.
 */
class AdmissionTest {

    @TempDir
    Path dir;

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(2)).build();
    private FtopServer server;
    private String token;

    private Database start(Database.PoolSettings pool) throws Exception {
        String url = ServerConfig.h2Url(dir);
        Database db = Database.open(url, pool, World.PASSWORD_ITERATIONS);
        DatasetLoader.load(db, World.dataset(), World.PASSWORD);
        server = new FtopServer(ServerConfig.of(0, "127.0.0.1", url), db, Clock.systemUTC()).start();
        try (Response r = http.newCall(new Request.Builder().url(server.baseUri() + "/api/v1/session")
                .post(RequestBody.create(ProtocolJson.mapper().writeValueAsString(
                        new LoginRequest(World.FM.userId(), World.PASSWORD)), MediaType.get("application/json")))
                .build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            token = ProtocolJson.mapper().readValue(r.body().string(), LoginResponse.class).token();
        }
        return db;
    }

    private final ExecutorService holders = Executors.newCachedThreadPool();
    /** Connections taken by {@link #hold} and not given back yet. */
    private final AtomicInteger holding = new AtomicInteger();

    @AfterEach
    void stop() {
        holders.shutdownNow();
        if (server != null) {
            server.stop();
        }
    }

    private Response pull() throws Exception {
        return http.newCall(new Request.Builder().url(server.baseUri() + "/api/v1/changes?since=0&limit=500")
                .header("Authorization", "Bearer " + token).build()).execute();
    }

    /**
     * Takes {@code count} of the database's connections and holds them until the returned latch is
     * counted down, as long requests would.
     */
    private CountDownLatch hold(Database db, int count) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(count);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < count; i++) {
            holding.incrementAndGet();
            holders.submit(() -> {
                try {
                    return db.read(c -> {
                        held.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    });
                } finally {
                    holding.decrementAndGet();
                }
            });
        }
        held.await();
        return release;
    }

    @Test
    void aFullQueueIsAnsweredBusyWithRetryAfterAndTheServerRecovers() throws Exception {
        Database db = start(new Database.PoolSettings(1, 0, Duration.ofMinutes(1)));
        CountDownLatch release = hold(db, 1);
        try {
            try (Response r = pull()) {
                assertThat(r.code()).isEqualTo(503);
                assertThat(r.header("Retry-After")).isNotBlank();
                ApiError error = ProtocolJson.mapper().readValue(r.body().string(), ApiError.class);
                assertThat(error.error()).isEqualTo("busy");
                assertThat(error.message()).contains("busy");
            }
        } finally {
            release.countDown();
        }
        await("the held connection is back").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> holding.get() == 0);
        try (Response r = pull()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(ProtocolJson.mapper().readValue(r.body().string(), ChangesPage.class).changes()).isNotEmpty();
        }
    }

    @Test
    void aWaitPastItsLimitIsAnsweredBusy() throws Exception {
        Database db = start(new Database.PoolSettings(1, 8, Duration.ofMillis(200)));
        CountDownLatch release = hold(db, 1);
        try (Response r = pull()) {
            assertThat(r.code()).isEqualTo(503);
            assertThat(r.header("Retry-After")).isNotBlank();
            assertThat(ProtocolJson.mapper().readValue(r.body().string(), ApiError.class).error()).isEqualTo("busy");
        } finally {
            release.countDown();
        }
    }

    @Test
    void moreConcurrentRequestsThanConnectionsWaitTheirTurnAndAllSucceed() throws Exception {
        int requests = 24;
        Database db = start(new Database.PoolSettings(2, 64, Duration.ofMinutes(1)));
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> codes = new ArrayList<>();
            CountDownLatch release = hold(db, 2);
            for (int i = 0; i < requests; i++) {
                codes.add(clients.submit(() -> {
                    try (Response r = pull()) {
                        if (r.code() == 200) {
                            ProtocolJson.mapper().readValue(r.body().string(), ChangesPage.class);
                        }
                        return r.code();
                    }
                }));
            }
            // Every request queues behind the two connections held here...
            await("every request queued").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                    .until(() -> db.waiting() == requests);
            // ...and all are served once they are free.
            release.countDown();
            for (Future<Integer> code : codes) {
                assertThat(code.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
