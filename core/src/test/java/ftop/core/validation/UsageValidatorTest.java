package ftop.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.health.Workload;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import ftop.core.usage.WorkloadUsage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageValidatorTest {

    private static List<Problem> usage(long tpid, long active, long entitled, LocalDate asOf) {
        return Validator.validate(new WorkloadUsage(tpid, Workload.INTUNE, active, entitled, asOf), Contoso.context());
    }

    private static List<Problem> forecast(long tpid, String quarter, long projected) {
        return Validator.validate(new Forecast(tpid, Workload.EXCHANGE, Quarter.parse(quarter), projected), Contoso.context());
    }

    @Test
    void validUsage() {
        assertThat(usage(Contoso.TPID, 0, 0, Contoso.TODAY)).isEmpty();
        assertThat(usage(Contoso.TPID, 1200, 1000, Contoso.TODAY.minusDays(3))).as("more active than entitled").isEmpty();
    }

    @Test
    void activeAndEntitledCannotBeNegative() {
        List<Problem> problems = usage(Contoso.TPID, -1, -2, Contoso.TODAY);

        assertThat(problems).extracting(Problem::field).containsExactly("active", "entitled");
        assertThat(problems.get(0).message()).contains("Intune").contains("-1");
    }

    @Test
    void usageDateIsInRangeAndNotInTheFuture() {
        assertThat(usage(Contoso.TPID, 1, 1, Contoso.TODAY.plusDays(1))).extracting(Problem::field).containsExactly("asOf");
        assertThat(usage(Contoso.TPID, 1, 1, LocalDate.of(1999, 6, 1))).extracting(Problem::field).containsExactly("asOf");
    }

    @Test
    void usageOfAnUnknownCustomerIsRefused() {
        assertThat(usage(4242, 1, 1, Contoso.TODAY)).extracting(Problem::field).containsExactly("tpid");
    }

    @Test
    void validForecasts() {
        assertThat(forecast(Contoso.TPID, "2021-Q2", 0)).isEmpty();
        assertThat(forecast(Contoso.TPID, "2020-Q1", 5000)).as("a past quarter, kept for history").isEmpty();
        assertThat(forecast(Contoso.TPID, "2000-Q1", 1)).isEmpty();
    }

    @Test
    void projectedUsageCannotBeNegative() {
        assertThat(forecast(Contoso.TPID, "2021-Q3", -10)).extracting(Problem::field).containsExactly("projectedActive");
    }

    @Test
    void theQuarterMustBeInRange() {
        // Today is in 2021-Q2: twelve quarters ahead is 2024-Q2.
        assertThat(forecast(Contoso.TPID, "2024-Q2", 1)).isEmpty();
        List<Problem> tooFar = forecast(Contoso.TPID, "2024-Q3", 1);
        assertThat(tooFar).extracting(Problem::field).containsExactly("quarter");
        assertThat(tooFar.get(0).message()).contains("2024-Q3").contains("2024-Q2");
        assertThat(forecast(Contoso.TPID, "1999-Q4", 1)).extracting(Problem::field).containsExactly("quarter");
    }

    @Test
    void forecastOfAnUnknownCustomerIsRefused() {
        assertThat(forecast(0, "2021-Q3", 1)).extracting(Problem::field).containsExactly("tpid");
    }
}
