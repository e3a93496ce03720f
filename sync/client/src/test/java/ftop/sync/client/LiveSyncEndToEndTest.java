package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two desktops of the same person, each with its engine running as in the product, against a
 * real server: a save on one reaches the other through its open wait for changes, long before
 * the interval (an hour here) would have brought it.
 */
class LiveSyncEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final SyncEngine.Options OPTIONS = SyncEngine.Options.defaults().withInterval(Duration.ofHours(1));

    @TempDir
    Path dir;

    private LoopbackServer server;
    private LocalStore laptop;
    private LocalStore desktop;
    private SyncEngine laptopEngine;
    private SyncEngine desktopEngine;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), DatasetGenerator.demo(LocalDate.now()),
                DemoUsers.DEMO_PASSWORD, Clock.systemUTC());
        laptop = LocalStore.open(dir.resolve("laptop"));
        desktop = LocalStore.open(dir.resolve("desktop"));
        laptopEngine = engine(laptop);
        desktopEngine = engine(desktop);
    }

    @AfterEach
    void stop() {
        laptopEngine.close();
        desktopEngine.close();
        laptop.close();
        desktop.close();
        server.close();
    }

    @Test
    void aSaveOnOneDesktopReachesTheOtherWithinMoments() {
        await().atMost(PATIENCE).until(() -> laptopEngine.status().state() == SyncState.ONLINE
                && desktopEngine.status().state() == SyncState.ONLINE && server.waitingClients() == 2);

        CustomerHealth health = laptop.health().all().get(0);
        OverallMindset next = health.perspective().mindset().orElse(null) == OverallMindset.AVERSE
                ? OverallMindset.COMPETE : OverallMindset.AVERSE;
        laptop.save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(next.name()))));

        String tpid = Long.toString(health.tpid());
        await().atMost(PATIENCE).until(() -> desktop.health().get(tpid).flatMap(h -> h.perspective().mindset())
                .equals(Optional.of(next)));
        assertThat(laptop.outbox().pendingCount()).isZero();
        await("both wait again").atMost(PATIENCE).until(() -> server.waitingClients() == 2);
    }

    private SyncEngine engine(LocalStore store) throws SyncException {
        SyncClient client = new SyncClient(server.url(), store);
        client.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
        SyncEngine engine = new SyncEngine(client, OPTIONS);
        engine.start();
        return engine;
    }
}
