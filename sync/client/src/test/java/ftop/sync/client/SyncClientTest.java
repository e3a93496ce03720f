package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftop.core.Json;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.customer.Customer;
import ftop.core.store.LocalStore;
import ftop.core.store.OutboxEntry;
import ftop.core.store.OutboxState;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.ProtocolJson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync client against a scripted server, for the answers a real server does not give on
 * purpose: garbage, cut-off pages, rows that cannot be read, a page at a time.
 */
class SyncClientTest {

    private static final String SERVER_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @TempDir
    Path dir;

    private FakeHttpServer fake;
    private LocalStore store;
    private SyncClient client;

    @BeforeEach
    void open() throws Exception {
        fake = new FakeHttpServer();
        store = Workspaces.open(dir.resolve("ws"));
        store.bulkLoad(Workspaces.contoso(), 5);
        store.putSetting(SyncClient.TOKEN, "tok");
        store.putSetting(SyncClient.TOKEN_EXPIRES_AT, "2100-01-01T00:00:00Z");
        client = new SyncClient(fake.url(), store, ServerApi.defaultHttpClient(), 2, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
        fake.close();
    }

    @Test
    void garbageLeavesTheWorkspaceUntouched() {
        store.save(renamed("Contoso Ltd"));
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", "{\"since\":5,\"next\":9,\"more\":fal"));

        assertThatThrownBy(() -> client.pull(p -> { }))
                .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.failure()).isEqualTo(SyncFailure.BAD_ANSWER));

        assertUntouched();
    }

    @Test
    void aGarbledServerIdIsABadAnswerAndChangesNothing() {
        store.save(renamed("Contoso Ltd"));
        store.adoptServerId(SERVER_ID);
        for (String garbled : List.of("\"banana\"", "\"1-2-3-4-5\"", "\"\"", "null", "42")) {
            fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", page(5, 7, false,
                    List.of(row("customer", "2002", 2002, 6, fabrikamRenamed("Fabrikam Inc"))))
                    .replace("\"" + SERVER_ID + "\"", garbled)));

            assertThatThrownBy(() -> client.pull(p -> { })).as(garbled).isInstanceOfSatisfying(SyncException.class,
                    e -> assertThat(e.failure()).isEqualTo(SyncFailure.BAD_ANSWER));

            assertUntouched();
            assertThat(store.serverId()).contains(SERVER_ID);
            assertThat(store.resyncing()).isFalse();
        }
    }

    @Test
    void aSignInAnswerWithAGarbledServerIdIsABadAnswerAndKeepsNoToken() {
        store.removeSetting(SyncClient.TOKEN);
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"token\":\"t9\",\"expiresAt\":\"2100-01-01T00:00:00Z\",\"userId\":\"megan.bowen\","
                        + "\"displayName\":\"Megan Bowen\",\"roles\":[\"FM\"],\"serverId\":\"not-a-server\"}"));

        assertThatThrownBy(() -> client.login("megan.bowen", "demo")).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.failure()).isEqualTo(SyncFailure.BAD_ANSWER));

        assertThat(store.setting(SyncClient.TOKEN)).isEmpty();
    }

    @Test
    void aPageThatBreaksAnInvariantAppliesNothingOfItselfNorOfItsCursor() {
        store.save(renamed("Contoso Ltd"));
        String fabrikam = row("customer", "2002", 2002, 6, fabrikamRenamed("Fabrikam Inc"));
        List<String> broken = List.of(
                // The cursor jumps past the server's own latest revision.
                "{\"since\":5,\"next\":1000000005,\"more\":false,\"serverRevision\":7,\"changes\":[" + fabrikam
                        + "],\"droppedCustomers\":[],\"serverId\":\"" + SERVER_ID + "\"}",
                // A row beyond the page's end.
                page(5, 5, false, List.of(fabrikam)),
                // Nothing more, but short of the server's latest revision.
                "{\"since\":5,\"next\":6,\"more\":false,\"serverRevision\":9,\"changes\":[" + fabrikam
                        + "],\"droppedCustomers\":[],\"serverId\":\"" + SERVER_ID + "\"}",
                // Another starting point than the cursor.
                page(4, 6, false, List.of(fabrikam)));
        for (String page : broken) {
            fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", page));

            assertThatThrownBy(() -> client.pull(p -> { })).as(page).isInstanceOfSatisfying(SyncException.class,
                    e -> assertThat(e.failure()).isEqualTo(SyncFailure.BAD_ANSWER));

            assertUntouched();
        }
    }

    @Test
    void aPageFromAnotherServerAppliesNothingAndStartsAFreshSyncKeepingTheEdits() {
        store.save(renamed("Contoso Ltd"));
        store.adoptServerId(SERVER_ID);
        String other = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", page(5, 7, false,
                List.of(row("customer", "2002", 2002, 6, fabrikamRenamed("Fabrikam Inc")))).replace(SERVER_ID, other)));

        assertThatThrownBy(() -> client.pull(p -> { })).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.getMessage()).isEqualTo(
                        "The server's data was reset; the workspace is being synced again. Your 1 unsynced edit is kept."));

        assertThat(store.cursor()).isZero();
        assertThat(store.serverId()).contains(other);
        assertThat(store.resyncing()).isTrue();
        assertThat(store.customers().get("2002").orElseThrow().name()).isEqualTo("Fabrikam");
        assertThat(store.customers().get("1001").orElseThrow().name()).isEqualTo("Contoso Ltd");
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void aCutOffPageLeavesTheWorkspaceUntouched() {
        store.save(renamed("Contoso Ltd"));
        String page = page(5, 7, false, List.of(row("customer", "2002", 2002, 6, fabrikamRenamed("Fabrikam Inc"))));
        fake.answer(ex -> FakeHttpServer.respondCutOff(ex, page, page.length() / 2));

        assertThatThrownBy(() -> client.pull(p -> { }))
                .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.failure()).isEqualTo(SyncFailure.BAD_ANSWER));

        assertUntouched();
    }

    @Test
    void aPageWithARowThatCannotBeReadIsNotAppliedAtAll() {
        ObjectNode broken = fabrikamRenamed("Fabrikam Inc");
        broken.put("segment", "S9000");
        String page = page(5, 8, false, List.of(
                row("customer", "1001", 1001, 6, contosoRenamed("Contoso Server")),
                row("customer", "2002", 2002, 7, broken)));
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", page));

        assertThatThrownBy(() -> client.pull(p -> { })).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(SyncFailure.BAD_ANSWER);
            assertThat(e.getMessage()).contains("2002");
        });

        assertThat(store.cursor()).isEqualTo(5);
        assertThat(store.customers().get("1001").orElseThrow().name()).isEqualTo("Contoso");
    }

    @Test
    void pullsPageByPageAndResumesFromTheCursorAfterACrash() throws Exception {
        List<String> pages = List.of(
                page(5, 6, true, List.of(row("customer", "1001", 1001, 6, contosoRenamed("Contoso A")))),
                page(6, 7, true, List.of(row("customer", "2002", 2002, 7, fabrikamRenamed("Fabrikam B")))),
                page(7, 8, false, List.of(row("tenant", Contoso.SECOND_TENANT_ID.toString(), 1001, 8, null))));
        fake.answer(ex -> {
            String query = ex.getRequestURI().getQuery();
            int index = query.startsWith("since=5") ? 0 : query.startsWith("since=6") ? 1 : 2;
            FakeHttpServer.respond(ex, 200, "application/json", pages.get(index));
        });

        // The process dies while the second page is being handled: only the first page counts.
        AtomicInteger seen = new AtomicInteger();
        assertThatThrownBy(() -> client.pull(p -> {
            if (seen.incrementAndGet() == 1) {
                throw new IllegalStateException("killed");
            }
        })).hasMessage("killed");
        assertThat(store.cursor()).isEqualTo(6);
        assertThat(client.firstSync()).as("a first sync cut short is still a first sync").isTrue();
        assertThat(store.customers().get("1001").orElseThrow().name()).isEqualTo("Contoso A");
        assertThat(store.customers().get("2002").orElseThrow().name()).isEqualTo("Fabrikam");

        store.close();
        store = Workspaces.open(dir.resolve("ws"));
        client = new SyncClient(fake.url(), store, ServerApi.defaultHttpClient(), 2, Clock.systemUTC());
        List<Double> progress = new ArrayList<>();
        PullSummary summary = client.pull(progress::add);

        assertThat(summary).isEqualTo(new PullSummary(2, 2, 0, 8));
        // Page 1 is never fetched again; page 2 may have been fetched ahead before the crash too.
        List<String> asked = fake.received().stream().map(FakeHttpServer.Received::pathAndQuery).toList();
        assertThat(asked).containsOnly("/api/v1/changes?since=5&limit=2&epoch=", "/api/v1/changes?since=6&limit=2&epoch=",
                "/api/v1/changes?since=7&limit=2&epoch=");
        assertThat(asked).filteredOn(q -> q.contains("since=5")).hasSize(1);
        assertThat(asked).filteredOn(q -> q.contains("since=7")).hasSize(1);
        assertThat(store.customers().get("2002").orElseThrow().name()).isEqualTo("Fabrikam B");
        assertThat(store.tenants().get(Contoso.SECOND_TENANT_ID.toString())).isEmpty();
        assertThat(progress).last().isEqualTo(1.0);
    }

    @Test
    void droppedCustomersLeaveTheWorkspace() throws Exception {
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"since\":5,\"next\":9,\"more\":false,\"serverRevision\":9,\"changes\":[],\"droppedCustomers\":[2002],\"serverId\":\"" + SERVER_ID + "\"}"));

        PullSummary summary = client.pull(p -> { });

        assertThat(summary.droppedCustomers()).isEqualTo(1);
        assertThat(store.customers().get("2002")).isEmpty();
        assertThat(store.tenants().byTpid(2002)).isEmpty();
        assertThat(store.customers().get("1001")).isPresent();
    }

    @Test
    void anExpiredTokenNeedsALoginWithoutAskingTheServerAndKeepsTheEdits() {
        store.putSetting(SyncClient.TOKEN_EXPIRES_AT, "2020-01-01T00:00:00Z");
        store.save(renamed("Contoso Ltd"));

        assertThatThrownBy(() -> client.sync(p -> { })).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(SyncFailure.LOGIN_NEEDED);
            assertThat(e.getMessage()).contains("expired");
        });

        assertThat(fake.received()).isEmpty();
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
        assertThat(client.signedIn()).isFalse();
    }

    @Test
    void aTokenTheServerRefusesNeedsALoginAndKeepsTheEdits() {
        store.save(renamed("Contoso Ltd"));
        fake.answer(ex -> FakeHttpServer.respond(ex, 401, "application/json",
                "{\"status\":401,\"error\":\"unauthorized\",\"message\":\"Your session has ended; please sign in again.\",\"field\":null}"));

        assertThatThrownBy(() -> client.sync(p -> { })).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(SyncFailure.LOGIN_NEEDED);
            assertThat(e.getMessage()).contains("session has ended");
        });

        assertThat(store.outbox().pendingCount()).isEqualTo(1);
        assertThat(store.customers().get("1001").orElseThrow().name()).isEqualTo("Contoso Ltd");
    }

    @Test
    void pushSendsBatchesOfAtMostTwoHundredAndRecordsEveryAnswer() throws Exception {
        for (int i = 0; i < 405; i++) {
            store.save(renamed("Contoso " + i));
        }
        List<Integer> sizes = new ArrayList<>();
        AtomicInteger revision = new AtomicInteger(5);
        fake.answer(ex -> {
            MutationBatch batch = ProtocolJson.mapper().readValue(fake.received().get(fake.received().size() - 1).body(),
                    MutationBatch.class);
            sizes.add(batch.mutations().size());
            StringBuilder results = new StringBuilder("{\"results\":[");
            for (int i = 0; i < batch.mutations().size(); i++) {
                var m = batch.mutations().get(i);
                int rev = revision.incrementAndGet();
                String name = m.fields().get("name").asText();
                results.append(i == 0 ? "" : ",").append("{\"id\":\"").append(m.id()).append("\",\"outcome\":\"APPLIED\",")
                        .append("\"revision\":").append(rev).append(",\"row\":")
                        .append(row("customer", "1001", 1001, rev, contosoRenamed(name)))
                        .append(",\"conflicts\":[],\"message\":null,\"field\":null}");
            }
            FakeHttpServer.respond(ex, 200, "application/json", results.append("]}").toString());
        });

        PushSummary summary = client.push();

        assertThat(sizes).containsExactly(200, 200, 5);
        assertThat(summary).isEqualTo(new PushSummary(405, 0, 0));
        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(store.revisionOf(ftop.core.change.EntityKind.CUSTOMER, "1001")).isEqualTo(410);
        assertThat(store.customers().get("1001").orElseThrow().name()).isEqualTo("Contoso 404");
    }

    @Test
    void eachPushAnswerIsRecordedInOneStoreTransaction() throws Exception {
        List<Mutation> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(store.save(renamed("Contoso " + i)));
        }
        fake.answer(ex -> {
            StringBuilder results = new StringBuilder("{\"results\":[");
            for (int i = 0; i < sent.size(); i++) {
                results.append(i == 0 ? "" : ",").append("{\"id\":\"").append(sent.get(i).id())
                        .append("\",\"outcome\":\"APPLIED\",\"revision\":").append(6 + i).append(",\"row\":")
                        .append(row("customer", "1001", 1001, 6 + i, contosoRenamed("Contoso " + i)))
                        .append(",\"conflicts\":[],\"message\":null,\"field\":null}");
            }
            FakeHttpServer.respond(ex, 200, "application/json", results.append("]}").toString());
        });
        List<Set<EntityKind>> heard = new ArrayList<>();
        store.addListener(change -> heard.add(change.kinds()));

        PushSummary summary = client.push();

        assertThat(summary).isEqualTo(new PushSummary(5, 0, 0));
        assertThat(heard).as("one commit for the whole answer").containsExactly(Set.of(EntityKind.CUSTOMER));
        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(10);
    }

    @Test
    void aConflictWithoutTheServerRowGoesAgainAndTheAnswersBeforeItAreKept() throws Exception {
        var first = store.save(renamed("Contoso One"));
        var second = store.save(renamed("Contoso Two"));
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", "{\"results\":["
                + "{\"id\":\"" + first.id() + "\",\"outcome\":\"APPLIED\",\"revision\":6,\"row\":"
                + row("customer", "1001", 1001, 6, contosoRenamed("Contoso One"))
                + ",\"conflicts\":[],\"message\":null,\"field\":null},"
                + "{\"id\":\"" + second.id() + "\",\"outcome\":\"CONFLICT\",\"revision\":7,\"row\":null,"
                + "\"conflicts\":[],\"message\":null,\"field\":null}]}"));

        assertThatThrownBy(() -> client.push()).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.failure()).isEqualTo(SyncFailure.BAD_ANSWER));

        assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(6);
        assertThat(store.outbox().pending(10)).singleElement()
                .satisfies(entry -> assertThat(entry.mutation().id()).isEqualTo(second.id()));
        assertThat(store.customers().get("1001").orElseThrow().name()).isEqualTo("Contoso Two");
    }

    @Test
    void conflictsAndRejectionsStayForTheUserWithBothValues() throws Exception {
        var rename = store.save(renamed("Contoso Mine"));
        var area = store.save(new Customer(Contoso.FABRIKAM_TPID, "Fabrikam", Contoso.FABRIKAM.segment(),
                Contoso.FABRIKAM.region(), Contoso.FABRIKAM.vertical(), "North", Contoso.FABRIKAM.phase(), List.of()));
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json", "{\"results\":["
                + "{\"id\":\"" + rename.id() + "\",\"outcome\":\"CONFLICT\",\"revision\":9,\"row\":"
                + row("customer", "1001", 1001, 9, contosoRenamed("Contoso Theirs"))
                + ",\"conflicts\":[{\"field\":\"name\",\"mine\":\"Contoso Mine\",\"theirs\":\"Contoso Theirs\","
                + "\"changedBy\":\"alex.wilber\",\"changedAt\":\"2021-05-03T08:00:00Z\"}],\"message\":\"Alex changed the name\",\"field\":null},"
                + "{\"id\":\"" + area.id() + "\",\"outcome\":\"REJECTED\",\"revision\":5,\"row\":null,\"conflicts\":[],"
                + "\"message\":\"You may not edit Fabrikam\",\"field\":null}]}"));

        PushSummary summary = client.push();

        assertThat(summary).isEqualTo(new PushSummary(0, 1, 1));
        List<OutboxEntry> problems = store.outbox().problems();
        assertThat(problems).extracting(OutboxEntry::state).containsExactly(OutboxState.CONFLICT, OutboxState.REJECTED);
        assertThat(problems.get(0).conflicts()).singleElement().satisfies(c -> {
            assertThat(c.mine().asText()).isEqualTo("Contoso Mine");
            assertThat(c.theirs().asText()).isEqualTo("Contoso Theirs");
            assertThat(c.changedBy()).isEqualTo("alex.wilber");
        });
        assertThat(problems.get(1).message()).contains("You may not edit Fabrikam");
        assertThat(client.pendingCount()).isEqualTo(2);
        assertThat(client.problemCount()).isEqualTo(2);
    }

    @Test
    void aBatchRefusedAsMalformedIsRetriedOneByOneAndOnlyTheCulpritIsRejected() throws Exception {
        store.save(renamed("Contoso One"));
        var culprit = store.save(renamed("Contoso Two"));
        store.save(renamed("Contoso Three"));
        fake.answer(ex -> {
            MutationBatch batch = ProtocolJson.mapper().readValue(fake.received().get(fake.received().size() - 1).body(),
                    MutationBatch.class);
            if (batch.mutations().size() > 1 || batch.mutations().get(0).id().equals(culprit.id())) {
                FakeHttpServer.respond(ex, 400, "application/json", "{\"status\":400,\"error\":\"bad_request\","
                        + "\"message\":\"Field \\\"name\\\" is too long\",\"field\":\"name\"}");
                return;
            }
            var m = batch.mutations().get(0);
            FakeHttpServer.respond(ex, 200, "application/json", "{\"results\":[{\"id\":\"" + m.id()
                    + "\",\"outcome\":\"APPLIED\",\"revision\":9,\"row\":null,\"conflicts\":[],\"message\":null,\"field\":null}]}");
        });

        PushSummary summary = client.push();

        assertThat(summary).isEqualTo(new PushSummary(2, 0, 1));
        assertThat(fake.received()).hasSize(4);
        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(store.outbox().problems()).singleElement().satisfies(p -> {
            assertThat(p.mutation().id()).isEqualTo(culprit.id());
            assertThat(p.state()).isEqualTo(OutboxState.REJECTED);
            assertThat(p.message()).hasValueSatisfying(m -> assertThat(m).contains("is too long"));
        });
    }

    @Test
    void aServerErrorDuringPushKeepsEveryEditPending() {
        store.save(renamed("Contoso One"));
        store.save(renamed("Contoso Two"));
        fake.answer(ex -> FakeHttpServer.respond(ex, 503, "application/json",
                "{\"status\":503,\"error\":\"shutting_down\",\"message\":\"The server is shutting down\",\"field\":null}"));

        assertThatThrownBy(() -> client.push()).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(SyncFailure.SERVER_ERROR);
            assertThat(e.httpStatus()).hasValue(503);
        });
        assertThat(fake.received()).hasSize(1);
        assertThat(store.outbox().pendingCount()).isEqualTo(2);
        assertThat(store.outbox().problems()).isEmpty();
    }

    @Test
    void loginKeepsTheTokenButNeverThePasswordAndLogoutForgetsIt() throws Exception {
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"token\":\"fresh-token\",\"expiresAt\":\"2100-01-01T00:00:00Z\",\"userId\":\"megan.bowen\","
                        + "\"displayName\":\"Megan Bowen\",\"roles\":[\"FM\"],\"serverId\":\"" + SERVER_ID + "\"}"));

        client.login("megan.bowen", "s3cret-pass");

        assertThat(store.setting(SyncClient.TOKEN)).contains("fresh-token");
        assertThat(store.setting(SyncClient.DISPLAY_NAME)).contains("Megan Bowen");
        for (String key : List.of(SyncClient.SERVER_URL, SyncClient.TOKEN, SyncClient.TOKEN_EXPIRES_AT, SyncClient.USER_ID,
                SyncClient.DISPLAY_NAME, SyncClient.ROLES, SyncClient.LAST_SUCCESS)) {
            assertThat(store.setting(key).orElse("")).doesNotContain("s3cret-pass");
        }
        assertThat(client.signedIn()).isTrue();
        assertThat(SyncClient.forWorkspace(store)).hasValueSatisfying(c -> assertThat(c.server()).isEqualTo(fake.url()));

        fake.answer(ex -> FakeHttpServer.respond(ex, 204, "application/json", ""));
        client.logout();

        assertThat(client.signedIn()).isFalse();
        assertThat(store.setting(SyncClient.TOKEN)).isEmpty();
        assertThat(fake.received().get(fake.received().size() - 1).authorization()).isEqualTo("Bearer fresh-token");
    }

    @Test
    void anotherUsersWorkspaceIsRefusedAtLogin() throws Exception {
        store.putSetting(SyncClient.USER_ID, "megan.bowen");
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                "{\"token\":\"t2\",\"expiresAt\":\"2100-01-01T00:00:00Z\",\"userId\":\"alex.wilber\","
                        + "\"displayName\":\"Alex Wilber\",\"roles\":[\"FTA\"],\"serverId\":\"" + SERVER_ID + "\"}"));

        assertThatThrownBy(() -> client.login("alex.wilber", "demo")).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.getMessage()).contains("belongs to megan.bowen"));
        assertThat(store.setting(SyncClient.TOKEN)).contains("tok");
    }

    @Test
    void onlyEditsMadeOutsideSyncCountAsLocalEdits() throws Exception {
        AtomicInteger edits = new AtomicInteger();
        client.onLocalEdit(edits::incrementAndGet);
        fake.answer(ex -> FakeHttpServer.respond(ex, 200, "application/json",
                page(5, 6, false, List.of(row("customer", "1001", 1001, 6, contosoRenamed("From server"))))));

        client.pull(p -> { });
        assertThat(edits).hasValue(0);

        store.save(renamed("Mine"));
        assertThat(edits).hasValue(1);
    }

    @Test
    void storeChangesCountByTheirOriginNotByTheThreadThatMadeThem() {
        AtomicInteger edits = new AtomicInteger();
        client.onLocalEdit(edits::incrementAndGet);
        UUID mine = store.save(renamed("Mine")).id();
        assertThat(edits).hasValue(1);

        // The server's answer recorded on this (non-sync) thread is still sync's doing.
        store.outbox().markRejected(mine, "Not your customer");
        assertThat(edits).hasValue(1);

        // Giving the refused edit up is the user's decision.
        store.discard(mine);
        assertThat(edits).hasValue(2);
    }

    private void assertUntouched() {
        assertThat(store.cursor()).isEqualTo(5);
        assertThat(store.customers().get("1001").orElseThrow().name()).isEqualTo("Contoso Ltd");
        assertThat(store.customers().get("2002").orElseThrow().name()).isEqualTo("Fabrikam");
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
    }

    private static Customer renamed(String name) {
        Customer c = Contoso.CUSTOMER;
        return new Customer(c.tpid(), name, c.segment(), c.region(), c.vertical(), c.area(), c.phase(), c.renewalDates());
    }

    private static ObjectNode contosoRenamed(String name) {
        return (ObjectNode) Json.mapper().valueToTree(renamed(name));
    }

    private static ObjectNode fabrikamRenamed(String name) {
        Customer c = Contoso.FABRIKAM;
        return (ObjectNode) Json.mapper().valueToTree(
                new Customer(c.tpid(), name, c.segment(), c.region(), c.vertical(), c.area(), c.phase(), c.renewalDates()));
    }

    private static String row(String kind, String id, long tpid, long revision, JsonNode body) {
        return "{\"kind\":\"" + kind + "\",\"id\":\"" + id + "\",\"tpid\":" + tpid + ",\"revision\":" + revision
                + ",\"body\":" + (body == null ? "null" : EntityCodec.canonical(body).toString()) + "}";
    }

    private static String page(long since, long next, boolean more, List<String> rows) {
        return "{\"since\":" + since + ",\"next\":" + next + ",\"more\":" + more + ",\"serverRevision\":" + (more ? next + 5 : next)
                + ",\"changes\":[" + String.join(",", rows) + "],\"droppedCustomers\":[],\"serverId\":\"" + SERVER_ID + "\"}";
    }

}
