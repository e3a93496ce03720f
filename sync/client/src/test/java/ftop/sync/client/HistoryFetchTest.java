package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.change.FieldChange;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.UsageTrend;
import ftop.core.health.Workload;
import ftop.core.store.CustomerHistory;
import ftop.core.store.LocalStore;
import ftop.core.usage.WorkloadUsage;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.ProtocolJson;
import ftop.sync.server.DatasetLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
 * A customer's history fetched from a real server on loopback (loaded with the demo and a year of
 * usage history) into a real workspace: whole the first time, only what is new later, nothing of
 * an answer that cannot be used.
 */
class HistoryFetchTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private LoopbackServer server;
    private ForwardingProxy proxy;
    private LocalStore store;
    private SyncClient megan;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), DatasetGenerator.demo(TODAY), DemoUsers.DEMO_PASSWORD,
                new MutableClock(Instant.now()), DatasetLoader.DEMO_HISTORY_MONTHS);
        proxy = new ForwardingProxy(server.url());
        store = LocalStore.open(dir.resolve("megan"));
        megan = new SyncClient(proxy.url(), store, ServerApi.defaultHttpClient(), SyncClient.DEFAULT_PAGE_SIZE,
                Clock.systemUTC());
        megan.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
        megan.sync(p -> { });
    }

    @AfterEach
    void stop() {
        store.close();
        proxy.close();
        server.close();
    }

    @Test
    void theFirstFetchBringsAYearOfUsageAndALaterOneOnlyWhatIsNew() throws Exception {
        long tpid = redCustomer();
        assertThat(megan.fetchHistory(tpid)).isPositive();

        CustomerHistory history = store.history(tpid);
        assertThat(history.fetchedAt()).isPresent();
        assertThat(history.lastRevision()).isEqualTo(history.entries().get(history.entries().size() - 1).revision());
        assertThat(history.entries()).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo("usage");
            assertThat(e.userId()).isEqualTo(DatasetLoader.USAGE_FEED);
        });
        List<WorkloadUsage> usage = store.usage().byTpid(tpid);
        UsageTrend trend = UsageTrend.of(history.entries(), usage, HealthRules.defaults(), YearMonth.now(ZoneOffset.UTC),
                ZoneOffset.UTC, UsageTrend.DEFAULT_MONTHS);
        assertThat(trend.points()).hasSize(UsageTrend.DEFAULT_MONTHS);
        // the history ends where today's figures are: the month before lies on the way to them
        UsageTrend.Point now = trend.points().get(trend.points().size() - 1);
        assertThat(now.overall()).isEqualTo(HealthAssessment.of(usage, HealthRules.defaults()).overall());
        assertThat(now.overall()).contains(HealthColour.RED);
        assertThat(trend.points().get(trend.points().size() - 5).overallPercent().getAsInt())
                .as("a Red customer was healthier before its dip").isGreaterThan(now.overallPercent().getAsInt());

        // nothing new: the second fetch asks from where the first stopped and keeps what it had
        int requests = proxy.requests().size();
        assertThat(megan.fetchHistory(tpid)).isZero();
        assertThat(proxy.requests().subList(requests, proxy.requests().size()))
                .containsExactly("GET /api/v1/customers/" + tpid + "/history?since=" + history.lastRevision() + "&limit=1000");
        assertThat(store.history(tpid).entries()).isEqualTo(history.entries());

        // a usage-feed import is history too: the next fetch brings just its change
        importUsage(tpid + ",EXCHANGE,1,1000," + TODAY + "\n");
        assertThat(megan.fetchHistory(tpid)).isPositive();
        List<FieldChange> after = store.history(tpid).entries();
        List<FieldChange> fresh = after.subList(history.entries().size(), after.size());
        assertThat(fresh).isNotEmpty().allSatisfy(e -> {
            assertThat(e.revision()).isGreaterThan(history.lastRevision());
            assertThat(e.userId()).isEqualTo(DemoUsers.LEE_GU);
            assertThat(e.entityId()).isEqualTo(tpid + ":" + Workload.EXCHANGE.name());
        });
        assertThat(fresh).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("active");
            assertThat(e.to().asLong()).isEqualTo(1);
        });
    }

    @Test
    void aCutOffOrNonsensicalAnswerKeepsNothingAndTheNextFetchWorks() throws Exception {
        long tpid = redCustomer();
        proxy.tamperOnce("/history", (exchange, status, body) -> {
            FakeHttpServer.respondCutOff(exchange, new String(body, StandardCharsets.UTF_8), body.length / 2);
            return true;
        });
        assertThatThrownBy(() -> megan.fetchHistory(tpid)).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.failure()).isEqualTo(SyncFailure.BAD_ANSWER));
        assertThat(store.history(tpid).entries()).isEmpty();
        assertThat(store.history(tpid).fetchedAt()).isEmpty();

        // entries that go back in revision: the page is refused whole
        proxy.tamperOnce("/history", (exchange, status, body) -> {
            var entries = ProtocolJson.mapper().readTree(body);
            var reversed = ProtocolJson.mapper().createArrayNode();
            for (int i = entries.size() - 1; i >= 0; i--) {
                reversed.add(entries.get(i));
            }
            FakeHttpServer.respond(exchange, 200, "application/json", reversed.toString());
            return true;
        });
        assertThatThrownBy(() -> megan.fetchHistory(tpid)).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(SyncFailure.BAD_ANSWER);
            assertThat(e.getMessage()).contains("Nothing was changed locally");
        });
        assertThat(store.history(tpid).entries()).isEmpty();

        // a customer the server does not know is the server's answer, not a bad one
        assertThatThrownBy(() -> megan.fetchHistory(999_999_999L)).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.httpStatus()).hasValue(404));

        assertThat(megan.fetchHistory(tpid)).isPositive();
        assertThat(store.history(tpid).entries()).isNotEmpty();
    }

    /** A customer of Megan's that is Red today. */
    private long redCustomer() {
        Map<Long, List<WorkloadUsage>> usage = store.usage().all().stream()
                .collect(Collectors.groupingBy(WorkloadUsage::tpid));
        return usage.entrySet().stream()
                .filter(e -> HealthAssessment.of(e.getValue(), HealthRules.defaults()).overall()
                        .filter(c -> c == HealthColour.RED).isPresent())
                .map(Map.Entry::getKey).sorted().findFirst()
                .orElseThrow(() -> new AssertionError("The demo has no Red customer"));
    }

    private void importUsage(String lines) throws Exception {
        OkHttpClient http = new OkHttpClient();
        LoginResponse lee = new ServerApi(server.url(), http).login(DemoUsers.LEE_GU, DemoUsers.DEMO_PASSWORD);
        Request request = new Request.Builder().url(server.url().resolve("api/v1/feeds/usage"))
                .header("Authorization", "Bearer " + lee.token())
                .post(RequestBody.create("tpid,workload,active,entitled,asOf\n" + lines, MediaType.get("text/csv")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).as(response.body().string()).isEqualTo(200);
        }
    }
}
