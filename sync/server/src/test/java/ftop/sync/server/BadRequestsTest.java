package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.ApiError;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Requests an attacker or a broken client sends get a short, plain answer, and nothing changes. */
@ParameterizedClass
@EnumSource(value = ServerTestBase.Backend.class, names = "H2")
class BadRequestsTest extends ServerTestBase {

    private static final String CONTOSO = Long.toString(Contoso.TPID);

    private ApiError bad(int status, String body) throws Exception {
        long before = serverRevision();
        Answer answer = post("/mutations", token(World.FM), body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(serverRevision()).isEqualTo(before);
        assertThat(answer.body()).doesNotContain("ftop.", "java.", "jackson", "Jackson", "`");
        assertThat(answer.body().length()).isLessThan(1000);
        return answer.error();
    }

    private String mutation(long base, String fieldsJson) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"health\",\"entityId\":\"" + CONTOSO
                + "\",\"baseRevision\":" + base + ",\"op\":\"UPSERT\",\"fields\":" + fieldsJson + "}";
    }

    @Test
    void aWrongMethodOnARealPathIs405() throws Exception {
        Answer put = call(new Request.Builder().url(url("/session")).put(RequestBody.create("{}", JSON)).build());
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.error().error()).isEqualTo("method_not_allowed");
        assertThat(get("/nowhere", token(World.FM)).status()).as("an unknown path stays 404").isEqualTo(404);
    }

    @Test
    void aNullMutationIsExplainedWithoutJavaInternals() throws Exception {
        ApiError error = bad(400, "{\"mutations\":[null]}");
        assertThat(error.message()).contains("mutations[0] is null");
    }

    @Test
    void tooDeepANestingIsExplainedWithoutNamingJackson() throws Exception {
        String deep = "[".repeat(1200) + "]".repeat(1200);
        ApiError error = bad(400, "{\"mutations\":[" + mutation(1, "{\"progress.status\":" + deep + "}") + "]}");
        assertThat(error.message()).contains("nesting depth");
    }

    @Test
    void aHugeBadValueIsNotSentBackWhole() throws Exception {
        String huge = "x".repeat(3_000_000);
        ApiError choice = bad(400, "{\"mutations\":[" + mutation(1, "{\"progress.status\":\"" + huge + "\"}") + "]}");
        assertThat(choice.message()).contains("characters");
        ApiError field = bad(400, "{\"mutations\":[" + mutation(1, "{\"" + huge + "\":1}") + "]}");
        assertThat(field.field().length()).isLessThan(200);
    }

    @Test
    void aFractionalBaseRevisionIs400() throws Exception {
        ApiError error = bad(400, "{\"mutations\":[" + mutation(1, "{}").replace("\"baseRevision\":1", "\"baseRevision\":1.5") + "]}");
        assertThat(error.field()).contains("baseRevision");
        assertThat(error.message()).contains("1.5").contains("whole number");
    }

    @Test
    void anInvalidValueOnAStaleBaseIs400NotAConflict() throws Exception {
        long base = revisionOf(World.ADMIN, EntityKind.HEALTH, CONTOSO);
        assertThat(pushOne(World.US_LEAD, Mutation.upsert(EntityKind.HEALTH, CONTOSO, base,
                Map.of("progress.status", TextNode.valueOf("BLOCKED_TECHNICAL")))).outcome()).isEqualTo(Outcome.APPLIED);
        ApiError error = bad(400, "{\"mutations\":[" + mutation(base, "{\"progress.status\":\"ON_FIRE\"}") + "]}");
        assertThat(error.message()).contains("ON_FIRE");
    }

    @Test
    void moreThan200MutationsIs413BatchTooLarge() throws Exception {
        List<MutationRequest> many = new ArrayList<>();
        for (int i = 0; i <= MutationBatch.MAX_SIZE; i++) {
            many.add(MutationRequest.of(Mutation.upsert(EntityKind.HEALTH, CONTOSO, 1,
                    Map.of("progress.status", TextNode.valueOf("NO_INTENT")))));
        }
        assertThat(bad(413, json(new MutationBatch(many))).error()).isEqualTo("batch_too_large");
    }
}
