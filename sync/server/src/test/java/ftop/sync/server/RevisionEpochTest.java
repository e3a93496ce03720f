package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.Outcome;
import ftop.sync.protocol.RowChange;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Epochs of the revision history: a cursor sent back with its epoch is answered 409 resync when
 * the server's revision at that cursor now stands for another change, here after a crash that
 * lost the newest commits (made by hand) and new edits that took the same numbers again.
 */
@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class RevisionEpochTest extends ServerTestBase {

    @Test
    void aPageCarriesTheEpochOfItsNextCursorOnlyForAClientThatAsks() throws Exception {
        Answer asked = get("/changes?since=0&limit=5&epoch=", token(World.ADMIN));
        assertThat(asked.status()).isEqualTo(200);
        ChangesPage page = asked.as(ChangesPage.class);
        assertThat(page.nextEpoch()).isNotBlank();

        Answer old = get("/changes?since=0&limit=5", token(World.ADMIN));
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().has("nextEpoch")).as("a client without epochs never meets the field").isFalse();

        Answer next = get("/changes?since=" + page.next() + "&limit=5&epoch=" + page.nextEpoch(), token(World.ADMIN));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.as(ChangesPage.class).nextEpoch()).as("the same opening: the same epoch").isEqualTo(page.nextEpoch());
    }

    @Test
    void aRevisionGivenOutAgainAfterLostCommitsMakesTheClientResync() throws Exception {
        String admin = token(World.ADMIN);
        MutationResult kept = pushOne(World.FM, note());
        ChangesPage atKept = latestPage(admin);
        pushOne(World.FM, note());
        pushOne(World.FM, note());
        ChangesPage atLast = latestPage(admin);
        assertThat(atLast.next()).isEqualTo(kept.revision() + 2);

        // The two newest commits are lost, as a server that answered before writing lost them.
        loseRevisionsAfter(kept.revision());
        restart();
        List<Mutation> later = List.of(note(), note(), note());
        for (Mutation m : later) {
            assertThat(pushOne(World.FM, m).outcome()).isEqualTo(Outcome.APPLIED);
        }

        // A client at the last revision it was given, with that revision's epoch: sync afresh.
        Answer ahead = get("/changes?since=" + atLast.next() + "&epoch=" + atLast.nextEpoch(), admin);
        assertThat(ahead.status()).as(ahead.body()).isEqualTo(409);
        assertThat(ahead.error().error()).isEqualTo("resync");
        assertThat(ahead.error().field()).isEqualTo("epoch");
        // Without its epoch the same cursor silently skips two of the three new notes: what epochs prevent.
        List<RowChange> skipping = get("/changes?since=" + atLast.next(), admin).as(ChangesPage.class).changes();
        assertThat(skipping).hasSize(1);
        // A client whose cursor is before the lost commits goes on as usual and sees every new note.
        Answer before = get("/changes?since=" + atKept.next() + "&epoch=" + atKept.nextEpoch(), admin);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.as(ChangesPage.class).changes()).extracting(RowChange::id)
                .containsExactlyElementsOf(later.stream().map(Mutation::entityId).toList());
    }

    private ChangesPage latestPage(String token) throws Exception {
        long latest = server.database().read(RowStore::currentRevision);
        Answer answer = get("/changes?since=" + latest + "&epoch=", token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.as(ChangesPage.class);
    }

    private void loseRevisionsAfter(long revision) throws Exception {
        server.database().inRevisionTransaction(c -> {
            for (String sql : List.of("DELETE FROM sync_row WHERE revision > ?", "DELETE FROM field_change WHERE revision > ?",
                    "UPDATE revision_counter SET revision = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, revision);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static Mutation note() {
        UUID id = UUID.randomUUID();
        Map<String, JsonNode> fields = new HashMap<>();
        fields.put("id", TextNode.valueOf(id.toString()));
        fields.put("tpid", LongNode.valueOf(Contoso.TPID));
        fields.put("tenantId", TextNode.valueOf(Contoso.WINNER_TENANT_ID.toString()));
        fields.put("executiveSummary", TextNode.valueOf("A note"));
        fields.put("author", TextNode.valueOf(World.FM.userId()));
        fields.put("createdAt", TextNode.valueOf("2021-05-03T09:30:00Z"));
        return Mutation.upsert(EntityKind.STATUS_NOTE, id.toString(), 0, fields);
    }
}
