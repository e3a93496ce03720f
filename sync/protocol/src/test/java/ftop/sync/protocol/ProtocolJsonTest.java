package ftop.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.user.UserRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProtocolJsonTest {

    private final ObjectMapper mapper = ProtocolJson.mapper();

    @Test
    void loginResponseUsesIsoInstantsAndCamelCase() throws Exception {
        var response = new LoginResponse("t0k", Instant.parse("2021-05-03T09:30:00Z"), "megan.bowen", "Megan Bowen",
                List.of(UserRole.FM), "0f8fad5b-d9cb-469f-a165-70867728950e");
        String json = mapper.writeValueAsString(response);
        assertThat(json).contains("\"expiresAt\":\"2021-05-03T09:30:00Z\"").contains("\"displayName\":\"Megan Bowen\"");
        assertThat(mapper.readValue(json, LoginResponse.class)).isEqualTo(response);
        assertThat(response.toString()).doesNotContain("t0k");
    }

    @Test
    void changesPageRoundTripsWithTombstones() throws Exception {
        JsonNode body = mapper.readTree("{\"tpid\":1001,\"name\":\"Contoso\"}");
        var page = new ChangesPage(0, 7, true, 9,
                List.of(new RowChange("customer", "1001", 1001, 5, body), new RowChange("tenant", "x", 1001, 7, null)),
                List.of(2002L), "0f8fad5b-d9cb-469f-a165-70867728950e");
        ChangesPage read = mapper.readValue(mapper.writeValueAsString(page), ChangesPage.class);
        assertThat(read).isEqualTo(page);
        assertThat(read.changes().get(1).deleted()).isTrue();
        assertThat(read.changes().get(0).deleted()).isFalse();
    }

    @Test
    void unknownPropertiesAreRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"userName\":\"a\",\"password\":\"b\",\"extra\":1}", LoginRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void answersWithFieldsAndRolesANewerServerAddedAreReadAndRequestsStayStrict() throws Exception {
        String login = "{\"token\":\"t\",\"expiresAt\":\"2021-05-03T09:30:00Z\",\"userId\":\"megan.bowen\","
                + "\"displayName\":\"Megan Bowen\",\"roles\":[\"FM\",\"QUANTUM_ARCHITECT\"],"
                + "\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"theme\":{\"accent\":\"teal\"}}";
        LoginResponse read = ProtocolJson.answers().readValue(login, LoginResponse.class);
        assertThat(read.userId()).isEqualTo("megan.bowen");
        assertThat(read.roles()).containsExactly(UserRole.FM);

        String page = "{\"since\":0,\"next\":7,\"more\":false,\"serverRevision\":7,\"cursorTag\":\"abc\","
                + "\"changes\":[{\"kind\":\"tenant\",\"id\":\"x\",\"tpid\":1001,\"revision\":7,\"body\":null,"
                + "\"origin\":\"feed\"}],\"droppedCustomers\":[],\"serverId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}";
        ChangesPage changes = ProtocolJson.answers().readValue(page, ChangesPage.class);
        assertThat(changes.next()).isEqualTo(7);
        assertThat(changes.changes()).singleElement().satisfies(r -> assertThat(r.deleted()).isTrue());

        String outcome = "{\"results\":[{\"id\":\"" + UUID.randomUUID() + "\",\"outcome\":\"DEFERRED\",\"revision\":3}]}";
        assertThat(ProtocolJson.answers().readValue(outcome, MutationResults.class).results().get(0).outcome()).isNull();

        // The same extra field in a request is refused: the strict mapper is the one the server reads with.
        assertThatThrownBy(() -> mapper.readValue(login.replace(",\"QUANTUM_ARCHITECT\"", ""), LoginResponse.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"mutations\":[],\"atomic\":true}", MutationBatch.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void mutationRequestConvertsToAndFromCoreMutation() throws Exception {
        Mutation mutation = Mutation.upsert(EntityKind.HEALTH, "1001", 4,
                Map.of("progress.status", TextNode.valueOf("IN_PROGRESS")));
        MutationRequest request = MutationRequest.of(mutation);
        MutationRequest read = mapper.readValue(mapper.writeValueAsString(new MutationBatch(List.of(request))),
                MutationBatch.class).mutations().get(0);
        assertThat(read.toMutation(mutation.createdAt())).isEqualTo(mutation);
    }

    @Test
    void mutationRequestNamesWhatIsMissingOrUnknown() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new MutationRequest(id, "planet", "1", 0, "UPSERT", Map.of()).toMutation(Instant.now()))
                .hasMessageContaining("unknown kind \"planet\"");
        assertThatThrownBy(() -> new MutationRequest(id, "customer", "1", 0, "MERGE", Map.of()).toMutation(Instant.now()))
                .hasMessageContaining("unknown op \"MERGE\"");
        assertThatThrownBy(() -> new MutationRequest(null, "customer", "1", 0, "UPSERT", Map.of()).toMutation(Instant.now()))
                .hasMessageContaining("\"id\"");
        assertThatThrownBy(() -> new MutationRequest(id, "customer", " ", 0, "DELETE", Map.of()).toMutation(Instant.now()))
                .hasMessageContaining("entityId");
    }
}
