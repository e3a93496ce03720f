package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.change.EntityKind;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.HistoryEntry;
import ftop.sync.protocol.ImportReport;
import ftop.sync.protocol.RowChange;
import java.util.Arrays;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class FeedsApiTest extends ServerTestBase {

    private static final MediaType CSV = MediaType.get("text/csv");
    private static final String NEW_TENANT = "11111111-2222-3333-4444-555555555555";

    private Answer send(String path, ftop.core.user.User user, String body, MediaType type) throws Exception {
        return call(new Request.Builder().url(url(path)).header("Authorization", "Bearer " + token(user))
                .post(RequestBody.create(body, type)).build());
    }

    private ImportReport report(String path, ftop.core.user.User user, String body, MediaType type) throws Exception {
        Answer answer = send(path, user, body, type);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.as(ImportReport.class);
    }

    private RowChange row(ftop.core.user.User user, EntityKind kind, String id) throws Exception {
        return changes(pullAll(user, 0, 5000)).stream()
                .filter(c -> c.kind().equals(kind.wireName()) && c.id().equals(id))
                .reduce((a, b) -> b).orElse(null);
    }

    private static final String COMMERCE = """
            tenantId,name,tpid,userCount
            %s,contosonew.onmicrosoft.com,1001,1200
            %s,"contosolabs.onmicrosoft.com",1001,2500
            99999999-0000-0000-0000-000000000001,ghost.onmicrosoft.com,777777,10
            not-a-guid,broken.onmicrosoft.com,1001,10
            %s,fabrikam.com,2002,abc
            """.formatted(NEW_TENANT, Contoso.SECOND_TENANT_ID, Contoso.FABRIKAM_TENANT_ID);

    @Test
    void commerceFeedCreatesAttachesUpdatesAndRejectsLinesByNumber() throws Exception {
        long before = page(World.FM, 0, 5000).serverRevision();
        ImportReport report = report("/feeds/commerce", World.ASSIGNMENT_TEAM, COMMERCE, CSV);
        assertThat(report.feed()).isEqualTo("commerce");
        assertThat(report.lines()).isEqualTo(5);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.skipped()).isZero();
        assertThat(report.rejected()).extracting(ImportReport.RejectedLine::line).containsExactly(4, 5, 6);
        assertThat(report.rejected().get(0).reason()).contains("no customer with TPID 777777");
        assertThat(report.rejected().get(0).field()).isEqualTo("tpid");
        assertThat(report.rejected().get(1).field()).isEqualTo("tenantId");
        assertThat(report.rejected().get(2).reason()).contains("userCount must be a whole number");

        // The new tenant attached to Contoso: its health FM pulls it, with the feed's origin.
        RowChange created = row(World.FM, EntityKind.TENANT, NEW_TENANT);
        assertThat(created).isNotNull();
        assertThat(created.tpid()).isEqualTo(Contoso.TPID);
        assertThat(created.body().path("origin").asText()).isEqualTo("COMMERCE_FEED");
        assertThat(created.body().path("userCount").asLong()).isEqualTo(1200);
        RowChange updated = row(World.FM, EntityKind.TENANT, Contoso.SECOND_TENANT_ID.toString());
        assertThat(updated.body().path("userCount").asLong()).isEqualTo(2500);
        assertThat(updated.revision()).isGreaterThan(loadedRevision);
        assertThat(report.serverRevision()).isEqualTo(serverRevision());

        // An incremental pull from before the import brings exactly the two imported tenants.
        assertThat(keys(changes(pullAll(World.FM, before, 500))))
                .containsExactlyInAnyOrder("tenant:" + NEW_TENANT, "tenant:" + Contoso.SECOND_TENANT_ID);

        // The history says who brought what in.
        Answer history = get("/customers/" + Contoso.TPID + "/history", token(World.FM));
        List<HistoryEntry> entries = Arrays.asList(history.as(HistoryEntry[].class));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.entityId()).isEqualTo(Contoso.SECOND_TENANT_ID.toString());
            assertThat(e.field()).isEqualTo("userCount");
            assertThat(e.userId()).isEqualTo(World.ASSIGNMENT_TEAM.userId());
            assertThat(e.to().asLong()).isEqualTo(2500);
        });
    }

    @Test
    void reimportingTheSameFeedChangesNothing() throws Exception {
        report("/feeds/commerce", World.ASSIGNMENT_TEAM, COMMERCE, CSV);
        long revision = serverRevision();
        ImportReport again = report("/feeds/commerce", World.ASSIGNMENT_TEAM, COMMERCE, CSV);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(again.rejected()).hasSize(3);
        assertThat(serverRevision()).isEqualTo(revision);
    }

    @Test
    void commerceFeedAcceptsJsonAndNumbersItsItems() throws Exception {
        String body = """
                [{"tenantId":"%s","name":"contosonew.onmicrosoft.com","tpid":1001,"userCount":60000},
                 {"tenantId":"%s","name":"x.onmicrosoft.com","tpid":1001,"colour":"red"},
                 {"tenantId":"%s","name":"bad name!","tpid":1001}]
                """.formatted(NEW_TENANT, Contoso.SECOND_TENANT_ID, Contoso.FABRIKAM_TENANT_ID);
        ImportReport report = report("/feeds/commerce", World.ADMIN, body, JSON);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).extracting(ImportReport.RejectedLine::line).containsExactly(2, 3);
        assertThat(report.rejected().get(0).reason()).contains("Unknown field \"colour\"");
        // A tenant never moves between customers: Fabrikam's tenant named under Contoso is refused by the core rules.
        assertThat(report.rejected().get(1).field()).isIn("name", "tpid");
        assertThat(row(World.ADMIN, EntityKind.TENANT, Contoso.FABRIKAM_TENANT_ID.toString()).tpid())
                .isEqualTo(Contoso.FABRIKAM_TPID);
    }

    @Test
    void usageFeedWritesActiveAndEntitledPerWorkloadIdempotently() throws Exception {
        String csv = """
                tpid,workload,active,entitled,asOf
                1001,EXCHANGE,800,1000,2021-04-30
                1001,Intune,10,1000,2021-04-30
                1001,TEAMS,1,2,2021-04-30
                1001,ODSP,5,10,2021-13-01
                2002,AADP,-1,10,2021-04-30
                """;
        ImportReport report = report("/feeds/usage", World.ASSIGNMENT_TEAM, csv, CSV);
        assertThat(report.created() + report.updated()).isEqualTo(2);
        assertThat(report.rejected()).extracting(ImportReport.RejectedLine::line).containsExactly(4, 5, 6);
        assertThat(report.rejected()).extracting(ImportReport.RejectedLine::field).containsExactly("workload", "asOf", "active");
        RowChange exchange = row(World.FM, EntityKind.USAGE, "1001:EXCHANGE");
        assertThat(exchange.body().path("active").asLong()).isEqualTo(800);
        assertThat(exchange.body().path("entitled").asLong()).isEqualTo(1000);
        assertThat(row(World.FM, EntityKind.USAGE, "1001:INTUNE")).isNotNull();

        long revision = serverRevision();
        ImportReport again = report("/feeds/usage", World.ASSIGNMENT_TEAM, csv, CSV);
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(again.created() + again.updated()).isZero();
        assertThat(serverRevision()).isEqualTo(revision);

        ImportReport changed = report("/feeds/usage", World.ASSIGNMENT_TEAM,
                "tpid,workload,active,entitled,asOf\n1001,exchange,900,1000,2021-05-01\n", CSV);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(row(World.FM, EntityKind.USAGE, "1001:EXCHANGE").body().path("active").asLong()).isEqualTo(900);

        // Each import is usage history, which the workload trend is drawn from: who, when, from what to what.
        Answer history = get("/customers/1001/history", token(World.FM));
        List<HistoryEntry> exchangeHistory = Arrays.stream(history.as(HistoryEntry[].class))
                .filter(e -> e.entityId().equals("1001:EXCHANGE")).toList();
        assertThat(exchangeHistory).filteredOn(e -> e.field().equals("active"))
                .extracting(e -> e.from().isNull() ? null : e.from().asLong(), e -> e.to().asLong())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 800L), org.assertj.core.groups.Tuple.tuple(800L, 900L));
        assertThat(exchangeHistory).filteredOn(e -> e.field().equals("asOf"))
                .extracting(e -> e.to().asText()).containsExactly("2021-04-30", "2021-05-01");
        assertThat(exchangeHistory).allSatisfy(e -> assertThat(e.userId()).isEqualTo(World.ASSIGNMENT_TEAM.userId()));
    }

    @Test
    void aTenantExceptionAddsOneTenantByHand() throws Exception {
        String body = "{\"tenantId\":\"" + NEW_TENANT + "\",\"name\":\"contosoexempt.onmicrosoft.com\",\"tpid\":1001}";
        ImportReport report = report("/tenants/exceptions", World.ASSIGNMENT_TEAM, body, JSON);
        assertThat(report.feed()).isEqualTo("tenant-exception");
        assertThat(report.created()).isEqualTo(1);
        assertThat(row(World.FM, EntityKind.TENANT, NEW_TENANT).body().path("origin").asText()).isEqualTo("TENANT_EXCEPTION");

        ImportReport again = report("/tenants/exceptions", World.ASSIGNMENT_TEAM, body, JSON);
        assertThat(again.skipped()).isEqualTo(1);
        assertThat(again.created()).isZero();

        // An existing tenant is not overwritten by hand.
        ImportReport existing = report("/tenants/exceptions", World.ASSIGNMENT_TEAM, "{\"tenantId\":\""
                + Contoso.SECOND_TENANT_ID + "\",\"name\":\"renamed.onmicrosoft.com\",\"tpid\":1001}", JSON);
        assertThat(existing.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("already in FTOP"));
        assertThat(row(World.FM, EntityKind.TENANT, Contoso.SECOND_TENANT_ID.toString()).body().path("name").asText())
                .isEqualTo("contosolabs.onmicrosoft.com");
    }

    @Test
    void onlyTheAssignmentTeamLeadsAndAdministratorsImport() throws Exception {
        long revision = serverRevision();
        for (String path : List.of("/feeds/commerce", "/feeds/usage", "/tenants/exceptions")) {
            Answer answer = send(path, World.FM, COMMERCE, CSV);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.error().error()).isEqualTo("forbidden");
            assertThat(send(path, World.PARTNER, COMMERCE, CSV).status()).isEqualTo(403);
        }
        assertThat(serverRevision()).isEqualTo(revision);
        assertThat(row(World.ADMIN, EntityKind.TENANT, NEW_TENANT)).isNull();

        // A lead imports for their own region only: Fabrikam (United Kingdom) is not the US lead's.
        ImportReport lead = report("/feeds/usage", World.US_LEAD, """
                tpid,workload,active,entitled,asOf
                1001,EXCHANGE,800,1000,2021-04-30
                2002,EXCHANGE,800,1000,2021-04-30
                """, CSV);
        assertThat(lead.created()).isEqualTo(1);
        assertThat(lead.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).startsWith("Forbidden");
        });
        Answer anonymous = call(new Request.Builder().url(url("/feeds/commerce"))
                .post(RequestBody.create(COMMERCE, CSV)).build());
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void unreadableFeedsAreRefusedWholeAndChangeNothing() throws Exception {
        long revision = serverRevision();
        Answer column = send("/feeds/commerce", World.ADMIN, "tenantId,name,tpid,colour\n" + NEW_TENANT + ",a.com,1001,red\n", CSV);
        assertThat(column.status()).isEqualTo(400);
        assertThat(column.error().message()).contains("unknown column \"colour\"");
        Answer type = send("/feeds/commerce", World.ADMIN, "hello", MediaType.get("text/plain"));
        assertThat(type.status()).isEqualTo(415);
        assertThat(type.error().message()).contains("text/csv");
        Answer json = send("/feeds/usage", World.ADMIN, "[{\"tpid\": 1001,", JSON);
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.error().message()).contains("not valid JSON");
        Answer quote = send("/feeds/commerce", World.ADMIN, "tenantId,name,tpid\n\"" + NEW_TENANT + ",a.com,1001\n", CSV);
        assertThat(quote.status()).isEqualTo(400);
        assertThat(quote.error().message()).contains("Line 2");
        assertThat(serverRevision()).isEqualTo(revision);
    }

    @Test
    void aCsvFeedWithoutARequiredColumnIsRefusedNamingIt() throws Exception {
        long revision = serverRevision();
        Answer usage = send("/feeds/usage", World.ADMIN, "tpid,workload,active,asOf\n1001,EXCHANGE,800,2021-04-30\n", CSV);
        assertThat(usage.status()).isEqualTo(400);
        assertThat(usage.error().error()).isEqualTo("bad_request");
        assertThat(usage.error().message()).isEqualTo("Line 1: the header lacks the required column \"entitled\"; "
                + "the columns are tpid,workload,active,entitled,asOf");
        assertThat(usage.error().field()).isEqualTo("entitled");

        Answer commerce = send("/feeds/commerce", World.ADMIN, "userCount,tpid\n10,1001\n", CSV);
        assertThat(commerce.status()).isEqualTo(400);
        assertThat(commerce.error().message()).contains("required columns \"tenantId\", \"name\"");
        assertThat(commerce.error().field()).isEqualTo("tenantId");

        // userCount may be left out: a new tenant starts with no users.
        ImportReport withoutCount = report("/tenants/exceptions", World.ADMIN,
                "name,tpid,tenantId\ncontosoexempt.onmicrosoft.com,1001," + NEW_TENANT + "\n", CSV);
        assertThat(withoutCount.created()).isEqualTo(1);
        assertThat(serverRevision()).isEqualTo(revision + 1);
    }

    @Test
    void csvFeedsReadSpreadsheetFilesAndNumberLinesAsTheFileDoes() throws Exception {
        // A byte order mark, CRLF, columns in another order, a quoted name over two lines (rejected by the
        // name rules, on the line it starts), a line with text after a closing quote, then a good line.
        String csv = "\uFEFFtpid,name,tenantId,userCount\r\n"
                + "1001,\"contoso\r\nnew.onmicrosoft.com\",99999999-0000-0000-0000-000000000002,10\r\n"
                + "1001,\"contosolabs.onmicrosoft.com\"x," + Contoso.SECOND_TENANT_ID + ",2500\r\n"
                + "1001, \"contosonew.onmicrosoft.com\" ," + NEW_TENANT + ",1200\r\n";
        ImportReport report = report("/feeds/commerce", World.ASSIGNMENT_TEAM, csv, CSV);
        assertThat(report.lines()).isEqualTo(3);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).extracting(ImportReport.RejectedLine::line).containsExactly(2, 4);
        assertThat(report.rejected().get(1).reason()).startsWith("The line cannot be read: text after a closing quote");
        assertThat(row(World.FM, EntityKind.TENANT, NEW_TENANT).body().path("name").asText())
                .isEqualTo("contosonew.onmicrosoft.com");
    }
}
