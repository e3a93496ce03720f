package ftop.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralsTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Plurals.count(1, "change")).isEqualTo("1 change");
        assertThat(Plurals.count(0, "change")).isEqualTo("0 changes");
        assertThat(Plurals.count(2, "edit")).isEqualTo("2 edits");
        assertThat(Plurals.noun(1, "customer")).isEqualTo("customer");
        assertThat(Plurals.noun(3, "customer")).isEqualTo("customers");
    }

    @Test
    void irregularNounsNameTheirPluralAndLargeCountsAreGrouped() {
        assertThat(Plurals.count(1, "entry", "entries")).isEqualTo("1 entry");
        assertThat(Plurals.count(2, "entry", "entries")).isEqualTo("2 entries");
        assertThat(Plurals.count(1500, "customer")).isEqualTo("1,500 customers");
    }
}
