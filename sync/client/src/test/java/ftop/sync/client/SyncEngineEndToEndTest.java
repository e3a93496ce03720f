package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityCodec;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.OverallMindset;
import ftop.core.store.LocalStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background engine driving a real client against a real server that comes and goes. The
 * engine plans on virtual time: each sync runs, over real HTTP, when the test moves the time to it.
 */
class SyncEngineEndToEndTest {

    @TempDir
    Path dir;

    private LoopbackServer server;
    private LocalStore store;
    private SyncEngine engine;
    private final VirtualScheduler scheduler = new VirtualScheduler(Instant.now());
    private final List<SyncStatus> statuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), DatasetGenerator.demo(LocalDate.now()),
                DemoUsers.DEMO_PASSWORD, Clock.systemUTC());
        store = LocalStore.open(dir.resolve("megan"));
        // Planned on virtual time, step by step: the live wait (LiveSyncEndToEndTest) would add real-time steps.
        SyncClient client = new SyncClient(server.url(), store, ServerApi.defaultHttpClient(), 100, Clock.systemUTC())
                .liveChanges(false);
        client.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
        engine = new SyncEngine(client, new SyncEngine.Options(Duration.ofHours(1), Duration.ofMillis(200),
                Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(400)), new Random(5), scheduler,
                scheduler.clock());
        engine.addListener(statuses::add);
    }

    @AfterEach
    void stop() {
        engine.close();
        store.close();
        server.close();
    }

    @Test
    void firstSyncShowsProgressThenEditsGoUpOnTheirOwnAndSurviveAnOutage() throws Exception {
        engine.start();
        scheduler.runDue();
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(statuses).extracting(SyncStatus::firstSyncProgress).contains(Optional.of(0.0), Optional.of(1.0));
        assertThat(statuses.stream().flatMap(s -> s.firstSyncProgress().stream()))
                .anySatisfy(p -> assertThat(p).isStrictlyBetween(0.0, 1.0));
        assertThat(engine.status().lastSuccess()).isPresent();
        assertThat(store.customers().count()).isGreaterThanOrEqualTo(20);

        // An edit goes up by itself once the quiet time after it has passed.
        edit(store.health().all().get(0));
        assertThat(engine.status().pendingCount()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(199));
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(engine.status().pendingCount()).isZero();
        assertThat(store.outbox().pendingCount()).isZero();

        // The server goes away: the edit waits, the status says offline and why.
        server.stop();
        CustomerHealth second = store.health().all().get(1);
        OverallMindset wanted = edit(second);
        scheduler.advance(Duration.ofMillis(200));
        assertThat(engine.status().state()).isEqualTo(SyncState.OFFLINE);
        assertThat(engine.status().failure()).contains(SyncFailure.UNREACHABLE);
        assertThat(engine.status().pendingCount()).isEqualTo(1);
        assertThat(scheduler.nextPlanned()).as("a retry is planned").isPresent();

        // It comes back: the back-off retry finds it without anyone pressing "Sync now".
        server.restart();
        scheduler.runNext();
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(engine.status().pendingCount()).isZero();

        try (LocalStore other = LocalStore.open(dir.resolve("check"))) {
            SyncClient check = new SyncClient(server.url(), other);
            check.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
            check.sync(p -> { });
            assertThat(other.health().get(Long.toString(second.tpid())).orElseThrow().perspective().mindset())
                    .contains(wanted);
        }
    }

    @Test
    void aLostSessionAsksForALoginAndSyncNowAfterSigningInResumes() throws Exception {
        engine.start();
        scheduler.runDue();
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);

        store.putSetting(SyncClient.TOKEN, "a-token-the-server-never-issued");
        edit(store.health().all().get(0));
        scheduler.advance(Duration.ofMillis(200));
        assertThat(engine.status().failure()).contains(SyncFailure.LOGIN_NEEDED);
        assertThat(engine.status().state()).isEqualTo(SyncState.FAILING);
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
        assertThat(scheduler.nextPlanned()).as("waits for the user, not a timer").isEmpty();

        new SyncClient(server.url(), store).login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
        engine.syncNow();
        scheduler.runDue();
        assertThat(engine.status().state()).isEqualTo(SyncState.ONLINE);
        assertThat(engine.status().pendingCount()).isZero();
    }

    /** Edits a health row as the user would; the engine hears of it at once (the store tells it). */
    private OverallMindset edit(CustomerHealth health) {
        OverallMindset next = health.perspective().mindset().orElse(null) == OverallMindset.AVERSE
                ? OverallMindset.COMPETE : OverallMindset.AVERSE;
        store.save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(next.name()))));
        scheduler.runDue();
        return next;
    }
}
