package ftop.sync.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityCodec;
import ftop.core.health.CustomerHealth;
import ftop.core.health.OverallMindset;
import ftop.core.store.LocalStore;
import ftop.sync.client.SyncClient;
import ftop.sync.server.Database;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDemoTest {

    /** Cheap password hashes: the test does not measure the production cost of signing in. */
    private static final int PASSWORD_ITERATIONS = 1_000;

    @TempDir
    Path workspace;

    @Test
    void theDemoSyncsLikeARealServerAndKeepsEditsAcrossRestarts() throws Exception {
        String tpid;
        OverallMindset mindset;
        try (LocalStore store = LocalStore.open(workspace)) {
            try (EmbeddedDemo demo = EmbeddedDemo.start(workspace, LocalDate.now(), PASSWORD_ITERATIONS)) {
                assertThat(demo.url().host()).isEqualTo("127.0.0.1");
                SyncClient client = new SyncClient(demo.url(), store);
                client.login(demo.userName(), demo.password());
                client.sync(p -> { });

                assertThat(store.customers().count()).isGreaterThanOrEqualTo(20);
                CustomerHealth health = store.health().all().get(0);
                tpid = Long.toString(health.tpid());
                mindset = health.perspective().mindset().orElse(null) == OverallMindset.AVERSE
                        ? OverallMindset.COMPETE : OverallMindset.AVERSE;
                store.save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(mindset.name()))));
                client.sync(p -> { });
                assertThat(client.pendingCount()).isZero();
            }
        }

        // A new app start: a fresh workspace folder elsewhere would get the same demo data, but this
        // one keeps its server, and with it the edit made before.
        Path fresh = workspace.resolve("second-window");
        try (LocalStore store = LocalStore.open(fresh);
             EmbeddedDemo demo = EmbeddedDemo.start(workspace, LocalDate.now(), PASSWORD_ITERATIONS)) {
            SyncClient client = new SyncClient(demo.url(), store);
            client.login(demo.userName(), demo.password());
            client.sync(p -> { });

            assertThat(store.health().get(tpid).orElseThrow().perspective().mindset()).contains(mindset);
        }
    }

    @Test
    void theDemoHashesPasswordsAsTheServersSettingSaysAndAtTheProductionCostWithoutIt() {
        assertThat(EmbeddedDemo.passwordIterations(Map.of())).isEqualTo(Database.DEFAULT_PASSWORD_ITERATIONS)
                .isEqualTo(210_000);
        assertThat(EmbeddedDemo.passwordIterations(Map.of("FTOP_PASSWORD_ITERATIONS", " 1000 "))).isEqualTo(1_000);
        assertThatThrownBy(() -> EmbeddedDemo.passwordIterations(Map.of("FTOP_PASSWORD_ITERATIONS", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FTOP_PASSWORD_ITERATIONS must be a whole number of at least 1, not \"0\"");
        assertThatThrownBy(() -> EmbeddedDemo.passwordIterations(Map.of("FTOP_PASSWORD_ITERATIONS", "many")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
