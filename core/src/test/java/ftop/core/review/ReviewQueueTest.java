package ftop.core.review;

import static ftop.core.health.HealthColour.BLUE;
import static ftop.core.health.HealthColour.GREEN;
import static ftop.core.health.HealthColour.RED;
import static ftop.core.health.HealthColour.YELLOW;
import static ftop.core.review.ReviewWorld.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.health.HealthRules;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewQueueTest {

    private final ReviewQueue queue = new ReviewQueue(HealthRules.defaults(), ZoneOffset.UTC);

    /** Eight customers, each in a different situation on {@link ReviewWorld#TODAY} (3 May 2021). */
    private static ReviewWorld world() {
        return new ReviewWorld()
                // Red, review 10 days overdue, status fresh
                .customer(1, "Adatum").colour(1, RED).reviews(1, TODAY.minusDays(10), null).note(1, TODAY.minusDays(2))
                // Green, review 10 days overdue, status fresh
                .customer(2, "Bellows").colour(2, GREEN).reviews(2, TODAY.minusDays(10), null).note(2, TODAY.minusDays(2))
                // Yellow, review 3 days overdue, status fresh
                .customer(3, "Coho").colour(3, YELLOW).reviews(3, TODAY.minusDays(3), null).note(3, TODAY.minusDays(2))
                // nothing recorded at all
                .customer(4, "Datum").colour(4, BLUE)
                // Blue, review in 60 days, status fresh: not in the queue
                .customer(5, "Esker").colour(5, BLUE).reviews(5, TODAY.plusDays(60), null).note(5, TODAY.minusDays(2))
                // Green, review in 60 days, no status ever written
                .customer(6, "Fourth Coffee").colour(6, GREEN).reviews(6, TODAY.plusDays(60), null)
                // Red, review in 3 days, status a month old (due after two weeks)
                .customer(7, "Graphic Design").colour(7, RED).reviews(7, TODAY.plusDays(3), null)
                .note(7, TODAY.minusDays(32))
                // Red, review in 10 days, status fresh: not in the queue with a week's look-ahead
                .customer(8, "Humongous").colour(8, RED).reviews(8, TODAY.plusDays(10), null).note(8, TODAY.minusDays(1));
    }

    @Test
    void customersAreOrderedByOverdueDaysThenColourThenStaleness() {
        List<ReviewItem> items = queue.build(world().source(), TODAY);

        assertThat(items).extracting(item -> item.customer().name()).containsExactly(
                "Datum", "Adatum", "Bellows", "Coho", "Graphic Design", "Fourth Coffee");
    }

    @Test
    void eachItemSaysWhyInWords() {
        List<ReviewItem> items = queue.build(world().source(), TODAY);

        assertThat(items.get(0).reasons()).containsExactly(
                "No review has been recorded and no next review date is set.",
                "No Enterprise Status has been written.");
        assertThat(items.get(1).reason()).isEqualTo("Review overdue by 10 days (due 23 April 2021).");
        assertThat(items.get(4).reasons()).containsExactly(
                "Review due in 3 days (6 May 2021).",
                "Enterprise Status is stale: last updated 1 April 2021 (32 days ago); an update was due 15 April 2021.");
        assertThat(items.get(5).reasons()).containsExactly("No Enterprise Status has been written.");
    }

    @Test
    void aGreenCustomersStatusIsFreshForAQuarterARedOnesForTwoWeeks() {
        ReviewWorld world = new ReviewWorld()
                .customer(1, "Red, status 20 days old").colour(1, RED).reviews(1, TODAY.plusDays(30), null)
                .note(1, TODAY.minusDays(20))
                .customer(2, "Green, status 20 days old").colour(2, GREEN).reviews(2, TODAY.plusDays(30), null)
                .note(2, TODAY.minusDays(20));

        assertThat(queue.build(world.source(), TODAY)).extracting(ReviewItem::tpid).containsExactly(1L);
    }

    @Test
    void theNextReviewFollowsThePreviousOneByTheCadenceWhenNoDateIsSet() {
        ReviewWorld world = new ReviewWorld()
                .customer(1, "Yellow reviewed 15 days ago").colour(1, YELLOW).reviews(1, null, TODAY.minusDays(15))
                .note(1, TODAY)
                .customer(2, "Blue reviewed 15 days ago").colour(2, BLUE).reviews(2, null, TODAY.minusDays(15))
                .note(2, TODAY);

        List<ReviewItem> items = queue.build(world.source(), TODAY);

        assertThat(items).extracting(ReviewItem::tpid).containsExactly(1L);
        assertThat(items.get(0).reason()).isEqualTo("Review overdue by 1 day (due 2 May 2021).");
    }

    @Test
    void aReviewDueTodayIsDueButNotOverdue() {
        ReviewWorld world = new ReviewWorld().customer(1, "Today").colour(1, GREEN).reviews(1, TODAY, null).note(1, TODAY);

        ReviewItem item = queue.build(world.source(), TODAY).get(0);

        assertThat(item.reviewOverdue()).isFalse();
        assertThat(item.statusStale()).isFalse();
        assertThat(item.reason()).isEqualTo("Review due today.");
    }

    @Test
    void theLookAheadDecidesWhichUpcomingReviewsAreIn() {
        ReviewQueue noLookAhead = new ReviewQueue(HealthRules.defaults(), ZoneOffset.UTC, 0);
        ReviewQueue twoWeeks = new ReviewQueue(HealthRules.defaults(), ZoneOffset.UTC, 14);

        assertThat(noLookAhead.build(world().source(), TODAY)).extracting(ReviewItem::tpid)
                .containsExactly(4L, 1L, 2L, 3L, 7L, 6L); // 7 stays: its status is stale
        assertThat(twoWeeks.build(world().source(), TODAY)).extracting(ReviewItem::tpid)
                .containsExactly(4L, 1L, 2L, 3L, 7L, 8L, 6L);
    }

    @Test
    void anUnmeasuredCustomerComesAfterRedAndBeforeYellow() {
        ReviewWorld world = new ReviewWorld()
                .customer(1, "Yellow").colour(1, YELLOW).reviews(1, TODAY.minusDays(5), null).note(1, TODAY)
                .customer(2, "Unmeasured").reviews(2, TODAY.minusDays(5), null).note(2, TODAY)
                .customer(3, "Red").colour(3, RED).reviews(3, TODAY.minusDays(5), null).note(3, TODAY);

        assertThat(queue.build(world.source(), TODAY)).extracting(ReviewItem::tpid).containsExactly(3L, 2L, 1L);
    }

    @Test
    void upcomingReviewsGoByDueDateWithColourOnlyBreakingTies() {
        ReviewWorld world = new ReviewWorld()
                .customer(1, "Red in six days").colour(1, RED).reviews(1, TODAY.plusDays(6), null).note(1, TODAY)
                .customer(2, "Blue today").colour(2, BLUE).reviews(2, TODAY, null).note(2, TODAY)
                .customer(3, "Green in two days").colour(3, GREEN).reviews(3, TODAY.plusDays(2), null).note(3, TODAY)
                .customer(4, "Red in two days").colour(4, RED).reviews(4, TODAY.plusDays(2), null).note(4, TODAY)
                .customer(5, "Green a day late").colour(5, GREEN).reviews(5, TODAY.minusDays(1), null).note(5, TODAY);

        assertThat(queue.build(world.source(), TODAY)).extracting(ReviewItem::tpid).containsExactly(5L, 2L, 4L, 3L, 1L);
    }

    @Test
    void withEqualOverdueDaysAndColourTheOlderStatusComesFirst() {
        ReviewWorld world = new ReviewWorld()
                .customer(1, "Recent").colour(1, RED).reviews(1, TODAY.minusDays(5), null).note(1, TODAY.minusDays(20))
                .customer(2, "Never").colour(2, RED).reviews(2, TODAY.minusDays(5), null)
                .customer(3, "Old").colour(3, RED).reviews(3, TODAY.minusDays(5), null).note(3, TODAY.minusDays(40));

        assertThat(queue.build(world.source(), TODAY)).extracting(ReviewItem::tpid).containsExactly(2L, 3L, 1L);
    }

    @Test
    void aScopeLimitsTheQueueToSomeCustomers() {
        List<ReviewItem> items = queue.build(world().source(), TODAY, c -> c.tpid() % 2 == 1);

        assertThat(items).extracting(ReviewItem::tpid).containsExactly(1L, 3L, 7L);
    }

    @Test
    void assessingACustomerThatNeedsNothingGivesNoReasons() {
        ReviewSource source = world().source();

        ReviewItem esker = queue.assess(source.customer(5).orElseThrow(), source, TODAY);

        assertThat(esker.reasons()).isEmpty();
        assertThat(esker.overall()).contains(BLUE);
        assertThat(esker.review().daysRemaining()).hasValue(60);
    }

    @Test
    void aNegativeLookAheadIsRefused() {
        assertThatThrownBy(() -> new ReviewQueue(HealthRules.defaults(), ZoneOffset.UTC, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
    }
}
