package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.sync.protocol.ApiError;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.ProtocolJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private Response pull() throws Exception {
        return http.newCall(new Request.Builder().url(server.baseUri() + "/api/v1/changes?since=0&limit=500")
                .header("Authorization", "Bearer " + token).build()).execute();
    }

    @Test
    void aFullQueueIsAnsweredBusyWithRetryAfterAndTheServerRecovers() throws Exception {
        Database db = start(new Database.PoolSettings(1, 0, Duration.ofMinutes(1)));
        try (Connection held = db.connection()) {
            try (Response r = pull()) {
                assertThat(r.code()).isEqualTo(503);
                assertThat(r.header("Retry-After")).isNotBlank();
                ApiError error = ProtocolJson.mapper().readValue(r.body().string(), ApiError.class);
                assertThat(error.error()).isEqualTo("busy");
                assertThat(error.message()).contains("busy");
            }
        }
        try (Response r = pull()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(ProtocolJson.mapper().readValue(r.body().string(), ChangesPage.class).changes()).isNotEmpty();
        }
    }

    @Test
    void aWaitPastItsLimitIsAnsweredBusy() throws Exception {
        Database db = start(new Database.PoolSettings(1, 8, Duration.ofMillis(200)));
        try (Connection held = db.connection()) {
            try (Response r = pull()) {
                assertThat(r.code()).isEqualTo(503);
                assertThat(r.header("Retry-After")).isNotBlank();
                assertThat(ProtocolJson.mapper().readValue(r.body().string(), ApiError.class).error()).isEqualTo("busy");
            }
        }
    }

    @Test
    void moreConcurrentRequestsThanConnectionsWaitTheirTurnAndAllSucceed() throws Exception {
        int requests = 24;
        Database db = start(new Database.PoolSettings(2, 64, Duration.ofMinutes(1)));
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> codes = new ArrayList<>();
            Connection first = db.connection();
            Connection second = db.connection();
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
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (db.waiting() < requests && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(db.waiting()).isEqualTo(requests);
            // ...and all are served once they are free.
            first.close();
            second.close();
            for (Future<Integer> code : codes) {
                assertThat(code.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
