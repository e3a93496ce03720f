package ftop.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** One date format across the app, following the locale: written, read back, and in messages. */
class DateTextTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2021, 6, 1);
    private final DateText us = DateText.forLocale(Locale.US);
    private final DateText uk = DateText.forLocale(Locale.UK);

    @Test
    void aDateReadsAsTheLocaleWritesIt() {
        assertThat(us.date(JUNE_1)).isEqualTo("Jun 1, 2021");
        assertThat(uk.date(JUNE_1)).isEqualTo("1 Jun 2021");
        assertThat(us.date(null)).isEmpty();
    }

    @Test
    void whatIsWrittenIsReadBackAndSoAreTheLocalesOtherForms() {
        for (DateText locale : new DateText[] {us, uk}) {
            assertThat(locale.read(locale.date(JUNE_1))).contains(JUNE_1);
            assertThat(locale.read("2021-06-01")).contains(JUNE_1);
        }
        assertThat(us.read("June 1, 2021")).contains(JUNE_1);
        assertThat(us.read("6/1/2021")).contains(JUNE_1);
        assertThat(uk.read("1 June 2021")).contains(JUNE_1);
        assertThat(uk.read("01/06/2021")).contains(JUNE_1);
        assertThat(uk.read("  ")).isEmpty();
    }

    @Test
    void whatIsNotADateIsRefusedWithAnExampleInTheLocalesForm() {
        assertThatThrownBy(() -> uk.read("next week")).hasMessage(
                "\"next week\" is not a date. Type a date such as 17 May 2021 or 2021-05-17.");
        assertThatThrownBy(() -> us.read("Feb 30, 2021")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> us.read("6/1/21")).as("a year in full").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesInMessagesReadAsInTheFields() {
        assertThat(us.dates("Next Review Date 2026-11-01 is before the Previous Review Date 2026-11-20."))
                .isEqualTo("Next Review Date Nov 1, 2026 is before the Previous Review Date Nov 20, 2026.");
        assertThat(uk.dates("use a date from 2000-01-01 to 2099-12-31."))
                .isEqualTo("use a date from 1 Jan 2000 to 31 Dec 2099.");
        assertThat(us.dates("TPID 2026-11 and 12026-11-015 are no dates")).isEqualTo(
                "TPID 2026-11 and 12026-11-015 are no dates");
    }

    @Test
    void timesAndShorterFormsFollowTheSameLocale() {
        LocalDateTime at = LocalDateTime.of(2021, 6, 1, 14, 5);
        assertThat(us.dateAndTime(at)).isEqualTo("Jun 1, 2021, 2:05 PM");
        assertThat(uk.dateAndTime(at)).isEqualTo("1 Jun 2021, 14:05");
    }
}
