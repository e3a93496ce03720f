package ftop.app.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CustomerChoiceTest {

    private final List<CustomerChoice> choices = List.of(
            new CustomerChoice(10404073, "Contoso"),
            new CustomerChoice(10408146, "Fabrikam"),
            new CustomerChoice(10412219, "Northwind Traders"),
            new CustomerChoice(10461095, "Trey Research"));

    @Test
    void searchFindsByAnyPartOfTheNameIgnoringCaseWithNamesStartingWithItFirst() {
        assertThat(CustomerChoice.search(choices, "tr", 10)).extracting(CustomerChoice::name)
                .containsExactly("Trey Research", "Northwind Traders");
        assertThat(CustomerChoice.search(choices, "FAB", 10)).extracting(CustomerChoice::name).containsExactly("Fabrikam");
    }

    @Test
    void searchFindsByTheStartOfTheTpid() {
        assertThat(CustomerChoice.search(choices, "10408", 10)).extracting(CustomerChoice::name)
                .containsExactly("Fabrikam");
        assertThat(CustomerChoice.search(choices, "104", 2)).hasSize(2);
        assertThat(CustomerChoice.search(choices, "4073", 10)).isEmpty();
    }

    @Test
    void exactAcceptsTheNameTheTpidOrHowThePickerShowsIt() {
        assertThat(CustomerChoice.exact(choices, " contoso ")).map(CustomerChoice::tpid).contains(10404073L);
        assertThat(CustomerChoice.exact(choices, "10412219")).map(CustomerChoice::name).contains("Northwind Traders");
        assertThat(CustomerChoice.exact(choices, "Trey Research (10461095)")).isPresent();
        assertThat(CustomerChoice.exact(choices, "Contos")).isEmpty();
    }
}
