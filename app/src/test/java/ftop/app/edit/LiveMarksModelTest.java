package ftop.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** What a mark says, as time goes by. */
class LiveMarksModelTest {

    private static final Instant AT = Instant.parse("2026-03-02T13:05:20Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static String textAfter(String who, long seconds) {
        return LiveMarksModel.text(who, AT, Clock.fixed(AT.plusSeconds(seconds), ZONE));
    }

    @Test
    void justNowThenMinutesThenTheTimeOfDay() {
        assertThat(textAfter("Lee Gu", 0)).isEqualTo("Updated by Lee Gu just now");
        assertThat(textAfter("Lee Gu", 59)).isEqualTo("Updated by Lee Gu just now");
        assertThat(textAfter("Lee Gu", 60)).isEqualTo("Updated by Lee Gu 1 min ago");
        assertThat(textAfter("Lee Gu", 5 * 60 + 30)).isEqualTo("Updated by Lee Gu 5 min ago");
        assertThat(textAfter("Lee Gu", 59 * 60 + 59)).isEqualTo("Updated by Lee Gu 59 min ago");
        // in the zone of the app's clock
        assertThat(textAfter("Lee Gu", 60 * 60)).isEqualTo("Updated by Lee Gu at 14:05");
    }

    @Test
    void aChangeStampedAheadOfTheDesktopsClockIsJustNow() {
        assertThat(textAfter("Lee Gu", -90)).isEqualTo("Updated by Lee Gu just now");
    }

    @Test
    void withoutANameItSaysOnlyWhen() {
        assertThat(textAfter("", 120)).isEqualTo("Updated 2 min ago");
        assertThat(textAfter(null, 0)).isEqualTo("Updated just now");
    }
}
