package ftop.core.health;

import static ftop.core.health.HealthColour.BLUE;
import static ftop.core.health.HealthColour.GREEN;
import static ftop.core.health.HealthColour.RED;
import static ftop.core.health.HealthColour.YELLOW;
import static ftop.core.health.Workload.AADP;
import static ftop.core.health.Workload.EXCHANGE;
import static ftop.core.health.Workload.INTUNE;
import static ftop.core.health.Workload.ODSP;
import static ftop.core.health.Workload.OFFICE_PROPLUS;
import static ftop.core.health.Workload.WINDOWS_10;
import static ftop.core.health.WorkloadGroup.GROUP_1;
import static ftop.core.health.WorkloadGroup.GROUP_2;
import static ftop.core.health.WorkloadGroup.GROUP_3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.usage.WorkloadUsage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthAssessmentTest {

    private static final long TPID = 1001;
    private static final LocalDate AS_OF = LocalDate.of(2021, 5, 31);

    /** Same thresholds for every workload: Yellow from 40%, Green from 60%, Blue from 80%. */
    private static HealthRules uniform(GroupRule rule, int groupsRequired) {
        String workloads = String.join(",", java.util.Arrays.stream(Workload.values())
                .map(w -> "\"" + w.name() + "\": {\"yellow\": 0.4, \"green\": 0.6, \"blue\": 0.8}").toList());
        String groups = rule == GroupRule.COMBINED_USAGE
                ? ", \"groups\": {\"GROUP_1\": {\"yellow\": 0.5, \"green\": 0.7, \"blue\": 0.9},"
                        + "\"GROUP_2\": {\"yellow\": 0.5, \"green\": 0.7, \"blue\": 0.9},"
                        + "\"GROUP_3\": {\"yellow\": 0.5, \"green\": 0.7, \"blue\": 0.9}}"
                : "";
        return HealthRules.parse("{\"workloads\": {" + workloads + "}, \"groupRule\": \"" + rule + "\"" + groups
                + ", \"groupsRequired\": " + groupsRequired
                + ", \"reviewCadence\": {\"RED\": \"P14D\", \"YELLOW\": \"P14D\", \"GREEN\": \"P3M\", \"BLUE\": \"P3M\"}}");
    }

    private static final HealthRules RULES = uniform(GroupRule.WORST_WORKLOAD, 2);

    private static WorkloadUsage usage(Workload workload, long active, long entitled) {
        return new WorkloadUsage(TPID, workload, active, entitled, AS_OF);
    }

    /** All six workloads with the given percentages (of 1,000 entitled). */
    private static List<WorkloadUsage> percentages(int exchange, int odsp, int windows, int proplus, int aadp, int intune) {
        return List.of(usage(EXCHANGE, exchange * 10L, 1000), usage(ODSP, odsp * 10L, 1000),
                usage(WINDOWS_10, windows * 10L, 1000), usage(OFFICE_PROPLUS, proplus * 10L, 1000),
                usage(AADP, aadp * 10L, 1000), usage(INTUNE, intune * 10L, 1000));
    }

    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({
        "0, 1000, RED",
        "399, 1000, RED",
        "400, 1000, YELLOW",
        "599, 1000, YELLOW",
        "600, 1000, GREEN",
        "799, 1000, GREEN",
        "800, 1000, BLUE",
        "1000, 1000, BLUE",
        "1500, 1000, BLUE",
        "3, 10, RED",
        "4, 10, YELLOW",
        "6, 10, GREEN",
        "8, 10, BLUE",
        "1, 3, RED",
        "2, 3, GREEN",
    })
    void workloadColourAtEachBoundary(long active, long entitled, HealthColour colour) {
        HealthAssessment assessment = HealthAssessment.of(List.of(usage(EXCHANGE, active, entitled)), RULES);

        assertThat(assessment.workload(EXCHANGE)).get().extracting(WorkloadHealth::colour).isEqualTo(colour);
    }

    @Test
    void workloadCarriesItsPercentage() {
        WorkloadHealth health = HealthAssessment.of(List.of(usage(ODSP, 599, 1000)), RULES).workload(ODSP).orElseThrow();

        assertThat(health.percent()).isEqualTo(59);
        assertThat(health.ratio()).isEqualTo(0.599);
        assertThat(health.active()).isEqualTo(599);
        assertThat(health.entitled()).isEqualTo(1000);
        assertThat(HealthAssessment.of(List.of(usage(ODSP, 60, 100)), RULES).workload(ODSP).orElseThrow().percent())
                .isEqualTo(60);
    }

    @Test
    void eachWorkloadUsesItsOwnThresholds() {
        HealthRules rules = HealthRules.defaults();
        // 30% is Red for Exchange (Yellow from 40%) and Yellow for ODSP (Yellow from 30%) in the shipped file.
        HealthAssessment assessment = HealthAssessment.of(List.of(usage(EXCHANGE, 30, 100), usage(ODSP, 30, 100)), rules);

        assertThat(assessment.workload(EXCHANGE).orElseThrow().colour()).isEqualTo(RED);
        assertThat(assessment.workload(ODSP).orElseThrow().colour()).isEqualTo(YELLOW);
    }

    @Test
    void noUsageAtAllIsNoData() {
        HealthAssessment assessment = HealthAssessment.of(List.of(), RULES);

        assertThat(assessment.isEmpty()).isTrue();
        assertThat(assessment.workload(EXCHANGE)).isEmpty();
        assertThat(assessment.group(GROUP_1)).isEmpty();
        assertThat(assessment.overall()).isEmpty();
    }

    @Test
    void nothingEntitledIsNoDataNotRed() {
        HealthAssessment assessment = HealthAssessment.of(List.of(usage(INTUNE, 0, 0), usage(AADP, 10, 0)), RULES);

        assertThat(assessment.workload(INTUNE)).isEmpty();
        assertThat(assessment.workload(AADP)).isEmpty();
        assertThat(assessment.group(GROUP_3)).isEmpty();
        assertThat(assessment.isEmpty()).isTrue();
    }

    @Test
    void groupTakesTheWorstWorkloadWithData() {
        HealthAssessment assessment = HealthAssessment.of(percentages(90, 45, 65, 85, 10, 90), RULES);

        assertThat(assessment.group(GROUP_1)).contains(YELLOW);
        assertThat(assessment.group(GROUP_2)).contains(GREEN);
        assertThat(assessment.group(GROUP_3)).contains(RED);
    }

    @Test
    void groupIsJudgedOnTheWorkloadsThatHaveData() {
        HealthAssessment assessment = HealthAssessment.of(List.of(usage(EXCHANGE, 90, 100), usage(ODSP, 5, 0)), RULES);

        assertThat(assessment.workload(ODSP)).isEmpty();
        assertThat(assessment.group(GROUP_1)).contains(BLUE);
        assertThat(assessment.group(GROUP_2)).isEmpty();
    }

    @Test
    void combinedUsageAddsTheGroupUpAndUsesGroupThresholds() {
        HealthRules rules = uniform(GroupRule.COMBINED_USAGE, 2);
        // Exchange 100 of 100 (Blue), ODSP 20 of 300 (Red): combined 120 of 400 = 30%, below the group's 50%.
        HealthAssessment low = HealthAssessment.of(List.of(usage(EXCHANGE, 100, 100), usage(ODSP, 20, 300)), rules);
        // Exchange 900 of 1000, ODSP 0 of 100: combined 900 of 1100 = 81.8%, Green for the group (Blue from 90%).
        HealthAssessment weighted = HealthAssessment.of(List.of(usage(EXCHANGE, 900, 1000), usage(ODSP, 0, 100)), rules);
        // Exactly at the group's Yellow boundary: 50 of 100.
        HealthAssessment boundary = HealthAssessment.of(List.of(usage(EXCHANGE, 30, 50), usage(ODSP, 20, 50)), rules);

        assertThat(low.group(GROUP_1)).contains(RED);
        assertThat(weighted.group(GROUP_1)).contains(GREEN);
        assertThat(weighted.workload(ODSP).orElseThrow().colour()).isEqualTo(RED);
        assertThat(boundary.group(GROUP_1)).contains(YELLOW);
    }

    @ParameterizedTest(name = "groups {0}, {1}, {2} with {3} required give {4}")
    @CsvSource({
        // group colours (percentages used for both workloads of a group), groups required, overall
        "RED, YELLOW, RED, 2, RED",
        "BLUE, BLUE, RED, 2, BLUE",
        "BLUE, GREEN, RED, 2, GREEN",
        "BLUE, RED, RED, 2, RED",
        "GREEN, YELLOW, BLUE, 2, GREEN",
        "YELLOW, YELLOW, YELLOW, 2, YELLOW",
        "BLUE, RED, RED, 1, BLUE",
        "BLUE, GREEN, YELLOW, 3, YELLOW",
        "BLUE, BLUE, BLUE, 3, BLUE",
    })
    void overallIsTheBestColourReachedByEnoughGroups(HealthColour g1, HealthColour g2, HealthColour g3,
            int required, HealthColour overall) {
        HealthRules rules = uniform(GroupRule.WORST_WORKLOAD, required);
        int p1 = percentFor(g1);
        int p2 = percentFor(g2);
        int p3 = percentFor(g3);
        HealthAssessment assessment = HealthAssessment.of(percentages(p1, p1, p2, p2, p3, p3), rules);

        assertThat(assessment.group(GROUP_1)).contains(g1);
        assertThat(assessment.group(GROUP_2)).contains(g2);
        assertThat(assessment.group(GROUP_3)).contains(g3);
        assertThat(assessment.overall()).contains(overall);
    }

    private static int percentFor(HealthColour colour) {
        return switch (colour) {
            case RED -> 20;
            case YELLOW -> 40;
            case GREEN -> 60;
            case BLUE -> 80;
        };
    }

    @Test
    void groupsWithoutDataReachNoColour() {
        // Group 1 Blue, group 2 Green, group 3 no data: two groups reach Green.
        HealthAssessment two = HealthAssessment.of(List.of(usage(EXCHANGE, 9, 10), usage(WINDOWS_10, 6, 10)), RULES);
        // Only group 1 has data: with two groups required there is no overall colour.
        HealthAssessment one = HealthAssessment.of(List.of(usage(EXCHANGE, 9, 10), usage(ODSP, 9, 10)), RULES);

        assertThat(two.group(GROUP_3)).isEmpty();
        assertThat(two.overall()).contains(GREEN);
        assertThat(one.group(GROUP_1)).contains(BLUE);
        assertThat(one.overall()).isEmpty();
        assertThat(HealthAssessment.of(List.of(usage(EXCHANGE, 9, 10)), uniform(GroupRule.WORST_WORKLOAD, 1)).overall())
                .contains(BLUE);
    }

    @Test
    void theLatestRowOfAWorkloadCounts() {
        List<WorkloadUsage> rows = List.of(
                new WorkloadUsage(TPID, EXCHANGE, 90, 100, AS_OF.minusMonths(1)),
                new WorkloadUsage(TPID, EXCHANGE, 10, 100, AS_OF),
                new WorkloadUsage(TPID, EXCHANGE, 50, 100, AS_OF.minusMonths(2)));

        assertThat(HealthAssessment.of(rows, RULES).workload(EXCHANGE).orElseThrow().active()).isEqualTo(10);
    }

    @Test
    void refusesUsageOfSeveralCustomers() {
        List<WorkloadUsage> rows = List.of(usage(EXCHANGE, 1, 2), new WorkloadUsage(TPID + 1, ODSP, 1, 2, AS_OF));

        assertThatThrownBy(() -> HealthAssessment.of(rows, RULES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1001").hasMessageContaining("1002");
    }

    @Test
    void aPortfolioOf1500CustomersIsAssessedAndMostGetAnOverallColour() {
        // How quickly: ./bench HealthAssessmentBenchmark
        HealthRules rules = HealthRules.defaults();
        int coloured = 0;
        for (List<WorkloadUsage> rows : RandomPortfolio.of(1500, 42, AS_OF)) {
            if (HealthAssessment.of(rows, rules).overall().isPresent()) {
                coloured++;
            }
        }

        assertThat(coloured).isBetween(1000, 1500);
    }
}
