package ftop.app.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import ftop.app.tasks.VirtualScheduler;

/** How long the notice after an edit shows, on virtual time. */
class EditNoticeTest {

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2021-05-03T09:00:00Z"));
    private final EditNotice notice = new EditNotice(time);

    @Test
    void itGoesAfterItsTimeAndANewEditStartsTheTimeAgain() {
        notice.show();
        time.advance(EditNotice.SHOWS.minusSeconds(2));
        notice.show();
        time.advance(Duration.ofSeconds(3));
        assertThat(notice.showingProperty().get()).as("the second edit has its own time").isTrue();
        time.advance(EditNotice.SHOWS);
        assertThat(notice.showingProperty().get()).isFalse();
        assertThat(time.waiting()).isZero();
    }

    @Test
    void itStaysWhileHeldAndGoesItsTimeAfterItIsLet() {
        notice.show();
        notice.hold(true);
        time.advance(EditNotice.SHOWS.multipliedBy(10));
        assertThat(notice.showingProperty().get()).isTrue();

        notice.hold(false);
        time.advance(EditNotice.SHOWS.minusSeconds(1));
        assertThat(notice.showingProperty().get()).isTrue();
        time.advance(Duration.ofSeconds(1));
        assertThat(notice.showingProperty().get()).isFalse();
    }

    @Test
    void hideTakesItAwayAtOnceAndCallsOffItsTime() {
        notice.show();
        notice.hide();
        assertThat(notice.showingProperty().get()).isFalse();
        assertThat(time.waiting()).isZero();
    }
}
