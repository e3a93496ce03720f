package ftop.core.validation;

import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.CustomerProgress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules a {@link CustomerHealth} must satisfy before it is saved.
 *
 * <ul>
 *   <li>the customer exists;</li>
 *   <li>every date lies within {@link Limits#EARLIEST_DATE} .. {@link Limits#LATEST_DATE};</li>
 *   <li>the Previous Review Date is not in the future (it records a review that happened);</li>
 *   <li>the Next Review Date is not before the Previous Review Date (the same day is allowed);</li>
 *   <li>the Success Owner is one of the customer's contacts, and a customer contact rather than
 *       a Microsoft one.</li>
 * </ul>
 *
 * <p>Deliberately not refused: an Expected Progress Due or a Completion Date before the Previous
 * Review Date, and a Next Review Date in the past. A project may well have completed before the
 * last review, and a past milestone or review date is stale rather than wrong: the review cadence
 * flags the customer as overdue, which is what should prompt the update. Refusing them would
 * also block saving the other section of the form, which the health owner may not be editing.
 */
final class HealthValidator {

    private HealthValidator() {
    }

    static List<Problem> validate(CustomerHealth health, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        FieldChecks.customerExists(problems, "tpid", health.tpid(), context);
        progress(problems, health.progress(), context.today());
        perspective(problems, health.tpid(), health.perspective(), context);
        return problems;
    }

    private static void progress(List<Problem> problems, CustomerProgress progress, LocalDate today) {
        FieldChecks.dateInRange(problems, "progress.expectedProgressDue", "Expected Progress Due",
                progress.expectedProgressDue());
        boolean nextOk = FieldChecks.dateInRange(problems, "progress.nextReviewDate", "Next Review Date",
                progress.nextReviewDate());
        boolean previousOk = FieldChecks.dateInRange(problems, "progress.previousReviewDate", "Previous Review Date",
                progress.previousReviewDate());
        Optional<LocalDate> previous = progress.previousReviewDate();
        if (previous.isPresent() && previousOk) {
            FieldChecks.notInFuture(problems, "progress.previousReviewDate", "Previous Review Date", previous.get(), today);
        }
        Optional<LocalDate> next = progress.nextReviewDate();
        if (next.isPresent() && previous.isPresent() && nextOk && previousOk && next.get().isBefore(previous.get())) {
            problems.add(new Problem("progress.nextReviewDate", "Next Review Date " + next.get()
                    + " is before the Previous Review Date " + previous.get() + "; the next review comes after the last one."));
        }
    }

    private static void perspective(List<Problem> problems, long tpid, CustomerPerspective perspective,
            ValidationContext context) {
        FieldChecks.dateInRange(problems, "perspective.completionDate", "Completion Date", perspective.completionDate());
        if (perspective.successOwner().isEmpty()) {
            return;
        }
        UUID owner = perspective.successOwner().get();
        Optional<Contact> contact = context.contactsOf(tpid).stream().filter(c -> c.id().equals(owner)).findFirst();
        if (contact.isEmpty()) {
            problems.add(new Problem("perspective.successOwner",
                    "The Success Owner must be one of this customer's contacts; add the person in Contacts first."));
        } else if (contact.get().kind() != ContactKind.CUSTOMER) {
            problems.add(new Problem("perspective.successOwner", contact.get().name()
                    + " is a Microsoft contact; the Success Owner is the customer contact who owns the success of the onboarding project."));
        }
    }
}
