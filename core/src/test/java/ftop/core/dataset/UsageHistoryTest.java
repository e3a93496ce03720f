package ftop.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.usage.WorkloadUsage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UsageHistoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void everyRowHasItsMonthsBeforeItDeterministically() {
        Dataset demo = DatasetGenerator.demo(TODAY);
        List<WorkloadUsage> history = UsageHistory.monthly(demo.usage(), 12);

        assertThat(history).hasSize(demo.usage().size() * 12);
        assertThat(UsageHistory.monthly(DatasetGenerator.demo(TODAY).usage(), 12)).isEqualTo(history);
        assertThat(UsageHistory.monthly(demo.usage(), 0)).isEmpty();
        WorkloadUsage first = demo.usage().get(0);
        assertThat(history.subList(0, 12)).allSatisfy(u -> {
            assertThat(u.tpid()).isEqualTo(first.tpid());
            assertThat(u.workload()).isEqualTo(first.workload());
            assertThat(u.active()).isBetween(0L, u.entitled());
        }).extracting(WorkloadUsage::asOf).first().isEqualTo(first.asOf().minusMonths(12));
        assertThat(history.get(11).asOf()).isEqualTo(first.asOf().minusMonths(1));
    }

    @Test
    void redCustomersWereHealthierBeforeTheyDippedAndOthersGrew() {
        Dataset demo = DatasetGenerator.demo(TODAY);
        HealthRules rules = HealthRules.defaults();
        Map<Long, List<WorkloadUsage>> now = demo.usage().stream().collect(Collectors.groupingBy(WorkloadUsage::tpid));
        Map<Long, List<WorkloadUsage>> past = UsageHistory.monthly(demo.usage(), 12).stream()
                .collect(Collectors.groupingBy(WorkloadUsage::tpid));
        int red = 0;
        for (var e : now.entrySet()) {
            HealthAssessment today = HealthAssessment.of(e.getValue(), rules);
            List<WorkloadUsage> fourMonthsAgo = past.get(e.getKey()).stream()
                    .filter(u -> u.asOf().equals(e.getValue().get(0).asOf().minusMonths(4))).toList();
            HealthAssessment then = HealthAssessment.of(fourMonthsAgo, rules);
            if (today.overall().orElse(null) == HealthColour.RED) {
                red++;
                assertThat(then.overallPercent().getAsInt()).as("customer %d before its dip", e.getKey())
                        .isGreaterThan(today.overallPercent().getAsInt());
            } else {
                assertThat(then.overallPercent().getAsInt()).as("customer %d four months ago", e.getKey())
                        .isLessThanOrEqualTo(today.overallPercent().getAsInt() + 2);
            }
        }
        assertThat(red).isPositive();
    }
}
