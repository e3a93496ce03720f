package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.validation.Contoso;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts on a real H2 file: kept per form and subject, across a restart, apart from rows and outbox. */
class DraftsTest {

    @TempDir
    Path dir;

    private static final Instant AT = Instant.parse("2021-05-03T14:32:00Z");
    private static final String SUBJECT = Long.toString(Contoso.TPID);

    private static Draft perspective(String mindset, Instant at) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("mindset", mindset);
        values.put("completionDate", "June 31, 2021");
        values.put("businessReason", "");
        return new Draft("health.perspective", SUBJECT, Contoso.TPID, values,
                Map.of("mindset", "ALIGNED", "completionDate", "", "businessReason", ""), at);
    }

    @Test
    void aDraftIsKeptPerFormAndSubjectAcrossARestartAndNeverTouchesRowsOrOutbox() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(StoreTestData.contoso(), 1);
            List<Object> heard = new ArrayList<>();
            store.addListener(change -> heard.add(change.kinds()));

            store.drafts().put(perspective("AVERSE", AT));
            // the same form and subject again: the newer values replace the older
            store.drafts().put(perspective("COMPETE", AT.plusSeconds(30)));
            store.drafts().put(new Draft("status-note", Contoso.WINNER_TENANT.tenantId().toString(), Contoso.TPID,
                    Map.of("executiveSummary", "Half typed\nsecond line \"quoted\""), Map.of(), AT.plusSeconds(10)));

            assertThat(heard).as("drafts are not rows: nothing re-reads the screens").isEmpty();
            assertThat(store.outbox().pendingCount()).isZero();
            assertThat(store.health().get(SUBJECT).orElseThrow()).isEqualTo(Contoso.health());
        }
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            List<Draft> all = store.drafts().all();
            assertThat(all).extracting(Draft::form).containsExactly("health.perspective", "status-note");
            Draft kept = all.get(0);
            assertThat(kept.values()).containsExactly(Map.entry("mindset", "COMPETE"),
                    Map.entry("completionDate", "June 31, 2021"), Map.entry("businessReason", ""));
            assertThat(kept.savedAt()).isEqualTo(AT.plusSeconds(30));
            assertThat(kept.tpid()).isEqualTo(Contoso.TPID);
            assertThat(kept.baseDiffersFrom(Map.of("mindset", "ALIGNED", "completionDate", "", "businessReason", "")))
                    .isFalse();
            assertThat(kept.baseDiffersFrom(Map.of("mindset", "AVERSE", "completionDate", "", "businessReason", "")))
                    .isTrue();
            assertThat(kept.changes()).as("what the person changed, not what they left alone")
                    .containsExactly(Map.entry("mindset", "COMPETE"), Map.entry("completionDate", "June 31, 2021"));
            assertThat(all.get(1).values().get("executiveSummary")).isEqualTo("Half typed\nsecond line \"quoted\"");
            assertThat(all.get(1).changes()).as("no base: every field").isEqualTo(all.get(1).values());

            assertThat(store.drafts().delete("health.perspective", SUBJECT)).isTrue();
            assertThat(store.drafts().delete("health.perspective", SUBJECT)).as("gone already").isFalse();
            assertThat(store.drafts().get("health.perspective", SUBJECT)).isEmpty();
            assertThat(store.drafts().get("status-note", Contoso.WINNER_TENANT.tenantId().toString())).isPresent();
        }
    }

    @Test
    void aDraftNeedsAFormASubjectAndTextValues() {
        assertThatThrownBy(() -> new Draft(" ", SUBJECT, 1, Map.of(), Map.of(), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Draft("f", "x".repeat(Draft.SUBJECT_MAX + 1), 1, Map.of(), Map.of(), AT))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("mindset", null);
        assertThatThrownBy(() -> new Draft("f", SUBJECT, 1, withNull, Map.of(), AT))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("mindset");
    }
}
