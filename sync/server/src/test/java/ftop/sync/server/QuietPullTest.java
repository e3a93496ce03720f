package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.Outcome;
import ftop.sync.protocol.RowChange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pulls that find nothing new are answered from memory ({@link RecentCommits}), and no pull ever
 * misses a row for it: through the same instance and, on PostgreSQL, with the change committed
 * through another instance on the same database.
 */
@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class QuietPullTest extends ServerTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private FtopServer other;

    @AfterEach
    void stopOther() {
        if (other != null) {
            other.stop();
        }
    }

    private ChangesPage pullOn(FtopServer on, long since, String epoch) throws IOException {
        Request request = new Request.Builder().url(on.baseUri() + FtopServer.API + "/changes?since=" + since
                        + (epoch == null ? "" : "&epoch=" + epoch))
                .header("Authorization", "Bearer " + token(World.FM)).get().build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            assertThat(response.code()).as(body).isEqualTo(200);
            return MAPPER.readValue(body, ChangesPage.class);
        }
    }

    private MutationResult retitleMicrosoftContact(String title) throws IOException {
        MutationResult result = pushOne(World.US_LEAD, Mutation.upsert(EntityKind.CONTACT,
                Contoso.MICROSOFT_CONTACT_ID.toString(), 0, Map.of("title", TextNode.valueOf(title))));
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.APPLIED);
        return result;
    }

    @Test
    void aQuietPullIsAnsweredFromMemoryAndTheNextChangeIsNotMissed() throws Exception {
        ChangesPage all = pullAll(World.FM, 0, 5000).get(0);
        long since = all.next();
        ChangesPage first = pullOn(server, since, all.nextEpoch());
        assertThat(first.changes()).isEmpty();
        long before = server.recentCommits().answered();
        ChangesPage quiet = pullOn(server, since, first.nextEpoch());
        assertThat(quiet.changes()).isEmpty();
        assertThat(quiet.next()).isEqualTo(since);
        assertThat(quiet.nextEpoch()).isEqualTo(first.nextEpoch());
        assertThat(server.recentCommits().answered()).as("answered from memory").isEqualTo(before + 1);

        // A change elsewhere lets the FM's pull stay quiet, and moves its cursor past it.
        var elsewhere = pushOne(World.ADMIN, Mutation.upsert(EntityKind.CONTACT, Contoso.FABRIKAM_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("CIO"))));
        assertThat(elsewhere.outcome()).as(elsewhere.message()).isEqualTo(Outcome.APPLIED);
        ChangesPage past = pullOn(server, since, quiet.nextEpoch());
        assertThat(past.changes()).isEmpty();
        assertThat(past.next()).isEqualTo(elsewhere.revision());
        assertThat(server.recentCommits().answered()).isEqualTo(before + 2);

        MutationResult mine = retitleMicrosoftContact("GTP");
        long withRows = server.recentCommits().answeredWithRows();
        ChangesPage changed = pullOn(server, past.next(), past.nextEpoch());
        assertThat(keys(changed.changes())).containsExactly("contact:" + Contoso.MICROSOFT_CONTACT_ID);
        assertThat(changed.changes().get(0).body().path("title").asText()).isEqualTo("GTP");
        assertThat(changed.changes().get(0).changedBy()).isEqualTo(World.US_LEAD.userId());
        assertThat(changed.next()).isEqualTo(mine.revision());
        assertThat(changed.nextEpoch()).isEqualTo(past.nextEpoch());
        assertThat(server.recentCommits().answered()).as("not a quiet page").isEqualTo(before + 2);
        assertThat(server.recentCommits().answeredWithRows()).as("the change came from memory").isEqualTo(withRows + 1);
    }

    /**
     * Every page answered from this instance's memory is the page the database gives for the same
     * cursor: the same rows at the same revisions with the same bodies, authors and times, ending at
     * the same revision. Checked from every cursor along a history of edits by several people to
     * rows the FM sees and rows they do not, edits of one row twice, and a row deleted.
     */
    @Test
    void aPageFromMemoryIsThePageTheDatabaseGives() throws Exception {
        ChangesPage all = pullAll(World.FM, 0, 5000).get(0);
        long start = all.next();
        pullOn(server, start, all.nextEpoch());
        List<Long> cursors = new ArrayList<>(List.of(start));
        cursors.add(retitleMicrosoftContact("GTP 1").revision());
        var elsewhere = pushOne(World.ADMIN, Mutation.upsert(EntityKind.CONTACT, Contoso.FABRIKAM_CONTACT_ID.toString(), 0,
                Map.of("title", TextNode.valueOf("CIO"))));
        cursors.add(elsewhere.revision());
        cursors.add(retitleMicrosoftContact("GTP 2").revision());
        var gone = pushOne(World.US_LEAD, Mutation.delete(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString(),
                cursors.get(cursors.size() - 1)));
        assertThat(gone.outcome()).as(gone.message()).isEqualTo(Outcome.APPLIED);
        cursors.add(gone.revision());

        long fromMemory = server.recentCommits().answeredWithRows();
        Database db = server.database();
        for (long since : cursors) {
            ChangesPage memory = pullOn(server, since, null);
            ChangesPage database = db.read(c -> ChangesApi.pull(c, db.serverId(), db.latestRevision(c),
                    World.FM.userId(), since, ChangesApi.DEFAULT_LIMIT, ChangesApi.Plan.CHOOSE));
            assertThat(MAPPER.writeValueAsString(memory)).as("from revision " + since)
                    .isEqualTo(MAPPER.writeValueAsString(database));
        }
        assertThat(server.recentCommits().answeredWithRows()).as("pages with rows answered from memory")
                .isEqualTo(fromMemory + 4);
    }

    @Test
    void aChangeCommittedThroughAnotherInstanceIsNeverMissed() throws Exception {
        assumeThat(backend).as("two instances share a PostgreSQL database").isEqualTo(Backend.POSTGRES);
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), World.PASSWORD_ITERATIONS);
        other = new FtopServer(ServerConfig.of(0, "127.0.0.1", jdbcUrl), db, clock).start();
        ChangesPage all = pullAll(World.FM, 0, 5000).get(0);
        long cursor = all.next();
        String epoch = all.nextEpoch();
        // Two quiet pulls on the other instance: the second is answered from its memory.
        pullOn(other, cursor, epoch);
        long before = other.recentCommits().answered();
        assertThat(pullOn(other, cursor, epoch).changes()).isEmpty();
        assertThat(other.recentCommits().answered()).isEqualTo(before + 1);

        // Changes through the first instance; the FM pulls on the other one at once and on, as a
        // desktop does, until its cursor passes the last: every change arrives, none is skipped.
        List<Long> revisions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            revisions.add(retitleMicrosoftContact("GTP " + i).revision());
        }
        long last = revisions.get(revisions.size() - 1);
        List<RowChange> received = new ArrayList<>();
        long[] at = {cursor};
        String[] atEpoch = {epoch};
        await("the FM's cursor passes the last change").atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> {
            ChangesPage page = pullOn(other, at[0], atEpoch[0]);
            assertThat(page.next()).isGreaterThanOrEqualTo(at[0]);
            received.addAll(page.changes());
            at[0] = page.next();
            atEpoch[0] = page.nextEpoch();
            return at[0] >= last;
        });
        assertThat(received).extracting(RowChange::revision).contains(last);
        assertThat(received).filteredOn(c -> c.revision() == last).singleElement()
                .satisfies(c -> assertThat(c.body().path("title").asText()).isEqualTo("GTP 4"));
        // Quiet again: answered from memory once the other instance has heard of every commit.
        await("quiet pulls answered from memory").atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> {
            long answered = other.recentCommits().answered();
            ChangesPage page = pullOn(other, at[0], atEpoch[0]);
            assertThat(page.changes()).isEmpty();
            return other.recentCommits().answered() == answered + 1;
        });
    }
}
