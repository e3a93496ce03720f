package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.store.LocalStore;
import ftop.core.tenant.Tenant;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.server.Backups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server restored from a backup, against real servers on loopback and real sync clients: every
 * workspace notices, syncs afresh, sends its unsynced edits again and ends equal to the server.
 */
class BackupRestoreEndToEndTest {

    private static final String MEGAN = DemoUsers.DEMO_USER;
    private static final int CLIENTS = 3;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final OkHttpClient http = new OkHttpClient();
    private LoopbackServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), DatasetGenerator.demo(LocalDate.now(ZoneOffset.UTC)),
                DemoUsers.DEMO_PASSWORD, Clock.systemUTC());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.close();
    }

    @Test
    void aBackupTakenUnderLoadIsRestoredAndEveryClientEndsEqualToTheServer() throws Exception {
        List<SyncClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            SyncClient client = signedIn("client-" + i);
            client.sync(p -> { });
            clients.add(client);
        }
        List<CustomerHealth> customers = clients.get(0).store().health().all();

        // Every client writes status notes and syncs, all at once; the backup is taken in the middle.
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch beforeBackup = new CountDownLatch(10);
        CountDownLatch afterBackup = new CountDownLatch(10);
        AtomicBoolean backedUp = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Set<String>>> acknowledged = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                SyncClient client = clients.get(i);
                long tpid = customers.get(i).tpid();
                acknowledged.add(pool.submit(() -> {
                    Set<String> afterTheBackup = new HashSet<>();
                    while (!stop.get()) {
                        EnterpriseStatusNote note = client.store().notes().get(
                                newNote(client.store(), tpid).id().toString()).orElseThrow();
                        boolean late = backedUp.get();
                        client.sync(p -> { });
                        if (late) {
                            afterTheBackup.add(note.id().toString());
                            afterBackup.countDown();
                        } else {
                            beforeBackup.countDown();
                        }
                    }
                    return afterTheBackup;
                }));
            }
            assertThat(beforeBackup.await(2, TimeUnit.MINUTES)).isTrue();
            Path zip = dir.resolve("backup.zip");
            backUp(zip);
            backedUp.set(true);
            assertThat(afterBackup.await(2, TimeUnit.MINUTES)).isTrue();
            stop.set(true);
            Set<String> lostByTheRestore = new HashSet<>();
            for (Future<Set<String>> f : acknowledged) {
                lostByTheRestore.addAll(f.get(2, TimeUnit.MINUTES));
            }

            // Edits the server has not seen yet when it is restored.
            Set<String> unsynced = new HashSet<>();
            for (int i = 0; i < CLIENTS; i++) {
                unsynced.add(newNote(clients.get(i).store(), customers.get(i).tpid()).id().toString());
            }

            Backups.RestoreReport report = server.restoreBackup(zip);
            assertThat(report.newServerId()).isEqualTo(server.serverId()).isNotEqualTo(report.oldServerId());

            for (SyncClient client : clients) {
                assertThatThrownBy(() -> client.sync(p -> { })).isInstanceOfSatisfying(SyncException.class,
                        e -> assertThat(e.failure()).isIn(SyncFailure.RESYNCING, SyncFailure.LOGIN_NEEDED));
                syncUntilSettled(client);
                assertThat(client.pendingCount()).isZero();
                assertThat(client.store().outbox().problems()).isEmpty();
            }
            // Each has the others' edits sent after the restore once it syncs again.
            for (SyncClient client : clients) {
                client.sync(p -> { });
            }
            SyncClient fresh = signedIn("fresh");
            fresh.sync(p -> { });
            Set<String> serverNotes = ids(fresh.store());
            assertThat(serverNotes).containsAll(unsynced);
            assertThat(serverNotes).as("acknowledged after the backup: not in it").doesNotContainAnyElementsOf(lostByTheRestore);
            for (SyncClient client : clients) {
                assertThat(ids(client.store())).containsExactlyInAnyOrderElementsOf(serverNotes);
                assertThat(client.store().health().all()).isEqualTo(fresh.store().health().all());
                assertThat(client.store().customers().count()).isEqualTo(fresh.store().customers().count());
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void aRestoreByHandFollowedByNewEditsPastTheCursorStillMakesTheClientResync() throws Exception {
        SyncClient megan = signedIn("megan");
        megan.sync(p -> { });
        SyncClient other = signedIn("other");
        other.sync(p -> { });
        long tpid = megan.store().health().all().get(0).tpid();
        // A copy of the database files, made with the server stopped and put back by hand: the
        // server keeps its id.
        Path copy = dir.resolve("copy");
        server.backUpTo(copy);
        server.restart();
        for (int i = 0; i < 3; i++) {
            newNote(megan.store(), tpid);
        }
        megan.sync(p -> { });
        long cursor = megan.store().cursor();
        String id = server.serverId();

        server.restoreFrom(copy);
        assertThat(server.serverId()).isEqualTo(id);
        // Others write more than was lost: the server's latest revision passes megan's cursor again.
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            written.add(newNote(other.store(), tpid).id().toString());
        }
        other.sync(p -> { });
        assertThat(other.store().cursor()).isGreaterThan(cursor);

        assertThatThrownBy(() -> megan.sync(p -> { })).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.code()).contains(SyncException.RESYNC));
        megan.sync(p -> { });
        assertThat(ids(megan.store())).containsAll(written).containsExactlyInAnyOrderElementsOf(ids(other.store()));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private SyncClient signedIn(String workspace) throws Exception {
        LocalStore store = LocalStore.open(dir.resolve(workspace));
        open.add(store);
        SyncClient client = new SyncClient(server.url(), store, ServerApi.defaultHttpClient(), SyncClient.DEFAULT_PAGE_SIZE,
                Clock.systemUTC());
        client.login(MEGAN, DemoUsers.DEMO_PASSWORD);
        return client;
    }

    /** Syncs until nothing is left to do, signing in again when the restored server asks for it. */
    private static void syncUntilSettled(SyncClient client) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                client.sync(p -> { });
                return;
            } catch (SyncException e) {
                if (e.failure() == SyncFailure.LOGIN_NEEDED) {
                    client.login(MEGAN, DemoUsers.DEMO_PASSWORD);
                } else if (e.failure() != SyncFailure.RESYNCING) {
                    throw e;
                }
            }
        }
        throw new AssertionError("The workspace did not settle after the restore");
    }

    /** A new status note on the customer's winner tenant, saved in the workspace (not yet synced). */
    private static EnterpriseStatusNote newNote(LocalStore store, long tpid) {
        Tenant winner = store.tenants().byTpid(tpid).stream().filter(Tenant::winner).findFirst().orElseThrow();
        EnterpriseStatusNote note = new EnterpriseStatusNote(UUID.randomUUID(), tpid, winner.tenantId(),
                "Written during the backup test", "", "", MEGAN, Instant.now());
        store.save(note);
        return note;
    }

    private static Set<String> ids(LocalStore store) {
        return store.notes().all().stream().map(n -> n.id().toString()).collect(Collectors.toSet());
    }

    /** Takes a backup through the server's admin endpoint, as {@code ftop-server backup} does. */
    private void backUp(Path zip) throws Exception {
        String login = ProtocolJson.mapper().writeValueAsString(new LoginRequest(DemoUsers.NESTOR_WILKE,
                DemoUsers.DEMO_PASSWORD));
        String token;
        try (Response r = http.newCall(new Request.Builder().url(server.url().resolve("api/v1/session"))
                .post(RequestBody.create(login, MediaType.get("application/json"))).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            token = ProtocolJson.mapper().readValue(r.body().string(), LoginResponse.class).token();
        }
        try (Response r = http.newCall(new Request.Builder().url(server.url().resolve("api/v1/admin/backup"))
                .header("Authorization", "Bearer " + token).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            Files.copy(r.body().byteStream(), zip);
        }
    }
}
