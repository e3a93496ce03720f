package ftop.core.review;

import static ftop.core.health.HealthColour.BLUE;
import static ftop.core.health.HealthColour.GREEN;
import static ftop.core.health.HealthColour.RED;
import static ftop.core.health.HealthColour.YELLOW;
import static ftop.core.health.WorkloadGroup.GROUP_1;
import static ftop.core.health.WorkloadGroup.GROUP_2;
import static ftop.core.health.WorkloadGroup.GROUP_3;
import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.health.CustomerProgress;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.Workload;
import ftop.core.health.WorkloadGroup;
import ftop.core.usage.WorkloadUsage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BriefSentenceTest {

    private static final LocalDate END_OF_JUNE = LocalDate.of(2021, 6, 30);

    private static Map<WorkloadGroup, HealthColour> groups(HealthColour g1, HealthColour g2, HealthColour g3) {
        Map<WorkloadGroup, HealthColour> map = new EnumMap<>(WorkloadGroup.class);
        if (g1 != null) {
            map.put(GROUP_1, g1);
        }
        if (g2 != null) {
            map.put(GROUP_2, g2);
        }
        if (g3 != null) {
            map.put(GROUP_3, g3);
        }
        return map;
    }

    @Test
    void theSeedsExampleReadsWordForWord() {
        String sentence = BriefSentence.of("Contoso", Optional.of(RED), groups(RED, YELLOW, RED), Optional.of(YELLOW),
                Optional.of(END_OF_JUNE));

        assertThat(sentence).isEqualTo("Customer Contoso's overall health is Red, with groups 1, 2 & 3 being Red, "
                + "Yellow and Red, respectively. I forecast to achieve a change in the overall customer health from "
                + "Red to Yellow by the end of June 2021.");
    }

    @Test
    void theSentenceIsBuiltFromTheUsageAssessmentAndTheCustomerProgress() {
        // Exchange 10% (Red), Windows 10 40% (Yellow), Intune 10% (Red) under the default rules.
        LocalDate asOf = LocalDate.of(2021, 5, 1);
        List<WorkloadUsage> usage = List.of(
                new WorkloadUsage(1001, Workload.EXCHANGE, 100, 1000, asOf),
                new WorkloadUsage(1001, Workload.WINDOWS_10, 400, 1000, asOf),
                new WorkloadUsage(1001, Workload.INTUNE, 100, 1000, asOf));
        HealthAssessment assessment = HealthAssessment.of(usage, HealthRules.defaults());
        CustomerProgress progress = new CustomerProgress(null, Optional.of(END_OF_JUNE), Optional.of(YELLOW),
                null, null, null, null, null);

        assertThat(BriefSentence.of("Contoso", assessment, progress)).isEqualTo("Customer Contoso's overall health is "
                + "Red, with groups 1, 2 & 3 being Red, Yellow and Red, respectively. I forecast to achieve a change in "
                + "the overall customer health from Red to Yellow by the end of June 2021.");
    }

    static Stream<Arguments> everyColourCombination() {
        List<Arguments> all = new ArrayList<>();
        for (HealthColour overall : HealthColour.values()) {
            for (HealthColour g1 : HealthColour.values()) {
                for (HealthColour g2 : HealthColour.values()) {
                    for (HealthColour g3 : HealthColour.values()) {
                        for (HealthColour target : HealthColour.values()) {
                            all.add(Arguments.of(overall, g1, g2, g3, target));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "overall {0}, groups {1} {2} {3}, target {4}")
    @MethodSource("everyColourCombination")
    void everyColourCombinationKeepsTheSeedsStructure(HealthColour overall, HealthColour g1, HealthColour g2,
            HealthColour g3, HealthColour target) {
        String sentence = BriefSentence.of("Contoso", Optional.of(overall), groups(g1, g2, g3), Optional.of(target),
                Optional.of(LocalDate.of(2022, 1, 15)));

        String today = "Customer Contoso's overall health is " + overall.label() + ", with groups 1, 2 & 3 being "
                + g1.label() + ", " + g2.label() + " and " + g3.label() + ", respectively. ";
        String forecast = overall == target
                ? "I forecast the overall customer health to stay " + target.label() + " through the end of January 2022."
                : "I forecast to achieve a change in the overall customer health from " + overall.label() + " to "
                        + target.label() + " by the end of January 2022.";
        assertThat(sentence).isEqualTo(today + forecast);
    }

    @Test
    void noTargetAndNoDateMeansNoForecast() {
        String sentence = BriefSentence.of("Contoso", Optional.of(GREEN), groups(GREEN, GREEN, BLUE), Optional.empty(),
                Optional.empty());

        assertThat(sentence).isEqualTo("Customer Contoso's overall health is Green, with groups 1, 2 & 3 being Green, "
                + "Green and Blue, respectively. No forecast has been set.");
    }

    @Test
    void aTargetWithoutADueDateSaysTheDateIsMissing() {
        assertThat(BriefSentence.forecastPart(Optional.of(RED), Optional.of(GREEN), Optional.empty()))
                .isEqualTo("I forecast to achieve a change in the overall customer health from Red to Green; "
                        + "no expected progress due date has been set.");
    }

    @Test
    void aDueDateWithoutATargetSaysTheColourIsMissing() {
        assertThat(BriefSentence.forecastPart(Optional.of(RED), Optional.empty(), Optional.of(END_OF_JUNE)))
                .isEqualTo("No target health has been set for the progress expected by the end of June 2021.");
    }

    @Test
    void anUnmeasuredOverallColourIsNamedNotGuessed() {
        String sentence = BriefSentence.of("Contoso", Optional.empty(), groups(RED, null, null), Optional.of(YELLOW),
                Optional.of(END_OF_JUNE));

        assertThat(sentence).isEqualTo("Customer Contoso's overall health is not yet measured, with group 1 being Red, "
                + "and no usage data for groups 2 & 3. I forecast the overall customer health to reach Yellow by the "
                + "end of June 2021.");
    }

    @Test
    void aGroupWithoutUsageDataIsNamed() {
        String sentence = BriefSentence.healthPart("Contoso", Optional.of(YELLOW), groups(YELLOW, null, GREEN));

        assertThat(sentence).isEqualTo("Customer Contoso's overall health is Yellow, with groups 1 & 3 being Yellow and "
                + "Green, respectively, and no usage data for group 2.");
    }

    @Test
    void aCustomerWithoutAnyUsageData() {
        String sentence = BriefSentence.of("Fabrikam", Optional.empty(), Map.of(), Optional.empty(), Optional.empty());

        assertThat(sentence).isEqualTo("Customer Fabrikam's overall health is not yet measured, with no usage data for "
                + "groups 1, 2 & 3. No forecast has been set.");
    }
}
