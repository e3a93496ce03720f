package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityCodec;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerStatus;
import ftop.core.health.OverallMindset;
import ftop.core.store.LocalStore;
import ftop.core.store.OutboxEntry;
import ftop.core.store.OutboxState;
import ftop.sync.protocol.HistoryEntry;
import ftop.sync.protocol.ProtocolJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync client against a real central server on loopback, with real H2 workspaces: the
 * promises of offline work, proven end to end.
 */
class SyncEndToEndTest {

    private static final String MEGAN = DemoUsers.DEMO_USER;
    private static final String ALEX = DemoUsers.ALEX_WILBER;

    @TempDir
    Path dir;

    private final MutableClock serverClock = new MutableClock(Instant.now());
    private final List<AutoCloseable> open = new ArrayList<>();
    private LoopbackServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), DatasetGenerator.demo(LocalDate.now(ZoneOffset.UTC)),
                DemoUsers.DEMO_PASSWORD, serverClock);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.close();
    }

    @Test
    void firstSyncBringsTheUsersPortfolioAndASecondSyncNothingNew() throws Exception {
        SyncClient megan = signedIn(MEGAN, "megan", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        List<Double> progress = new ArrayList<>();
        assertThat(megan.firstSync()).isTrue();

        megan.sync(progress::add);

        assertThat(megan.firstSync()).isFalse();
        LocalStore store = megan.store();
        assertThat(store.customers().count()).isGreaterThanOrEqualTo(20);
        assertThat(store.health().count()).isEqualTo(store.customers().count());
        assertThat(store.cursor()).isPositive();
        assertThat(progress).last().isEqualTo(1.0);
        assertThat(megan.lastSuccess()).isPresent();

        long cursor = store.cursor();
        PullSummary again = megan.pull(p -> { });
        assertThat(again.rows()).isZero();
        assertThat(store.cursor()).isEqualTo(cursor);
    }

    @Test
    void theDesktopNumbersItsEditsAndAcknowledgesTheAnswersItHolds() throws Exception {
        SyncClient megan = signedIn(MEGAN, "megan", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        megan.sync(p -> { });
        List<CustomerHealth> all = megan.store().health().all();
        for (CustomerHealth health : all.subList(0, 2)) {
            OverallMindset mindset = otherThan(health.perspective().mindset().orElse(null), OverallMindset.values());
            megan.store().save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(mindset.name()))));
        }
        List<Long> first = megan.store().outbox().pending(10).stream().map(OutboxEntry::seq).toList();
        megan.sync(p -> { });
        String clientId = megan.store().setting(PushBatches.CLIENT_ID_SETTING).orElseThrow();
        // The first push acknowledged nothing of its own; the server keeps both answers under their numbers.
        assertThat(serverLong("SELECT acked_below FROM sync_client WHERE client_id = '" + clientId + "'"))
                .isEqualTo(first.get(0));
        assertThat(serverLong("SELECT COUNT(*) FROM applied_mutation WHERE client_id = '" + clientId
                + "' AND client_seq IN (" + first.get(0) + ", " + first.get(1) + ")")).isEqualTo(2);

        CustomerHealth third = all.get(2);
        megan.store().save(EntityCodec.apply(third, Map.of("perspective.mindset", TextNode.valueOf(
                otherThan(third.perspective().mindset().orElse(null), OverallMindset.values()).name()))));
        megan.sync(p -> { });
        // The next push says the desktop holds both earlier answers: the server may forget them now.
        assertThat(serverLong("SELECT acked_below FROM sync_client WHERE client_id = '" + clientId + "'"))
                .isGreaterThan(first.get(1));
        assertThat(megan.store().setting(PushBatches.CLIENT_ID_SETTING)).contains(clientId);
    }

    @Test
    void aWorkspaceRestoredFromACopyLosesNoEditMadeAfterwards() throws Exception {
        SyncClient megan = signedIn(MEGAN, "megan", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        megan.sync(p -> { });
        List<CustomerHealth> all = megan.store().health().all();
        changeMindset(megan.store(), all.get(0));
        // The laptop's backup is taken while that edit waits for the server.
        megan.store().close();
        open.remove(megan.store());
        copyTree(dir.resolve("megan"), dir.resolve("megan-backup"));

        SyncClient before = signedIn(MEGAN, "megan", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        before.sync(p -> { });
        for (CustomerHealth health : all.subList(1, 4)) {
            changeMindset(before.store(), health);
            before.sync(p -> { });
        }
        String oldId = before.store().setting(PushBatches.CLIENT_ID_SETTING).orElseThrow();
        long mark = serverLong("SELECT acked_below FROM sync_client WHERE client_id = '" + oldId + "'");
        before.store().close();
        open.remove(before.store());

        // The laptop is restored from the backup: its edit of customer 0 waits again, and the edit
        // made next takes a number the server has already acknowledged under the same client id.
        SyncClient restored = signedIn(MEGAN, "megan-backup", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        OverallMindset made = changeMindset(restored.store(), all.get(4));
        assertThat(restored.store().outbox().pending(10)).extracting(OutboxEntry::seq).allMatch(seq -> seq < mark);
        restored.sync(p -> { });

        assertThat(restored.pendingCount()).isZero();
        assertThat(restored.store().outbox().problems()).isEmpty();
        assertThat(restored.store().setting(PushBatches.CLIENT_ID_SETTING)).isPresent().get().isNotEqualTo(oldId);
        SyncClient check = signedIn(MEGAN, "megan-check", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        check.sync(p -> { });
        assertThat(check.store().health().get(Long.toString(all.get(4).tpid())).orElseThrow().perspective().mindset())
                .contains(made);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    /** Saves another Overall Mindset for {@code health} as a local edit; returns it. */
    private static OverallMindset changeMindset(LocalStore store, CustomerHealth health) {
        CustomerHealth current = store.health().get(Long.toString(health.tpid())).orElseThrow();
        OverallMindset mindset = otherThan(current.perspective().mindset().orElse(null), OverallMindset.values());
        store.save(EntityCodec.apply(current, Map.of("perspective.mindset", TextNode.valueOf(mindset.name()))));
        return mindset;
    }

    private long serverLong(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }

    @Test
    void anOfflineEditReachesTheServerAfterReconnect() throws Exception {
        SyncClient megan = signedIn(MEGAN, "megan", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        megan.sync(p -> { });
        CustomerHealth health = megan.store().health().all().get(0);

        server.stop();
        OverallMindset mindset = otherThan(health.perspective().mindset().orElse(null), OverallMindset.values());
        megan.store().save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(mindset.name()))));
        assertThatThrownBy(() -> megan.sync(p -> { })).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.failure()).isEqualTo(SyncFailure.UNREACHABLE));
        assertThat(megan.pendingCount()).isEqualTo(1);

        server.restart();
        megan.sync(p -> { });

        assertThat(megan.pendingCount()).isZero();
        SyncClient other = signedIn(MEGAN, "megan-laptop-2", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        other.sync(p -> { });
        assertThat(other.store().health().get(Long.toString(health.tpid())).orElseThrow().perspective().mindset())
                .contains(mindset);
    }

    @Test
    void twoUsersEditingDifferentFieldsOfOneCustomerBothWin() throws Exception {
        SyncClient megan = signedIn(MEGAN, "megan", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        SyncClient alex = signedIn(ALEX, "alex", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        megan.sync(p -> { });
        alex.sync(p -> { });
        CustomerHealth shared = sharedHealth(megan, alex);
        String id = Long.toString(shared.tpid());

        OverallMindset mindset = otherThan(shared.perspective().mindset().orElse(null), OverallMindset.values());
        CustomerStatus status = otherThan(shared.progress().status().orElse(null), CustomerStatus.values());
        megan.store().save(EntityCodec.apply(shared, Map.of("perspective.mindset", TextNode.valueOf(mindset.name()))));
        alex.store().save(EntityCodec.apply(shared, Map.of("progress.status", TextNode.valueOf(status.name()))));
        megan.sync(p -> { });
        alex.sync(p -> { });
        megan.sync(p -> { });

        for (SyncClient client : List.of(megan, alex)) {
            CustomerHealth seen = client.store().health().get(id).orElseThrow();
            assertThat(seen.perspective().mindset()).contains(mindset);
            assertThat(seen.progress().status()).contains(status);
            assertThat(client.store().outbox().problems()).isEmpty();
            assertThat(client.pendingCount()).isZero();
        }
    }

    @Test
    void theSameFieldIsAConflictAndKeepMineWinsWithNoValueLost() throws Exception {
        SyncClient megan = signedIn(MEGAN, "megan", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        SyncClient alex = signedIn(ALEX, "alex", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        megan.sync(p -> { });
        alex.sync(p -> { });
        CustomerHealth shared = sharedHealth(megan, alex);
        String id = Long.toString(shared.tpid());
        CustomerStatus[] two = twoOtherThan(shared.progress().status().orElse(null));

        megan.store().save(EntityCodec.apply(shared, Map.of("progress.status", TextNode.valueOf(two[0].name()))));
        alex.store().save(EntityCodec.apply(shared, Map.of("progress.status", TextNode.valueOf(two[1].name()))));
        megan.sync(p -> { });
        alex.sync(p -> { });

        // Alex sees Megan's value, and his own is kept beside it until he decides.
        OutboxEntry conflict = onlyProblem(alex, OutboxState.CONFLICT);
        assertThat(alex.store().health().get(id).orElseThrow().progress().status()).contains(two[0]);
        assertThat(conflict.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("progress.status");
            assertThat(c.mine().asText()).isEqualTo(two[1].name());
            assertThat(c.theirs().asText()).isEqualTo(two[0].name());
            assertThat(c.changedBy()).isEqualTo(MEGAN);
        });

        alex.store().outbox().keepMine(conflict.mutation().id());
        alex.sync(p -> { });
        megan.sync(p -> { });

        assertThat(alex.store().outbox().problems()).isEmpty();
        assertThat(alex.store().health().get(id).orElseThrow().progress().status()).contains(two[1]);
        assertThat(megan.store().health().get(id).orElseThrow().progress().status()).contains(two[1]);
        List<HistoryEntry> history = history(megan, shared.tpid()).stream()
                .filter(h -> h.field().equals("progress.status")).toList();
        assertThat(history).extracting(h -> h.to().asText()).containsExactly(two[0].name(), two[1].name());
    }

    @Test
    void theSameFieldIsAConflictAndTakeTheirsSettlesOnTheServersValue() throws Exception {
        SyncClient megan = signedIn(MEGAN, "megan", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        SyncClient alex = signedIn(ALEX, "alex", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        megan.sync(p -> { });
        alex.sync(p -> { });
        CustomerHealth shared = sharedHealth(megan, alex);
        String id = Long.toString(shared.tpid());
        CustomerStatus[] two = twoOtherThan(shared.progress().status().orElse(null));
        OverallMindset mindset = otherThan(shared.perspective().mindset().orElse(null), OverallMindset.values());

        megan.store().save(EntityCodec.apply(shared, Map.of("progress.status", TextNode.valueOf(two[0].name()))));
        // Alex changes the same field and another one in one edit: taking theirs keeps his other field.
        alex.store().save(EntityCodec.apply(shared, Map.of("progress.status", TextNode.valueOf(two[1].name()),
                "perspective.mindset", TextNode.valueOf(mindset.name()))));
        megan.sync(p -> { });
        alex.sync(p -> { });
        OutboxEntry conflict = onlyProblem(alex, OutboxState.CONFLICT);

        alex.store().outbox().takeTheirs(conflict.mutation().id());
        alex.sync(p -> { });
        megan.sync(p -> { });

        for (SyncClient client : List.of(megan, alex)) {
            CustomerHealth seen = client.store().health().get(id).orElseThrow();
            assertThat(seen.progress().status()).contains(two[0]);
            assertThat(seen.perspective().mindset()).contains(mindset);
            assertThat(client.store().outbox().problems()).isEmpty();
            assertThat(client.pendingCount()).isZero();
        }
    }

    @Test
    void aServerThatDiesMidPushLosesNothingAndAppliesNothingTwice() throws Exception {
        try (ForwardingProxy proxy = new ForwardingProxy(server.url())) {
            SyncClient megan = signedIn(MEGAN, "megan", proxy.url(), SyncClient.DEFAULT_PAGE_SIZE);
            megan.sync(p -> { });
            List<CustomerHealth> rows = megan.store().health().all().subList(0, 3);
            Map<Long, OverallMindset> edits = new java.util.HashMap<>();
            for (CustomerHealth health : rows) {
                OverallMindset mindset = otherThan(health.perspective().mindset().orElse(null), OverallMindset.values());
                edits.put(health.tpid(), mindset);
                megan.store().save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(mindset.name()))));
            }

            // The server applies the batch, then dies before its answer gets out.
            proxy.tamperOnce("/mutations", (exchange, status, body) -> {
                assertThat(status).isEqualTo(200);
                server.stop();
                ForwardingProxy.dropConnection(exchange);
                return true;
            });
            assertThatThrownBy(() -> megan.sync(p -> { })).isInstanceOfSatisfying(SyncException.class,
                    e -> assertThat(e.failure()).isEqualTo(SyncFailure.UNREACHABLE));
            assertThat(megan.store().outbox().pendingCount()).isEqualTo(3);

            server.restart();
            megan.sync(p -> { });

            assertThat(megan.pendingCount()).isZero();
            for (CustomerHealth health : rows) {
                List<HistoryEntry> changes = history(megan, health.tpid()).stream()
                        .filter(h -> h.field().equals("perspective.mindset")).toList();
                assertThat(changes).hasSize(1);
                assertThat(changes.get(0).to().asText()).isEqualTo(edits.get(health.tpid()).name());
                assertThat(megan.store().health().get(Long.toString(health.tpid())).orElseThrow().perspective().mindset())
                        .contains(edits.get(health.tpid()));
            }
        }
    }

    @Test
    void aClientKilledMidPullResumesFromItsCursor() throws Exception {
        Path workspace = dir.resolve("megan");
        try (ForwardingProxy proxy = new ForwardingProxy(server.url())) {
            LocalStore store = LocalStore.open(workspace);
            SyncClient megan = new SyncClient(proxy.url(), store, ServerApi.defaultHttpClient(), 50, Clock.systemUTC());
            megan.login(MEGAN, DemoUsers.DEMO_PASSWORD);
            AtomicInteger pages = new AtomicInteger();
            assertThatThrownBy(() -> megan.pull(p -> {
                if (pages.incrementAndGet() == 3) {
                    throw new IllegalStateException("killed");
                }
            })).hasMessage("killed");
            long cursor = store.cursor();
            assertThat(cursor).isPositive().isLessThan(server.loadedRevision());
            store.close();

            LocalStore reopened = LocalStore.open(workspace);
            open.add(reopened);
            SyncClient resumed = new SyncClient(proxy.url(), reopened, ServerApi.defaultHttpClient(), 50, Clock.systemUTC());
            int before = proxy.requests().size();
            resumed.sync(p -> { });

            // Nothing before the cursor is fetched again (a page fetched ahead before the kill may
            // arrive late, but it too starts at the cursor).
            List<Long> since = proxy.requests().subList(before, proxy.requests().size()).stream()
                    .filter(r -> r.startsWith("GET /api/v1/changes?since="))
                    .map(r -> Long.parseLong(r.substring("GET /api/v1/changes?since=".length(), r.indexOf('&'))))
                    .toList();
            assertThat(since).contains(cursor).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(cursor));
            SyncClient whole = signedIn(MEGAN, "megan-whole", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
            whole.sync(p -> { });
            assertSameRows(reopened, whole.store());
        }
    }

    @Test
    void aCutOffPageFromTheRealServerChangesNothingLocally() throws Exception {
        try (ForwardingProxy proxy = new ForwardingProxy(server.url())) {
            SyncClient megan = signedIn(MEGAN, "megan", proxy.url(), SyncClient.DEFAULT_PAGE_SIZE);
            SyncClient alex = signedIn(ALEX, "alex", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
            megan.sync(p -> { });
            alex.sync(p -> { });
            CustomerHealth shared = sharedHealth(megan, alex);
            OverallMindset mindset = otherThan(shared.perspective().mindset().orElse(null), OverallMindset.values());
            alex.store().save(EntityCodec.apply(shared, Map.of("perspective.mindset", TextNode.valueOf(mindset.name()))));
            alex.sync(p -> { });
            long cursor = megan.store().cursor();

            proxy.tamperOnce("/changes", (exchange, status, body) -> {
                FakeHttpServer.respondCutOff(exchange, new String(body, java.nio.charset.StandardCharsets.UTF_8),
                        body.length / 2);
                return true;
            });
            assertThatThrownBy(() -> megan.pull(p -> { })).isInstanceOfSatisfying(SyncException.class,
                    e -> assertThat(e.failure()).isEqualTo(SyncFailure.BAD_ANSWER));
            assertThat(megan.store().cursor()).isEqualTo(cursor);
            assertThat(megan.store().health().get(Long.toString(shared.tpid())).orElseThrow().perspective().mindset())
                    .isEqualTo(shared.perspective().mindset());

            megan.pull(p -> { });
            assertThat(megan.store().health().get(Long.toString(shared.tpid())).orElseThrow().perspective().mindset())
                    .contains(mindset);
        }
    }

    @Test
    void anExpiredSessionNeedsALoginAndKeepsPendingEdits() throws Exception {
        SyncClient megan = signedIn(MEGAN, "megan", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        megan.sync(p -> { });
        CustomerHealth health = megan.store().health().all().get(0);
        OverallMindset mindset = otherThan(health.perspective().mindset().orElse(null), OverallMindset.values());
        megan.store().save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(mindset.name()))));

        // The server's clock passes the token's lifetime; the client's clock has not noticed.
        serverClock.advance(Duration.ofHours(13));
        assertThatThrownBy(() -> megan.sync(p -> { })).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(SyncFailure.LOGIN_NEEDED);
            assertThat(e.getMessage()).containsIgnoringCase("sign in");
        });
        assertThat(megan.store().outbox().pendingCount()).isEqualTo(1);
        assertThat(megan.store().health().get(Long.toString(health.tpid())).orElseThrow().perspective().mindset())
                .contains(mindset);

        megan.login(MEGAN, DemoUsers.DEMO_PASSWORD);
        megan.sync(p -> { });
        assertThat(megan.pendingCount()).isZero();
        assertThat(history(megan, health.tpid())).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("perspective.mindset");
            assertThat(h.to().asText()).isEqualTo(mindset.name());
        });
    }

    @Test
    void aCustomerThatLeavesTheUsersScopeLeavesTheWorkspaceButNewOnesArriveWhole() throws Exception {
        SyncClient megan = signedIn(MEGAN, "megan", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        SyncClient team = signedIn(DemoUsers.LEE_GU, "assignment-team", server.url(), SyncClient.DEFAULT_PAGE_SIZE);
        megan.sync(p -> { });
        team.sync(p -> { });
        long tpid = megan.store().customers().all().get(0).tpid();
        List<ftop.core.assignment.Assignment> hers = team.store().assignments().byTpid(tpid).stream()
                .filter(a -> a.userId().equals(MEGAN)).toList();
        assertThat(hers).isNotEmpty();

        // The assignment team takes the customer away from Megan.
        team.store().saveAll(List.of(), hers.stream()
                .map(a -> new ftop.core.store.RowRef(ftop.core.change.EntityKind.ASSIGNMENT, a.id().toString())).toList());
        PushSummary removed = team.push();
        assertThat(removed.applied()).isEqualTo(hers.size());
        PullSummary pulled = megan.pull(p -> { });

        assertThat(pulled.droppedCustomers()).isEqualTo(1);
        assertThat(megan.store().customers().get(Long.toString(tpid))).isEmpty();
        assertThat(megan.store().health().get(Long.toString(tpid))).isEmpty();
        assertThat(megan.store().tenants().byTpid(tpid)).isEmpty();
        assertThat(megan.store().notes().byTpid(tpid)).isEmpty();

        // And gives it back: it arrives whole on the next pull.
        for (ftop.core.assignment.Assignment a : hers) {
            team.store().save(a);
        }
        team.push();
        megan.pull(p -> { });

        assertThat(megan.store().customers().get(Long.toString(tpid))).isPresent();
        assertThat(megan.store().health().get(Long.toString(tpid))).isPresent();
        assertThat(megan.store().tenants().byTpid(tpid)).hasSameSizeAs(team.store().tenants().byTpid(tpid));
        assertThat(megan.store().notes().byTpid(tpid)).hasSameSizeAs(team.store().notes().byTpid(tpid));
    }

    @Test
    void aWrongPasswordIsAClearMessageAndChangesNothing() throws Exception {
        LocalStore store = LocalStore.open(dir.resolve("ws"));
        open.add(store);
        SyncClient client = new SyncClient(server.url(), store);

        assertThatThrownBy(() -> client.login(MEGAN, "not-the-password")).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(SyncFailure.LOGIN_NEEDED);
            assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception");
        });
        assertThat(client.signedIn()).isFalse();
        assertThat(store.setting(SyncClient.TOKEN)).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private SyncClient signedIn(String user, String workspace, HttpUrl url, int pageSize) throws Exception {
        LocalStore store = LocalStore.open(dir.resolve(workspace));
        open.add(store);
        SyncClient client = new SyncClient(url, store, ServerApi.defaultHttpClient(), pageSize, Clock.systemUTC());
        client.login(user, DemoUsers.DEMO_PASSWORD);
        return client;
    }

    /** A customer whose health both clients may edit. */
    private static CustomerHealth sharedHealth(SyncClient a, SyncClient b) {
        Set<Long> other = b.store().health().all().stream().map(CustomerHealth::tpid).collect(Collectors.toSet());
        return a.store().health().all().stream().filter(h -> other.contains(h.tpid())).findFirst()
                .orElseThrow(() -> new AssertionError("The demo data has no customer both users look after"));
    }

    private static OutboxEntry onlyProblem(SyncClient client, OutboxState state) {
        List<OutboxEntry> problems = client.store().outbox().problems();
        assertThat(problems).singleElement().extracting(OutboxEntry::state).isEqualTo(state);
        return problems.get(0);
    }

    private static <E> E otherThan(E current, E[] values) {
        for (E value : values) {
            if (!value.equals(current)) {
                return value;
            }
        }
        throw new AssertionError("No other value than " + current);
    }

    private static CustomerStatus[] twoOtherThan(CustomerStatus current) {
        List<CustomerStatus> others = new ArrayList<>(List.of(CustomerStatus.values()));
        others.remove(current);
        return new CustomerStatus[] {others.get(0), others.get(1)};
    }

    private List<HistoryEntry> history(SyncClient client, long tpid) throws IOException {
        String token = client.store().setting(SyncClient.TOKEN).orElseThrow();
        Request request = new Request.Builder().url(server.url().resolve("api/v1/customers/" + tpid + "/history"))
                .header("Authorization", "Bearer " + token).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return ProtocolJson.mapper().readValue(response.body().string(), new TypeReference<List<HistoryEntry>>() { });
        }
    }

    private static void assertSameRows(LocalStore a, LocalStore b) {
        assertThat(a.cursor()).isEqualTo(b.cursor());
        for (ftop.core.change.EntityKind kind : ftop.core.change.EntityKind.values()) {
            List<JsonNode> left = a.repository(kind.type()).all().stream().map(r -> (JsonNode) ProtocolJson.mapper().valueToTree(r))
                    .sorted(java.util.Comparator.comparing(JsonNode::toString)).toList();
            List<JsonNode> right = b.repository(kind.type()).all().stream().map(r -> (JsonNode) ProtocolJson.mapper().valueToTree(r))
                    .sorted(java.util.Comparator.comparing(JsonNode::toString)).toList();
            assertThat(left).as(kind.wireName()).isEqualTo(right);
        }
    }
}
