package ftop.core.health;

import static ftop.core.health.HealthColour.BLUE;
import static ftop.core.health.HealthColour.GREEN;
import static ftop.core.health.HealthColour.RED;
import static ftop.core.health.HealthColour.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReviewCadenceTest {

    private final ReviewCadence cadence = new ReviewCadence(HealthRules.defaults());
    private static final LocalDate MAY_3 = LocalDate.of(2021, 5, 3);

    private static CustomerProgress progress(LocalDate next, LocalDate previous) {
        return new CustomerProgress(null, null, null, Optional.ofNullable(next), Optional.ofNullable(previous),
                null, null, null);
    }

    @Test
    void redAndYellowAreDueAfterTwoWeeksGreenAndBlueAfterAQuarter() {
        assertThat(cadence.nextDueDate(MAY_3, RED)).isEqualTo(LocalDate.of(2021, 5, 17));
        assertThat(cadence.nextDueDate(MAY_3, YELLOW)).isEqualTo(LocalDate.of(2021, 5, 17));
        assertThat(cadence.nextDueDate(MAY_3, GREEN)).isEqualTo(LocalDate.of(2021, 8, 3));
        assertThat(cadence.nextDueDate(MAY_3, BLUE)).isEqualTo(LocalDate.of(2021, 8, 3));
    }

    @Test
    void aQuarterFromTheEndOfAMonthEndsAtTheEndOfAShorterMonth() {
        assertThat(cadence.nextDueDate(LocalDate.of(2021, 11, 30), GREEN)).isEqualTo(LocalDate.of(2022, 2, 28));
    }

    @Test
    void anUnknownColourGetsTheShortestCadence() {
        assertThat(cadence.interval(Optional.empty())).isEqualTo(Period.ofDays(14));
        assertThat(cadence.nextDueDate(MAY_3, Optional.empty())).isEqualTo(LocalDate.of(2021, 5, 17));
    }

    @Test
    void cadenceFollowsTheRulesFile() {
        HealthRules weekly = HealthRules.parse(HealthRules.defaultJson().replace("\"RED\" : \"P14D\"", "\"RED\" : \"P7D\""));
        ReviewCadence custom = new ReviewCadence(weekly);

        assertThat(custom.nextDueDate(MAY_3, RED)).isEqualTo(LocalDate.of(2021, 5, 10));
        assertThat(custom.interval(Optional.empty())).isEqualTo(Period.ofDays(7));
    }

    @Test
    void theNextReviewDateDecidesWhenSet() {
        CustomerProgress p = progress(LocalDate.of(2021, 6, 1), MAY_3);

        assertThat(cadence.reviewDueOn(p, Optional.of(RED))).contains(LocalDate.of(2021, 6, 1));
        assertThat(cadence.isReviewOverdue(p, Optional.of(RED), LocalDate.of(2021, 5, 31))).isFalse();
        assertThat(cadence.isReviewOverdue(p, Optional.of(RED), LocalDate.of(2021, 6, 1))).isFalse();
        assertThat(cadence.isReviewOverdue(p, Optional.of(RED), LocalDate.of(2021, 6, 2))).isTrue();
    }

    @Test
    void withoutANextReviewDateThePreviousReviewPlusCadenceDecides() {
        CustomerProgress p = progress(null, MAY_3);

        assertThat(cadence.isReviewOverdue(p, Optional.of(YELLOW), LocalDate.of(2021, 5, 17))).isFalse();
        assertThat(cadence.isReviewOverdue(p, Optional.of(YELLOW), LocalDate.of(2021, 5, 18))).isTrue();
        assertThat(cadence.isReviewOverdue(p, Optional.of(GREEN), LocalDate.of(2021, 5, 18))).isFalse();
        assertThat(cadence.isReviewOverdue(p, Optional.of(GREEN), LocalDate.of(2021, 8, 3))).isFalse();
        assertThat(cadence.isReviewOverdue(p, Optional.of(GREEN), LocalDate.of(2021, 8, 4))).isTrue();
        assertThat(cadence.isReviewOverdue(p, Optional.empty(), LocalDate.of(2021, 5, 18))).isTrue();
    }

    @Test
    void noDatesAtAllIsOverdue() {
        DueState state = cadence.reviewState(CustomerProgress.empty(), Optional.of(BLUE), MAY_3);

        assertThat(state.overdue()).isTrue();
        assertThat(state.dueOn()).isEmpty();
        assertThat(state.daysOverdue()).isEmpty();
        assertThat(state.daysRemaining()).isEmpty();
    }

    @Test
    void countsDaysRemainingAndOverdueAroundTheDueDate() {
        CustomerProgress p = progress(LocalDate.of(2021, 5, 17), null);

        DueState before = cadence.reviewState(p, Optional.of(RED), LocalDate.of(2021, 5, 14));
        DueState onTheDay = cadence.reviewState(p, Optional.of(RED), LocalDate.of(2021, 5, 17));
        DueState after = cadence.reviewState(p, Optional.of(RED), LocalDate.of(2021, 5, 20));

        assertThat(before.daysRemaining()).isEqualTo(OptionalLong.of(3));
        assertThat(before.daysOverdue()).isEqualTo(OptionalLong.of(0));
        assertThat(onTheDay.overdue()).isFalse();
        assertThat(onTheDay.daysRemaining()).isEqualTo(OptionalLong.of(0));
        assertThat(onTheDay.daysOverdue()).isEqualTo(OptionalLong.of(0));
        assertThat(after.overdue()).isTrue();
        assertThat(after.daysOverdue()).isEqualTo(OptionalLong.of(3));
        assertThat(after.daysRemaining()).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void enterpriseStatusIsDueOnTheSameCadenceFromTheLatestNote() {
        ZoneId seattle = ZoneId.of("America/Los_Angeles");
        // 3 May 2021, 05:00 UTC is still 2 May in Seattle.
        Instant latest = Instant.parse("2021-05-03T05:00:00Z");

        assertThat(cadence.statusUpdateDueOn(Optional.of(latest), ZoneId.of("UTC"), Optional.of(RED)))
                .contains(LocalDate.of(2021, 5, 17));
        assertThat(cadence.statusUpdateDueOn(Optional.of(latest), seattle, Optional.of(RED)))
                .contains(LocalDate.of(2021, 5, 16));
        assertThat(cadence.statusUpdateDueOn(Optional.of(latest), seattle, Optional.of(BLUE)))
                .contains(LocalDate.of(2021, 8, 2));
        assertThat(cadence.statusUpdateState(Optional.of(latest), seattle, Optional.of(RED), LocalDate.of(2021, 5, 16))
                .overdue()).isFalse();
        assertThat(cadence.statusUpdateState(Optional.of(latest), seattle, Optional.of(RED), LocalDate.of(2021, 5, 17))
                .overdue()).isTrue();
    }

    @Test
    void noEnterpriseStatusYetIsOverdue() {
        ZoneId utc = ZoneId.of("UTC");

        assertThat(cadence.statusUpdateDueOn(Optional.empty(), utc, Optional.of(GREEN))).isEmpty();
        assertThat(cadence.statusUpdateState(Optional.empty(), utc, Optional.of(GREEN), MAY_3).overdue()).isTrue();
    }
}
