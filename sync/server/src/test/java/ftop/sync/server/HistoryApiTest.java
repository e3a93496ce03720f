package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.HistoryEntry;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.Outcome;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class HistoryApiTest extends ServerTestBase {

    private static final String CONTOSO = Long.toString(Contoso.TPID);

    private List<HistoryEntry> history(ftop.core.user.User user, String query) throws Exception {
        Answer answer = get("/customers/" + CONTOSO + "/history" + query, token(user));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Arrays.asList(answer.as(HistoryEntry[].class));
    }

    @Test
    void historyTellsWhoChangedWhatWhenFromWhatToWhat() throws Exception {
        assertThat(history(World.FM, "")).isEmpty();
        long base = revisionOf(World.FM, EntityKind.HEALTH, CONTOSO);
        MutationResult first = pushOne(World.FM, Mutation.upsert(EntityKind.HEALTH, CONTOSO, base,
                Map.of("progress.expectedHealth", TextNode.valueOf("GREEN"))));
        MutationResult second = pushOne(World.US_LEAD, Mutation.upsert(EntityKind.HEALTH, CONTOSO, first.revision(),
                Map.of("progress.expectedHealth", TextNode.valueOf("RED"))));
        assertThat(second.outcome()).isEqualTo(Outcome.APPLIED);

        List<HistoryEntry> entries = history(World.FM, "");
        assertThat(entries).hasSize(2);
        HistoryEntry a = entries.get(0);
        assertThat(a.revision()).isEqualTo(first.revision());
        assertThat(a.userId()).isEqualTo(World.FM.userId());
        assertThat(a.kind()).isEqualTo("health");
        assertThat(a.entityId()).isEqualTo(CONTOSO);
        assertThat(a.field()).isEqualTo("progress.expectedHealth");
        assertThat(a.from().asText()).isEqualTo("YELLOW");
        assertThat(a.to().asText()).isEqualTo("GREEN");
        assertThat(a.at()).isNotNull();
        assertThat(entries.get(1).userId()).isEqualTo(World.US_LEAD.userId());
        assertThat(entries.get(1).from().asText()).isEqualTo("GREEN");
        assertThat(entries.get(1).to().asText()).isEqualTo("RED");

        assertThat(history(World.FM, "?since=" + first.revision())).hasSize(1);
        assertThat(history(World.FM, "?limit=1")).hasSize(1);
    }

    @Test
    void aPageNeverEndsInsideARevision() throws Exception {
        long base = revisionOf(World.FM, EntityKind.HEALTH, CONTOSO);
        MutationResult both = pushOne(World.FM, Mutation.upsert(EntityKind.HEALTH, CONTOSO, base,
                Map.of("progress.expectedHealth", TextNode.valueOf("GREEN"), "progress.status", TextNode.valueOf("BLOCKED_TECHNICAL"))));
        MutationResult third = pushOne(World.FM, Mutation.upsert(EntityKind.HEALTH, CONTOSO, both.revision(),
                Map.of("progress.expectedHealth", TextNode.valueOf("BLUE"))));
        assertThat(third.outcome()).isEqualTo(Outcome.APPLIED);

        // limit 1 still brings both fields of the first change; the next page starts after it
        assertThat(history(World.FM, "?limit=1")).extracting(HistoryEntry::revision)
                .containsExactly(both.revision(), both.revision());
        assertThat(history(World.FM, "?limit=1&since=" + both.revision())).extracting(HistoryEntry::revision)
                .containsExactly(third.revision());
    }

    @Test
    void aDeletionIsOneEntryForTheWholeRow() throws Exception {
        String note = Contoso.note().id().toString();
        MutationResult deleted = pushOne(World.FM, Mutation.delete(EntityKind.STATUS_NOTE, note,
                revisionOf(World.FM, EntityKind.STATUS_NOTE, note)));
        assertThat(deleted.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(history(World.US_LEAD, "")).singleElement().satisfies(e -> {
            assertThat(e.field()).isEmpty();
            assertThat(e.from().path("risks").asText()).isEqualTo("Network upgrade late.");
            assertThat(e.to().isNull()).isTrue();
        });
    }

    @Test
    void partnersSeeTheHistoryOfTheirTenantsOnly() throws Exception {
        pushOne(World.ASSIGNMENT_TEAM, Mutation.upsert(EntityKind.TENANT, Contoso.SECOND_TENANT_ID.toString(), loadedRevision,
                Map.of("userCount", LongNode.valueOf(1500))));
        pushOne(World.ASSIGNMENT_TEAM, Mutation.upsert(EntityKind.TENANT, Contoso.WINNER_TENANT_ID.toString(), loadedRevision,
                Map.of("userCount", LongNode.valueOf(90000))));
        assertThat(history(World.FM, "")).hasSize(2);
        assertThat(history(World.PARTNER, "")).singleElement()
                .satisfies(e -> assertThat(e.entityId()).isEqualTo(Contoso.SECOND_TENANT_ID.toString()));
    }

    @Test
    void outsidersAreForbiddenAndUnknownOrMalformedTpidsExplained() throws Exception {
        Answer forbidden = get("/customers/" + CONTOSO + "/history", token(World.OTHER_FM));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.error().message()).contains("not assigned to Contoso");
        Answer unknown = get("/customers/424242/history", token(World.ADMIN));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().message()).contains("424242");
        Answer malformed = get("/customers/contoso/history", token(World.ADMIN));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error().field()).isEqualTo("tpid");
        assertThat(get("/customers/" + CONTOSO + "/history?limit=0", token(World.ADMIN)).status()).isEqualTo(400);
    }
}
