package ftop.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.CustomerProgress;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HealthValidatorTest {

    private final InMemoryValidationContext context = Contoso.context();

    private List<Problem> validate(CustomerHealth health) {
        return Validator.validate(health, context);
    }

    private static CustomerHealth withDates(LocalDate expectedDue, LocalDate next, LocalDate previous) {
        CustomerProgress p = Contoso.health().progress();
        return Contoso.health().withProgress(new CustomerProgress(p.status(), Optional.ofNullable(expectedDue),
                p.expectedHealth(), Optional.ofNullable(next), Optional.ofNullable(previous), p.cxpWatchlist(),
                p.region(), p.vertical()));
    }

    private static CustomerHealth withPerspective(LocalDate completion, UUID successOwner) {
        CustomerPerspective p = Contoso.health().perspective();
        return Contoso.health().withPerspective(new CustomerPerspective(p.mindset(), Optional.ofNullable(completion),
                p.businessReason(), Optional.ofNullable(successOwner)));
    }

    @Test
    void aCompleteHealthRecordIsValid() {
        assertThat(validate(Contoso.health())).isEmpty();
    }

    @Test
    void anEmptyHealthRecordIsValid() {
        assertThat(validate(CustomerHealth.empty(Contoso.TPID))).isEmpty();
    }

    @Test
    void theCustomerMustExist() {
        List<Problem> problems = validate(CustomerHealth.empty(4242));

        assertThat(problems).extracting(Problem::field).containsExactly("tpid");
        assertThat(problems.get(0).message()).contains("4242");
    }

    @Test
    void nextReviewBeforePreviousReviewIsRefused() {
        List<Problem> problems = validate(withDates(null, LocalDate.of(2021, 4, 30), LocalDate.of(2021, 5, 1)));

        assertThat(problems).extracting(Problem::field).containsExactly("progress.nextReviewDate");
        assertThat(problems.get(0).message()).contains("2021-04-30").contains("2021-05-01");
    }

    @Test
    void nextReviewOnTheDayOfThePreviousIsAllowed() {
        assertThat(validate(withDates(null, LocalDate.of(2021, 5, 1), LocalDate.of(2021, 5, 1)))).isEmpty();
    }

    @Test
    void previousReviewInTheFutureIsRefused() {
        assertThat(validate(withDates(null, LocalDate.of(2021, 6, 1), Contoso.TODAY.plusDays(1))))
                .extracting(Problem::field).containsExactly("progress.previousReviewDate");
        assertThat(validate(withDates(null, LocalDate.of(2021, 6, 1), Contoso.TODAY))).isEmpty();
    }

    @Test
    void datesOutOfRangeAreRefusedEachAtItsField() {
        List<Problem> problems = validate(withDates(LocalDate.of(2101, 1, 1), LocalDate.of(2101, 1, 1),
                LocalDate.of(1999, 12, 31)));

        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder(
                "progress.expectedProgressDue", "progress.nextReviewDate", "progress.previousReviewDate");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("2000-01-01").contains("2100-12-31"));
        assertThat(validate(withPerspective(LocalDate.of(1999, 1, 1), null)))
                .extracting(Problem::field).containsExactly("perspective.completionDate");
    }

    @Test
    void theRangeBoundariesThemselvesAreAllowed() {
        assertThat(validate(withDates(Limits.LATEST_DATE, Limits.LATEST_DATE, Limits.EARLIEST_DATE))).isEmpty();
    }

    @Test
    void staleMilestonesAndPastReviewDatesAreAllowed() {
        // Expected Progress Due and Completion Date before the previous review, next review already past:
        // stale rather than wrong, flagged by the review cadence instead.
        assertThat(validate(withDates(LocalDate.of(2021, 1, 15), LocalDate.of(2021, 4, 1), LocalDate.of(2021, 3, 1))))
                .isEmpty();
        assertThat(validate(withPerspective(LocalDate.of(2020, 1, 1), Contoso.CUSTOMER_CONTACT_ID))).isEmpty();
    }

    @Test
    void successOwnerMustBeOneOfTheCustomersContacts() {
        List<Problem> unknown = validate(withPerspective(null, UUID.randomUUID()));
        List<Problem> otherCustomers = validate(withPerspective(null, Contoso.FABRIKAM_CONTACT_ID));

        assertThat(unknown).extracting(Problem::field).containsExactly("perspective.successOwner");
        assertThat(unknown.get(0).message()).contains("contacts");
        assertThat(otherCustomers).extracting(Problem::field).containsExactly("perspective.successOwner");
    }

    @Test
    void successOwnerMustBeACustomerContactNotAMicrosoftOne() {
        List<Problem> problems = validate(withPerspective(null, Contoso.MICROSOFT_CONTACT_ID));

        assertThat(problems).extracting(Problem::field).containsExactly("perspective.successOwner");
        assertThat(problems.get(0).message()).contains("Isaiah Langer").contains("Microsoft contact");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        CustomerHealth health = withDates(LocalDate.of(1990, 1, 1), LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 20));
        health = new CustomerHealth(4242, health.progress(), new CustomerPerspective(null, null, null,
                Optional.of(Contoso.MICROSOFT_CONTACT_ID)));

        assertThat(validate(health)).extracting(Problem::field).containsExactlyInAnyOrder(
                "tpid", "progress.expectedProgressDue", "progress.nextReviewDate", "perspective.successOwner");
    }
}
