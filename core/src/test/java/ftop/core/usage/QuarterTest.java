package ftop.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuarterTest {

    @ParameterizedTest
    @CsvSource({"2021-01-01, 2021-Q1", "2021-03-31, 2021-Q1", "2021-04-01, 2021-Q2", "2021-09-30, 2021-Q3",
        "2021-10-01, 2021-Q4", "2021-12-31, 2021-Q4"})
    void ofADate(LocalDate date, String quarter) {
        assertThat(Quarter.of(date)).hasToString(quarter);
    }

    @Test
    void parsesAndPrintsTheSameText() {
        assertThat(Quarter.parse("2021-Q2")).isEqualTo(new Quarter(2021, 2));
        assertThat(Quarter.parse(" 2021-Q2 ")).isEqualTo(new Quarter(2021, 2));
        assertThat(new Quarter(2021, 2)).hasToString("2021-Q2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2021-Q5", "2021-Q0", "2021Q2", "21-Q2", "2021-q2", "Q2-2021"})
    void refusesOtherText(String text) {
        assertThatThrownBy(() -> Quarter.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2021-Q2");
    }

    @Test
    void refusesNullAndQuartersOutsideOneToFour() {
        assertThatThrownBy(() -> Quarter.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quarter(2021, 5)).hasMessageContaining("5");
    }

    @Test
    void firstAndLastDays() {
        assertThat(new Quarter(2021, 1).firstDay()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(new Quarter(2021, 1).lastDay()).isEqualTo(LocalDate.of(2021, 3, 31));
        assertThat(new Quarter(2020, 4).lastDay()).isEqualTo(LocalDate.of(2020, 12, 31));
    }

    @Test
    void nextRollsOverTheYear() {
        assertThat(new Quarter(2021, 3).next()).isEqualTo(new Quarter(2021, 4));
        assertThat(new Quarter(2021, 4).next()).isEqualTo(new Quarter(2022, 1));
    }

    @Test
    void ordersByYearThenQuarter() {
        assertThat(new Quarter(2020, 4)).isLessThan(new Quarter(2021, 1));
        assertThat(new Quarter(2021, 2)).isGreaterThan(new Quarter(2021, 1));
        assertThat(new Quarter(2021, 2).compareTo(Quarter.parse("2021-Q2"))).isZero();
    }
}
