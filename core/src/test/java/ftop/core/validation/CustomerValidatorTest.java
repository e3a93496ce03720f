package ftop.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.customer.Customer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerValidatorTest {

    private static List<Problem> validate(long tpid, String name, String area, List<LocalDate> renewals) {
        Customer c = Contoso.CUSTOMER;
        return Validator.validate(new Customer(tpid, name, c.segment(), c.region(), c.vertical(), area, c.phase(), renewals),
                Contoso.context());
    }

    @Test
    void aValidCustomerHasNoProblems() {
        assertThat(Validator.validate(Contoso.CUSTOMER, Contoso.context())).isEmpty();
        assertThat(validate(1, "A", "", List.of())).isEmpty();
    }

    @Test
    void tpidMustBePositive() {
        assertThat(validate(0, "Contoso", "", List.of())).extracting(Problem::field).containsExactly("tpid");
        assertThat(validate(-5, "Contoso", "", List.of()).get(0).message()).contains("positive").contains("-5");
    }

    @Test
    void nameIsRequiredAndLimited() {
        assertThat(validate(7, " ", "", List.of())).extracting(Problem::field).containsExactly("name");
        assertThat(validate(7, "x".repeat(Limits.CUSTOMER_NAME_MAX), "", List.of())).isEmpty();
        List<Problem> tooLong = validate(7, "x".repeat(Limits.CUSTOMER_NAME_MAX + 1), "", List.of());
        assertThat(tooLong).extracting(Problem::field).containsExactly("name");
        assertThat(tooLong.get(0).message()).contains(String.valueOf(Limits.CUSTOMER_NAME_MAX));
    }

    @Test
    void areaIsLimited() {
        assertThat(validate(7, "Contoso", "x".repeat(Limits.AREA_MAX + 1), List.of()))
                .extracting(Problem::field).containsExactly("area");
    }

    @Test
    void renewalDatesMustBeInRange() {
        assertThat(validate(7, "Contoso", "", List.of(Limits.EARLIEST_DATE, Limits.LATEST_DATE))).isEmpty();
        List<Problem> problems = validate(7, "Contoso", "", List.of(LocalDate.of(1999, 12, 31), LocalDate.of(2101, 1, 1)));
        assertThat(problems).extracting(Problem::field).containsExactly("renewalDates", "renewalDates");
        assertThat(problems.get(0).message()).contains("1999-12-31");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(validate(0, "", "x".repeat(500), List.of(LocalDate.of(1900, 1, 1))))
                .extracting(Problem::field).containsExactly("tpid", "name", "area", "renewalDates");
    }
}
