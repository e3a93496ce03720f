package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityCodec;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.OverallMindset;
import ftop.core.store.LocalStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace whose server's history is no longer the one it synced from, against a real server
 * on loopback over H2 files: the server reset to a new database, or restored from an older copy.
 * The workspace notices, says so, syncs afresh and keeps every unsynced edit.
 */
class ResyncEndToEndTest {

    private static final String MEGAN = DemoUsers.DEMO_USER;

    @TempDir
    Path dir;

    private final MutableClock serverClock = new MutableClock(Instant.now());
    private final List<AutoCloseable> open = new ArrayList<>();
    private LoopbackServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), demo(), DemoUsers.DEMO_PASSWORD, serverClock);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.close();
    }

    @Test
    void aServerResetToANewDatabaseIsSyncedAfreshAndThePendingEditStillGoesUp() throws Exception {
        SyncClient megan = signedIn("megan");
        megan.sync(p -> { });
        String oldId = server.serverId();
        assertThat(megan.store().serverId()).contains(oldId);
        List<CustomerHealth> health = megan.store().health().all();
        CustomerHealth synced = health.get(0);
        CustomerHealth pending = health.get(1);
        OverallMindset original = synced.perspective().mindset().orElse(null);
        // An edit the old server took, which the new database knows nothing of ...
        megan.store().save(withMindset(synced, otherThan(original)));
        megan.sync(p -> { });
        // ... and one it never saw.
        OverallMindset mine = otherThan(pending.perspective().mindset().orElse(null));
        megan.store().save(withMindset(pending, mine));

        server.resetTo(demo(), DemoUsers.DEMO_PASSWORD);
        assertThat(server.serverId()).isNotEqualTo(oldId);
        // The new database has no sessions: sign in again, as the app asks.
        assertThatThrownBy(() -> megan.sync(p -> { })).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.failure()).isEqualTo(SyncFailure.LOGIN_NEEDED));
        megan.login(MEGAN, DemoUsers.DEMO_PASSWORD);
        // Others work on the new server, so its latest revision passes the workspace's cursor: the
        // cursor's epoch (and the server id) tell the histories apart.
        SyncClient other = signedIn("other");
        other.sync(p -> { });
        CustomerHealth third = other.store().health().get(Long.toString(health.get(2).tpid())).orElseThrow();
        OverallMindset once = otherThan(third.perspective().mindset().orElse(null));
        for (OverallMindset value : List.of(once, otherThan(once))) {
            other.store().save(withMindset(other.store().health().get(Long.toString(third.tpid())).orElseThrow(), value));
            other.sync(p -> { });
        }
        assertThat(other.store().cursor()).isGreaterThan(megan.store().cursor());

        assertThatThrownBy(() -> megan.sync(p -> { })).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.getMessage()).isEqualTo(
                        "The server's data was reset; the workspace is being synced again. Your 1 unsynced edit is kept."));
        LocalStore store = megan.store();
        assertThat(store.resyncing()).isTrue();
        assertThat(store.cursor()).isZero();
        assertThat(store.serverId()).as("the epoch told first: the fresh pull's first page gives the id").isEmpty();
        assertThat(megan.pendingCount()).isEqualTo(1);
        assertThat(megan.firstSync()).isTrue();
        assertThat(mindset(store, synced)).as("rows stay on screen until the fresh sync replaces them").isPresent();

        List<Double> progress = new ArrayList<>();
        megan.sync(progress::add);

        assertThat(store.resyncing()).isFalse();
        assertThat(store.serverId()).contains(server.serverId());
        assertThat(megan.pendingCount()).isZero();
        assertThat(store.outbox().problems()).isEmpty();
        assertThat(progress).last().isEqualTo(1.0);
        assertThat(mindset(store, synced)).isEqualTo(Optional.ofNullable(original));
        assertThat(mindset(store, pending)).contains(mine);
        SyncClient fresh = signedIn("fresh");
        fresh.sync(p -> { });
        assertThat(mindset(fresh.store(), pending)).contains(mine);
        assertThat(mindset(fresh.store(), synced)).isEqualTo(Optional.ofNullable(original));
        assertThat(store.customers().count()).isEqualTo(fresh.store().customers().count());
    }

    @Test
    void aServerRestoredFromAnOlderCopyAnswersResyncAndTheWorkspaceSyncsAfresh() throws Exception {
        SyncClient megan = signedIn("megan");
        megan.sync(p -> { });
        String id = server.serverId();
        Path backup = dir.resolve("backup");
        server.backUpTo(backup);
        server.restart();
        List<CustomerHealth> health = megan.store().health().all();
        CustomerHealth lost = health.get(0);
        CustomerHealth pending = health.get(1);
        OverallMindset original = lost.perspective().mindset().orElse(null);
        megan.store().save(withMindset(lost, otherThan(original)));
        megan.sync(p -> { });
        long cursor = megan.store().cursor();

        server.restoreFrom(backup);
        assertThat(server.serverId()).isEqualTo(id);
        OverallMindset mine = otherThan(pending.perspective().mindset().orElse(null));
        megan.store().save(withMindset(pending, mine));

        assertThatThrownBy(() -> megan.sync(p -> { })).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.httpStatus()).hasValue(409);
            assertThat(e.code()).contains(SyncException.RESYNC);
            assertThat(e.getMessage()).isEqualTo(
                    "The server's data was reset; the workspace is being synced again. Your 1 unsynced edit is kept.");
        });
        assertThat(megan.store().resyncing()).isTrue();
        assertThat(megan.store().serverId()).as("the fresh pull's first page tells").isEmpty();
        assertThat(megan.pendingCount()).isEqualTo(1);

        megan.sync(p -> { });
        assertThat(megan.store().serverId()).contains(id);

        LocalStore store = megan.store();
        assertThat(store.resyncing()).isFalse();
        assertThat(megan.pendingCount()).isZero();
        assertThat(store.outbox().problems()).isEmpty();
        assertThat(mindset(store, lost)).as("the server's truth again").isEqualTo(Optional.ofNullable(original));
        assertThat(mindset(store, pending)).contains(mine);
        assertThat(store.cursor()).isPositive().isLessThan(cursor + 1);
        SyncClient fresh = signedIn("fresh");
        fresh.sync(p -> { });
        assertThat(mindset(fresh.store(), pending)).contains(mine);
    }

    @Test
    void withoutEditsWaitingThePullItselfMeetsTheResyncAnswer() throws Exception {
        SyncClient megan = signedIn("megan");
        megan.sync(p -> { });
        Path backup = dir.resolve("backup");
        server.backUpTo(backup);
        server.restart();
        CustomerHealth lost = megan.store().health().all().get(0);
        OverallMindset original = lost.perspective().mindset().orElse(null);
        megan.store().save(withMindset(lost, otherThan(original)));
        megan.sync(p -> { });
        server.restoreFrom(backup);

        assertThatThrownBy(() -> megan.sync(p -> { })).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.getMessage()).isEqualTo("The server's data was reset; the workspace is being synced again."));
        megan.sync(p -> { });

        assertThat(megan.store().resyncing()).isFalse();
        assertThat(mindset(megan.store(), lost)).isEqualTo(Optional.ofNullable(original));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static ftop.core.dataset.Dataset demo() {
        return DatasetGenerator.demo(LocalDate.now(ZoneOffset.UTC));
    }

    private SyncClient signedIn(String workspace) throws Exception {
        LocalStore store = LocalStore.open(dir.resolve(workspace));
        open.add(store);
        SyncClient client = new SyncClient(server.url(), store, ServerApi.defaultHttpClient(), SyncClient.DEFAULT_PAGE_SIZE,
                Clock.systemUTC());
        client.login(MEGAN, DemoUsers.DEMO_PASSWORD);
        return client;
    }

    private static CustomerHealth withMindset(CustomerHealth health, OverallMindset mindset) {
        return EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(mindset.name())));
    }

    private static Optional<OverallMindset> mindset(LocalStore store, CustomerHealth health) {
        return store.health().get(Long.toString(health.tpid())).orElseThrow().perspective().mindset();
    }

    private static OverallMindset otherThan(OverallMindset current) {
        for (OverallMindset value : OverallMindset.values()) {
            if (value != current) {
                return value;
            }
        }
        throw new AssertionError("No other mindset than " + current);
    }
}
