package ftop.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** Field names and values in the guide's words. */
class FieldLabelsTest {

    @Test
    void healthFieldsHaveTheGuidesLabelsAndOthersReadAsWords() {
        assertThat(FieldLabels.label(EntityKind.HEALTH, "progress.cxpWatchlist")).isEqualTo("CXP Watchlist");
        assertThat(FieldLabels.label(EntityKind.HEALTH, "perspective.mindset")).isEqualTo("Overall Mindset");
        assertThat(FieldLabels.label(EntityKind.CUSTOMER, "renewalDates")).isEqualTo("Renewal dates");
        assertThat(FieldLabels.label(EntityKind.TENANT, "")).isEqualTo("The whole row");
    }

    @Test
    void choicesReadAsTheirLabelsAndOtherValuesAsText() {
        assertThat(FieldLabels.value(EntityKind.HEALTH, "progress.cxpWatchlist", TextNode.valueOf("CRITICAL")))
                .contains("Critical");
        assertThat(FieldLabels.value(EntityKind.HEALTH, "perspective.mindset", TextNode.valueOf("COMPETE")))
                .contains("Compete");
        assertThat(FieldLabels.value(EntityKind.CUSTOMER, "region", TextNode.valueOf("UNITED_STATES")))
                .contains("United States");
        assertThat(FieldLabels.value(EntityKind.HEALTH, "progress.nextReviewDate", TextNode.valueOf("2026-11-01")))
                .contains("2026-11-01");
        assertThat(FieldLabels.value(EntityKind.CUSTOMER, "name", TextNode.valueOf("Contoso"))).contains("Contoso");
        assertThat(FieldLabels.value(EntityKind.HEALTH, "progress.status", NullNode.getInstance())).isEmpty();
        // a value a newer server knows and this client does not stays as sent
        assertThat(FieldLabels.value(EntityKind.HEALTH, "progress.status", TextNode.valueOf("DORMANT"))).contains("DORMANT");
    }
}
