package ftop.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DateInputTest {

    @Test
    void readsTheFormsPeopleType() {
        LocalDate may17 = LocalDate.of(2021, 5, 17);
        assertThat(DateInput.parse("May 17, 2021")).contains(may17);
        assertThat(DateInput.parse("  2021-05-17 ")).contains(may17);
        assertThat(DateInput.parse("5/17/2021")).contains(may17);
        assertThat(DateInput.parse("May 17, 2021")).contains(LocalDate.parse(DateText.of(may17), java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.US)));
    }

    @Test
    void blankIsNoDate() {
        assertThat(DateInput.parse("")).isEmpty();
        assertThat(DateInput.parse("   ")).isEmpty();
        assertThat(DateInput.parse(null)).isEmpty();
    }

    @Test
    void refusesWhatIsNotADateWithTheFormsItAccepts() {
        assertThatThrownBy(() -> DateInput.parse("next week")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"next week\" is not a date").hasMessageContaining("2021-05-17");
        assertThatThrownBy(() -> DateInput.parse("2021-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DateInput.parse("13/1/2021")).isInstanceOf(IllegalArgumentException.class);
    }
}
