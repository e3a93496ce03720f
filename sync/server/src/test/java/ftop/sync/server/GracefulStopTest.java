package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.sync.protocol.ApiError;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.ProtocolJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping under load: every request either completes whole or is refused cleanly, then the database closes. */
class GracefulStopTest {

    @TempDir
    Path dir;

    @Test
    void requestsInFlightFinishAndLaterOnesAreRefusedCleanly() throws Exception {
        String url = ServerConfig.h2Url(dir);
        Database db = Database.open(url, Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS);
        DatasetLoader.load(db, World.dataset(), World.PASSWORD);
        FtopServer server = new FtopServer(ServerConfig.of(0, "127.0.0.1", url), db, Clock.systemUTC()).start();
        OkHttpClient http = new OkHttpClient();
        String base = server.baseUri().toString();
        String token;
        try (Response r = http.newCall(new Request.Builder().url(server.baseUri() + "/api/v1/session")
                .post(RequestBody.create(ProtocolJson.mapper().writeValueAsString(
                        new LoginRequest(World.ADMIN.userId(), World.PASSWORD)), MediaType.get("application/json")))
                .build()).execute()) {
            token = ProtocolJson.mapper().readValue(r.body().string(), LoginResponse.class).token();
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        // Each client counts down once it has had a first answer: from then on, requests are in flight.
        CountDownLatch answered = new CountDownLatch(8);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(() -> {
                    StringBuilder seen = new StringBuilder();
                    for (int j = 0; j < 30; j++) {
                        try (Response r = http.newCall(new Request.Builder()
                                .url(base + "/api/v1/changes?since=0&limit=5000")
                                .header("Authorization", "Bearer " + token).build()).execute()) {
                            String body = r.body().string();
                            if (r.code() == 200) {
                                ProtocolJson.mapper().readValue(body, ChangesPage.class);
                            } else {
                                ApiError error = ProtocolJson.mapper().readValue(body, ApiError.class);
                                assertThat(error.status()).isEqualTo(503);
                            }
                            seen.append(r.code()).append(' ');
                            if (j == 0) {
                                answered.countDown();
                            }
                        } catch (IOException refused) {
                            seen.append("closed ");
                        }
                    }
                    return seen.toString();
                }));
            }
            assertThat(answered.await(1, TimeUnit.MINUTES)).as("every client had a first answer").isTrue();
            server.stop();
            for (Future<String> outcome : outcomes) {
                assertThat(outcome.get()).doesNotContain("500");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes.get(0).get()).contains("200");
        assertThatThrownBy(() -> db.read(c -> null)).isInstanceOf(Exception.class);
        server.stop();
    }
}
