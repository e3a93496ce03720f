package ftop.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.FieldChange;
import ftop.core.usage.WorkloadUsage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTrendTest {

    private static final long TPID = 1001;
    private static final HealthRules RULES = HealthRules.defaults();
    private static final YearMonth NOW = YearMonth.of(2026, 11);
    private static final ZoneId UTC = ZoneOffset.UTC;

    private final List<FieldChange> history = new ArrayList<>();
    private long revision = 100;

    /** A usage row created or changed on {@code day}, as the server records it: one entry per changed field. */
    private void measured(LocalDate day, Workload workload, long active, long entitled) {
        WorkloadUsage before = state(workload);
        long rev = ++revision;
        var at = day.atTime(6, 0).toInstant(ZoneOffset.UTC);
        String id = TPID + ":" + workload.name();
        if (before == null) {
            history.add(new FieldChange(rev, at, "usage-feed", "usage", id, "tpid", null, LongNode.valueOf(TPID)));
            history.add(new FieldChange(rev, at, "usage-feed", "usage", id, "workload", null, TextNode.valueOf(workload.name())));
        }
        add(rev, at, id, "active", before == null ? null : LongNode.valueOf(before.active()), LongNode.valueOf(active));
        add(rev, at, id, "entitled", before == null ? null : LongNode.valueOf(before.entitled()), LongNode.valueOf(entitled));
        add(rev, at, id, "asOf", before == null ? null : TextNode.valueOf(before.asOf().toString()), TextNode.valueOf(day.toString()));
        states.removeIf(u -> u.workload() == workload);
        states.add(new WorkloadUsage(TPID, workload, active, entitled, day));
    }

    private final List<WorkloadUsage> states = new ArrayList<>();

    private WorkloadUsage state(Workload workload) {
        return states.stream().filter(u -> u.workload() == workload).findFirst().orElse(null);
    }

    private void add(long rev, java.time.Instant at, String id, String field, JsonNode from, JsonNode to) {
        if (from == null || !from.equals(to)) {
            history.add(new FieldChange(rev, at, "usage-feed", "usage", id, field, from, to));
        }
    }

    /** Every workload at the same share of what is entitled. */
    private void allAt(LocalDate day, long activePerThousand) {
        for (Workload w : Workload.values()) {
            measured(day, w, activePerThousand, 1000);
        }
    }

    @Test
    void eachMonthIsJudgedOnTheFiguresAtItsEndAndTheLastOnTodaysRows() {
        allAt(LocalDate.of(2026, 6, 30), 200);     // June: 20% everywhere, Red
        allAt(LocalDate.of(2026, 8, 2), 500);      // August: 50%
        allAt(LocalDate.of(2026, 8, 30), 700);     // later in August: 70% is what August ends on
        List<WorkloadUsage> today = new ArrayList<>(states);
        today.replaceAll(u -> new WorkloadUsage(TPID, u.workload(), 900, 1000, LocalDate.of(2026, 11, 22)));

        UsageTrend trend = UsageTrend.of(history, today, RULES, NOW, UTC, 12);

        assertThat(trend.points()).extracting(UsageTrend.Point::month).containsExactly(
                YearMonth.of(2026, 6), YearMonth.of(2026, 7), YearMonth.of(2026, 8), YearMonth.of(2026, 9),
                YearMonth.of(2026, 10), NOW);
        assertThat(trend.points()).extracting(p -> p.overallPercent().getAsInt())
                .containsExactly(20, 20, 70, 70, 70, 90);
        // the colours come from the same rules as the card: one place
        for (UsageTrend.Point point : trend.points()) {
            List<WorkloadUsage> same = new ArrayList<>();
            for (Workload w : Workload.values()) {
                same.add(new WorkloadUsage(TPID, w, point.overallPercent().getAsInt() * 10L, 1000, LocalDate.EPOCH));
            }
            assertThat(point.overall()).isEqualTo(HealthAssessment.of(same, RULES).overall());
        }
        assertThat(trend.points().get(0).overall()).contains(HealthColour.RED);
        assertThat(trend.hasHistory()).isTrue();
    }

    @Test
    void groupsHaveTheirOwnCombinedPercentages() {
        measured(LocalDate.of(2026, 10, 5), Workload.EXCHANGE, 800, 1000);
        measured(LocalDate.of(2026, 10, 5), Workload.ODSP, 400, 1000);
        measured(LocalDate.of(2026, 10, 5), Workload.INTUNE, 100, 500);

        UsageTrend trend = UsageTrend.of(history, List.of(), RULES, NOW, UTC, 12);

        UsageTrend.Point october = trend.points().get(0);
        assertThat(october.month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(october.assessment().groupPercent(WorkloadGroup.GROUP_1)).hasValue(60);
        assertThat(october.assessment().groupPercent(WorkloadGroup.GROUP_2)).isEmpty();
        assertThat(october.assessment().groupPercent(WorkloadGroup.GROUP_3)).hasValue(20);
        assertThat(october.overallPercent()).hasValue(52);
        // without current rows, the current month is what the history says up to now
        assertThat(trend.points()).extracting(UsageTrend.Point::month).containsExactly(YearMonth.of(2026, 10), NOW);
    }

    @Test
    void onlyTheLastMonthsCountAndOtherRowsAndDeletionsAreHandled() {
        allAt(LocalDate.of(2024, 1, 10), 100);
        allAt(LocalDate.of(2026, 3, 10), 300);
        history.add(new FieldChange(++revision, LocalDate.of(2026, 5, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
                "megan.bowen", "health", Long.toString(TPID), "progress.status", TextNode.valueOf("A"), TextNode.valueOf("B")));
        // Intune's row is deleted in September: from then on, five workloads count
        history.add(new FieldChange(++revision, LocalDate.of(2026, 9, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
                "admin", "usage", TPID + ":INTUNE", "", TextNode.valueOf("{}"), NullNode.getInstance()));
        states.removeIf(u -> u.workload() == Workload.INTUNE);
        allAt(LocalDate.of(2026, 9, 2), 300);
        measured(LocalDate.of(2026, 9, 3), Workload.EXCHANGE, 900, 1000);

        UsageTrend trend = UsageTrend.of(history, List.of(), RULES, NOW, UTC, 6);

        assertThat(trend.points()).hasSize(6);
        assertThat(trend.points().get(0).month()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(trend.points().get(0).overallPercent()).hasValue(30);
        UsageTrend.Point september = trend.points().get(3);
        assertThat(september.assessment().workload(Workload.INTUNE)).isPresent(); // measured again on the 2nd
        assertThat(september.overallPercent()).hasValue(40); // (900 + 5 × 300) / 6000
    }

    @Test
    void noHistoryIsJustToday() {
        List<WorkloadUsage> today = List.of(new WorkloadUsage(TPID, Workload.EXCHANGE, 500, 1000, LocalDate.of(2026, 11, 1)));
        UsageTrend trend = UsageTrend.of(List.of(), today, RULES, NOW, UTC, 12);
        assertThat(trend.points()).singleElement().satisfies(p -> assertThat(p.month()).isEqualTo(NOW));
        assertThat(trend.hasHistory()).isFalse();
        assertThat(UsageTrend.of(List.of(), List.of(), RULES, NOW, UTC, 12).points()).isEmpty();
    }
}
