package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.OverallMindset;
import ftop.core.store.LocalStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache check against a real server on loopback, with the workspace's and the server's H2
 * files changed behind their backs by raw SQL: a difference on either side is found, only the
 * customers that differ are fetched, the workspace is repaired to the server's truth, and local
 * edits waiting in the outbox stay on top.
 */
class CacheCheckEndToEndTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private LoopbackServer server;
    private LocalStore store;
    private SyncClient megan;

    @BeforeEach
    void syncOnce() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), DatasetGenerator.demo(LocalDate.now(ZoneOffset.UTC)),
                DemoUsers.DEMO_PASSWORD, clock);
        open();
        megan.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
        syncAsTheEngineDoes();
    }

    /** A sync, then what the sync engine runs after a successful one. */
    private void syncAsTheEngineDoes() throws SyncException {
        megan.sync(p -> { });
        megan.afterSync();
    }

    @AfterEach
    void closeAll() {
        if (store != null) {
            store.close();
        }
        server.close();
    }

    private void open() {
        store = LocalStore.open(dir.resolve("megan"));
        megan = new SyncClient(server.url(), store, ServerApi.defaultHttpClient(), SyncClient.DEFAULT_PAGE_SIZE, clock);
    }

    /** Closes the workspace, runs {@code sql} on its file as someone with a database tool would, and opens it again. */
    private void editWorkspaceFile(String sql, String... values) throws SQLException {
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("megan").resolve("ftop"), "sa", "")) {
            run(c, sql, values);
        }
        open();
    }

    /** Changes the server's database without a revision, as a bug or a hand edit would. */
    private void editServerDatabase(String sql, String... values) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            run(c, sql, values);
        }
    }

    private static void run(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            assertThat(ps.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    private CacheCheck.Result check() throws SyncException {
        return megan.checkCache().orElseThrow();
    }

    private Customer customer(int index) {
        return store.customers().all().get(index);
    }

    private static String renamed(String table, String bodyColumn) {
        return "UPDATE " + table + " SET " + bodyColumn + " = REPLACE(" + bodyColumn + ", ?, ?) WHERE kind = 'customer' AND id = ?";
    }

    @Test
    void aCacheThatMatchesIsVerifiedAfterTheFirstSync() throws Exception {
        Optional<CacheCheck.Result> afterSync = CacheCheck.last(store);
        assertThat(afterSync).as("checked after the first sync").isPresent();
        assertThat(afterSync.get().verified()).isTrue();

        CacheCheck.Result result = check();
        assertThat(result.verified()).isTrue();
        assertThat(result.repaired()).isEmpty();
        assertThat(result.unsettled()).isEmpty();
        assertThat(result.rows()).isGreaterThan(store.customers().count());
        assertThat(CacheCheck.lastRepair(store)).isEmpty();
    }

    @Test
    void rowsCorruptedInTheWorkspaceAreRepairedAndThePendingEditStaysOnTop() throws Exception {
        Customer renamed = customer(1);
        CustomerHealth edited = store.health().byTpid(customer(0).tpid()).get(0);
        OverallMindset mine = otherThan(edited.perspective().mindset().orElse(null));
        store.save(EntityCodec.apply(edited, Map.of("perspective.mindset", TextNode.valueOf(mine.name()))));
        String healthId = Long.toString(edited.tpid());
        long healthRevision = store.revisionOf(EntityKind.HEALTH, healthId);

        editWorkspaceFile(renamed("entity_row", "server_body"), "\"name\":\"" + renamed.name() + "\"", "\"name\":\"Tampered\"",
                Long.toString(renamed.tpid()));
        editWorkspaceFile("UPDATE entity_row SET server_revision = server_revision + 7 WHERE kind = 'health' AND id = ?", healthId);
        assertThat(store.customers().get(Long.toString(renamed.tpid())).orElseThrow().name()).isEqualTo("Tampered");

        CacheCheck.Result result = check();

        assertThat(result.repaired()).containsExactlyInAnyOrder(renamed.tpid(), edited.tpid());
        assertThat(store.customers().get(Long.toString(renamed.tpid())).orElseThrow().name()).isEqualTo(renamed.name());
        assertThat(store.revisionOf(EntityKind.HEALTH, healthId)).isEqualTo(healthRevision);
        assertThat(store.health().get(healthId).orElseThrow().perspective().mindset()).contains(mine);
        assertThat(megan.pendingCount()).isEqualTo(1);
        assertThat(CacheCheck.lastRepair(store).orElseThrow().repaired()).containsExactlyInAnyOrder(renamed.tpid(), edited.tpid());
        assertThat(check().verified()).as("checked again").isTrue();

        megan.sync(p -> { });
        assertThat(megan.pendingCount()).isZero();
        assertThat(store.health().get(healthId).orElseThrow().perspective().mindset()).contains(mine);
        assertThat(check().verified()).isTrue();
    }

    @Test
    void aRowDeletedFromTheWorkspaceComesBack() throws Exception {
        Contact contact = store.contacts().all().get(0);
        editWorkspaceFile("DELETE FROM entity_row WHERE kind = 'contact' AND id = ?", contact.id().toString());
        assertThat(store.contacts().get(contact.id().toString())).isEmpty();

        assertThat(check().repaired()).containsExactly(contact.tpid());
        assertThat(store.contacts().get(contact.id().toString())).contains(contact);
    }

    @Test
    void aRowChangedOnTheServerWithoutARevisionIsRepairedToTheServersTruth() throws Exception {
        Customer renamed = customer(2);
        editServerDatabase(renamed("sync_row", "body"), "\"name\":\"" + renamed.name() + "\"", "\"name\":\"Renamed on the server\"",
                Long.toString(renamed.tpid()));

        assertThat(check().repaired()).containsExactly(renamed.tpid());
        assertThat(store.customers().get(Long.toString(renamed.tpid())).orElseThrow().name()).isEqualTo("Renamed on the server");
        assertThat(check().verified()).isTrue();
    }

    @Test
    void aRowDeletedOnTheServerWithoutATombstoneLeavesTheWorkspace() throws Exception {
        Contact contact = store.contacts().all().get(1);
        editServerDatabase("DELETE FROM sync_row WHERE kind = 'contact' AND id = ?", contact.id().toString());

        assertThat(check().repaired()).containsExactly(contact.tpid());
        assertThat(store.contacts().get(contact.id().toString())).isEmpty();
        assertThat(store.customers().get(Long.toString(contact.tpid()))).isPresent();
    }

    @Test
    void aCustomerChangedOnTheServerSinceTheLastPullIsLeftForTheNextCheck() throws Exception {
        CustomerHealth health = store.health().all().get(0);
        try (LocalStore other = LocalStore.open(dir.resolve("megan-laptop"))) {
            SyncClient laptop = new SyncClient(server.url(), other, ServerApi.defaultHttpClient(), SyncClient.DEFAULT_PAGE_SIZE, clock);
            laptop.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
            laptop.sync(p -> { });
            OverallMindset theirs = otherThan(health.perspective().mindset().orElse(null));
            other.save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(theirs.name()))));
            laptop.sync(p -> { });
        }

        CacheCheck.Result behind = check();
        assertThat(behind.verified()).isTrue();
        assertThat(behind.unsettled()).containsExactly(health.tpid());

        megan.pull(p -> { });
        CacheCheck.Result caughtUp = check();
        assertThat(caughtUp.verified()).isTrue();
        assertThat(caughtUp.unsettled()).isEmpty();
    }

    @Test
    void afterTheFirstSyncTheCheckRunsOnlyOnceItsIntervalHasPassed() throws Exception {
        Instant firstCheck = CacheCheck.last(store).orElseThrow().at();
        Customer renamed = customer(0);
        editServerDatabase(renamed("sync_row", "body"), "\"name\":\"" + renamed.name() + "\"", "\"name\":\"Fixed by hand\"",
                Long.toString(renamed.tpid()));
        String id = Long.toString(renamed.tpid());

        clock.advance(Duration.ofMinutes(29));
        syncAsTheEngineDoes();
        assertThat(CacheCheck.last(store).orElseThrow().at()).isEqualTo(firstCheck);
        assertThat(store.customers().get(id).orElseThrow().name()).isEqualTo(renamed.name());

        clock.advance(CacheCheck.DEFAULT_INTERVAL.minusMinutes(29));
        syncAsTheEngineDoes();
        assertThat(CacheCheck.last(store).orElseThrow().at()).isEqualTo(clock.instant());
        assertThat(CacheCheck.last(store).orElseThrow().repaired()).containsExactly(renamed.tpid());
        assertThat(store.customers().get(id).orElseThrow().name()).isEqualTo("Fixed by hand");
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
