package ftop.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.dataset.Dataset;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerProgress;
import ftop.core.health.Workload;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import ftop.core.usage.WorkloadUsage;
import ftop.core.validation.Contoso;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityCodecTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One row of every kind, from the validation fixture. */
    private static List<Object> everyKind() {
        return List.of(Contoso.CUSTOMER, Contoso.WINNER_TENANT, Contoso.health(), Contoso.note(), Contoso.CUSTOMER_CONTACT,
                Contoso.primaryFm(), new WorkloadUsage(Contoso.TPID, Workload.AADP, 10, 20, Contoso.TODAY),
                new Forecast(Contoso.TPID, Workload.INTUNE, Quarter.parse("2021-Q3"), 500), Contoso.FM);
    }

    @Test
    void healthFieldsAreDottedPaths() {
        Map<String, JsonNode> fields = EntityCodec.fields(Contoso.health());

        assertThat(fields).containsKeys("tpid", "progress.nextReviewDate", "progress.previousReviewDate",
                "progress.status", "perspective.successOwner", "perspective.completionDate");
        assertThat(fields.get("progress.nextReviewDate")).isEqualTo(TextNode.valueOf("2021-05-17"));
        assertThat(fields.get("progress.status")).isEqualTo(TextNode.valueOf("IN_PROGRESS"));
        assertThat(fields.get("perspective.successOwner")).isEqualTo(TextNode.valueOf(Contoso.CUSTOMER_CONTACT_ID.toString()));
    }

    @Test
    void emptyOptionalsAreNullFields() {
        Map<String, JsonNode> fields = EntityCodec.fields(CustomerHealth.empty(7));

        assertThat(fields.get("progress.nextReviewDate").isNull()).isTrue();
        assertThat(fields.get("perspective.successOwner").isNull()).isTrue();
    }

    @Test
    void everyKindRoundTripsThroughFieldsAndJson() {
        for (Object row : everyKind()) {
            EntityKind kind = EntityKind.of(row);

            Object fromFields = EntityCodec.entity(kind, EntityCodec.fields(row));
            Object fromJson = EntityCodec.fromJson(kind, EntityCodec.toJson(row));

            assertThat(fromFields).as(kind.wireName()).isEqualTo(row);
            assertThat(fromJson).as(kind.wireName()).isEqualTo(row);
        }
    }

    @Test
    void diffNamesOnlyTheChangedFields() {
        CustomerHealth before = Contoso.health();
        CustomerProgress p = before.progress();
        CustomerHealth after = before.withProgress(new CustomerProgress(p.status(), p.expectedProgressDue(),
                p.expectedHealth(), Optional.of(LocalDate.of(2021, 5, 31)), p.previousReviewDate(), p.cxpWatchlist(),
                p.region(), p.vertical()));

        assertThat(EntityCodec.diff(before, after))
                .containsExactly(Map.entry("progress.nextReviewDate", TextNode.valueOf("2021-05-31")));
        assertThat(EntityCodec.diff(before, before)).isEmpty();
        assertThat(EntityCodec.diff(null, after)).isEqualTo(EntityCodec.fields(after));
    }

    @Test
    void applyLaysADiffOverTheRow() {
        CustomerHealth before = Contoso.health();
        CustomerHealth after = EntityCodec.apply(before, Map.of("progress.nextReviewDate", TextNode.valueOf("2021-05-31"),
                "perspective.successOwner", NODES.nullNode()));

        assertThat(after.progress().nextReviewDate()).contains(LocalDate.of(2021, 5, 31));
        assertThat(after.perspective().successOwner()).isEmpty();
        assertThat(after.progress().previousReviewDate()).isEqualTo(before.progress().previousReviewDate());
        assertThat(EntityCodec.apply(before, EntityCodec.diff(before, after))).isEqualTo(after);
    }

    @Test
    void applyTakesIntegersFromTheWireAsLongs() {
        Tenant tenant = EntityCodec.apply(Contoso.SECOND_TENANT, Map.of("userCount", IntNode.valueOf(60_000)));

        assertThat(tenant.userCount()).isEqualTo(60_000L);
        assertThat(EntityCodec.diff(Contoso.SECOND_TENANT, tenant)).containsOnlyKeys("userCount");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        assertThatThrownBy(() -> EntityCodec.apply(Contoso.health(), Map.of("progress.nextReview", TextNode.valueOf("2021-05-31"))))
                .isInstanceOf(InvalidFieldsException.class)
                .hasMessageContaining("progress.nextReview")
                .satisfies(e -> assertThat(((InvalidFieldsException) e).field()).isEqualTo("progress.nextReview"));

        Map<String, JsonNode> fields = new HashMap<>(EntityCodec.fields(Contoso.CUSTOMER_CONTACT));
        fields.put("nickname", TextNode.valueOf("Patti"));
        assertThatThrownBy(() -> EntityCodec.entity(EntityKind.CONTACT, fields))
                .isInstanceOf(InvalidFieldsException.class)
                .satisfies(e -> assertThat(((InvalidFieldsException) e).field()).isEqualTo("nickname"));
    }

    @Test
    void aBadEnumValueIsRefusedNamingTheField() {
        assertThatThrownBy(() -> EntityCodec.apply(Contoso.health(), Map.of("progress.status", TextNode.valueOf("Stuck"))))
                .isInstanceOf(InvalidFieldsException.class)
                .hasMessageContaining("progress.status").hasMessageContaining("Stuck").hasMessageContaining("IN_PROGRESS")
                .satisfies(e -> assertThat(((InvalidFieldsException) e).field()).isEqualTo("progress.status"));
    }

    @Test
    void aBadDateIsRefusedNamingTheField() {
        assertThatThrownBy(() -> EntityCodec.apply(Contoso.health(), Map.of("progress.nextReviewDate", TextNode.valueOf("31/05/2021"))))
                .isInstanceOf(InvalidFieldsException.class)
                .hasMessageContaining("progress.nextReviewDate").hasMessageContaining("31/05/2021")
                .satisfies(e -> assertThat(((InvalidFieldsException) e).field()).isEqualTo("progress.nextReviewDate"));
    }

    @Test
    void aBadQuarterIsRefusedNamingTheField() {
        Forecast forecast = new Forecast(Contoso.TPID, Workload.INTUNE, Quarter.parse("2021-Q3"), 500);

        assertThatThrownBy(() -> EntityCodec.apply(forecast, Map.of("quarter", TextNode.valueOf("2021-Q5"))))
                .isInstanceOf(InvalidFieldsException.class)
                .satisfies(e -> assertThat(((InvalidFieldsException) e).field()).isEqualTo("quarter"));
    }

    @Test
    void badJsonTextIsRefused() {
        assertThatThrownBy(() -> EntityCodec.fromJson(EntityKind.CUSTOMER, "{\"tpid\": "))
                .isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> EntityCodec.fromJson(EntityKind.TENANT, "{\"tenantId\": \"not-a-guid\"}"))
                .isInstanceOf(InvalidFieldsException.class)
                .satisfies(e -> assertThat(((InvalidFieldsException) e).field()).isEqualTo("tenantId"));
    }

    @Test
    void datasetRowsKeepTheirKind() {
        Dataset dataset = new Dataset(List.of(Contoso.FM), List.of(Contoso.CUSTOMER), List.of(Contoso.WINNER_TENANT),
                List.of(Contoso.health()), List.of(Contoso.note()), List.of(Contoso.CUSTOMER_CONTACT),
                List.of(Contoso.primaryFm()), List.of(), List.of());

        dataset.byKind().forEach((kind, rows) -> rows.forEach(row -> assertThat(EntityKind.of(row)).isEqualTo(kind)));
        assertThat(dataset.size()).isEqualTo(7);
    }

    @Test
    void setsAreWrittenSortedSoTheSameDataIsTheSameJsonInEveryProcess() {
        List<UUID> tenants = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tenants.add(UUID.nameUUIDFromBytes(("tenant " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        List<UUID> reversed = new ArrayList<>(tenants);
        Collections.reverse(reversed);
        UUID id = UUID.nameUUIDFromBytes("assignment".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Assignment one = new Assignment(id, 7, AssignmentArea.CUSTOMER_HEALTH, Role.FM, "fm", false,
                new LinkedHashSet<>(tenants), false);
        Assignment other = new Assignment(id, 7, AssignmentArea.CUSTOMER_HEALTH, Role.FM, "fm", false,
                new LinkedHashSet<>(reversed), false);

        String json = EntityCodec.toJson(one);
        assertThat(EntityCodec.toJson(other)).isEqualTo(json);
        List<String> written = new ArrayList<>();
        EntityCodec.fields(one).get("tenantIds").forEach(node -> written.add(node.asText()));
        assertThat(written).isSorted().hasSize(12);
        assertThat(EntityCodec.<Assignment>fromJson(EntityKind.ASSIGNMENT, json)).isEqualTo(one);
    }
}
