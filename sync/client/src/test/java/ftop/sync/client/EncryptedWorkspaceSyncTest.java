package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.customer.Customer;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.store.LocalStore;
import ftop.core.store.MemoryWorkspaceKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed-in, synced workspace encrypted at rest, read as someone with the disk would: neither
 * the session token nor a customer name is in any file of the workspace folder, and the desktop
 * still finds its session there after a restart.
 */
class EncryptedWorkspaceSyncTest {

    @TempDir
    Path dir;

    private LoopbackServer server;
    private final MemoryWorkspaceKeys keys = new MemoryWorkspaceKeys();

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), DatasetGenerator.demo(LocalDate.now(ZoneOffset.UTC)),
                DemoUsers.DEMO_PASSWORD, new MutableClock(Instant.now()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void neitherTheTokenNorACustomerNameIsReadableInTheWorkspaceFolder() throws Exception {
        Path workspace = dir.resolve("megan");
        String token;
        List<String> names;
        try (LocalStore store = LocalStore.open(workspace, Clock.systemUTC(), keys)) {
            SyncClient client = new SyncClient(server.url(), store, ServerApi.defaultHttpClient(),
                    SyncClient.DEFAULT_PAGE_SIZE, Clock.systemUTC());
            client.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
            client.sync(p -> { });
            token = store.secret(SyncClient.TOKEN).orElseThrow();
            names = store.customers().all().stream().map(Customer::name).limit(20).toList();
            assertThat(names).isNotEmpty();
        }

        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.getFileName() + " holds the token").doesNotContain(token);
                for (String name : names) {
                    assertThat(bytes).as(file.getFileName() + " holds a customer name").doesNotContain(name);
                }
            }
        }

        try (LocalStore store = LocalStore.open(workspace, Clock.systemUTC(), keys)) {
            SyncClient client = new SyncClient(server.url(), store, ServerApi.defaultHttpClient(),
                    SyncClient.DEFAULT_PAGE_SIZE, Clock.systemUTC());
            assertThat(client.signedIn()).isTrue();
            client.sync(p -> { });
        }
    }
}
