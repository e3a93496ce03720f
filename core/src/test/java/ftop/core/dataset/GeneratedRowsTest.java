package ftop.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.dataset.GeneratedRows.ReviewDates;
import ftop.core.dataset.GeneratedRows.ReviewState;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.ReviewCadence;
import ftop.core.health.WorkloadGroup;
import ftop.core.usage.WorkloadUsage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GeneratedRowsTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 5);
    private static final HealthRules RULES = HealthRules.defaults();
    private final GeneratedRows rows = new GeneratedRows(RULES, TODAY);

    @Test
    void usage_lands_on_the_chosen_overall_colour_whatever_the_third_group_and_size() {
        SplittableRandom random = new SplittableRandom(5);
        for (long users : new long[] {1, 60, 333, 12_345, 250_000}) {
            for (HealthColour overall : HealthColour.values()) {
                for (HealthColour third : HealthColour.values()) {
                    for (WorkloadGroup odd : WorkloadGroup.values()) {
                        List<WorkloadUsage> usage = rows.usage(77, users, overall, third, odd, random);
                        HealthAssessment assessment = HealthAssessment.of(usage, RULES);
                        assertThat(assessment.overall()).as("%d users, %s with %s as %s", users, overall, odd, third)
                                .contains(overall);
                        assertThat(assessment.group(odd)).contains(third);
                        assertThat(usage).allSatisfy(u -> assertThat(u.active()).isBetween(0L, u.entitled()));
                    }
                }
            }
        }
    }

    @Test
    void review_dates_put_the_customer_in_the_chosen_state() {
        ReviewCadence cadence = new ReviewCadence(RULES);
        SplittableRandom random = new SplittableRandom(9);
        for (int run = 0; run < 50; run++) {
            for (HealthColour colour : HealthColour.values()) {
                for (ReviewState state : ReviewState.values()) {
                    ReviewDates dates = rows.reviewDates(colour, state, random);
                    assertThat(dates.previous()).isBefore(TODAY);
                    // One cadence apart, counted back from the next review (month ends do not round-trip).
                    assertThat(dates.previous()).isEqualTo(dates.next().minus(RULES.cadence(colour)));
                    var progress = new ftop.core.health.CustomerProgress(null, null, null, Optional.of(dates.next()),
                            Optional.of(dates.previous()), null, null, null);
                    var due = cadence.reviewState(progress, Optional.of(colour), TODAY);
                    switch (state) {
                        case OVERDUE -> assertThat(due.overdue()).isTrue();
                        case DUE_SOON -> assertThat(due.daysRemaining().getAsLong()).isBetween(0L, 6L);
                        case ON_TRACK -> assertThat(due.daysRemaining().getAsLong()).isGreaterThanOrEqualTo(7);
                    }
                    if (state != ReviewState.OVERDUE) {
                        assertThat(due.overdue()).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void distribute_gives_exact_totals_and_respects_the_minimum() {
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = GeneratedRows.distribute(6_000, 1_500, 1, random);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(6_000);
        assertThat(Arrays.stream(counts).min().getAsInt()).isGreaterThanOrEqualTo(1);
        assertThat(Arrays.stream(counts).max().getAsInt()).isGreaterThan(6);
        assertThat(GeneratedRows.distribute(3, 3, 1, random)).containsExactly(1, 1, 1);
        assertThatThrownBy(() -> GeneratedRows.distribute(2, 3, 1, random))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 customers 1 each");
    }

    @Test
    void usage_is_measured_on_the_last_sunday_and_ids_are_version_4_uuids() {
        assertThat(rows.usageDate()).isEqualTo(LocalDate.of(2021, 5, 2));
        assertThat(rows.usageDate().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(new GeneratedRows(RULES, LocalDate.of(2021, 5, 2)).usageDate()).isEqualTo(LocalDate.of(2021, 5, 2));
        UUID id = GeneratedRows.uuid(new SplittableRandom(3));
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(GeneratedRows.uuid(new SplittableRandom(3))).isEqualTo(id);
    }
}
