package ftop.core.validation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The small checks many validators share, each adding a {@link Problem} when it fails. */
final class FieldChecks {

    /** Something@domain.tld, with no blanks; deliberately loose, the mail system has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private FieldChecks() {
    }

    /** A required text: not blank and at most {@code max} characters. */
    static void requiredText(List<Problem> problems, String field, String label, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, label + " is required."));
        } else {
            maxLength(problems, field, label, value, max);
        }
    }

    static void maxLength(List<Problem> problems, String field, String label, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, label + " is " + value.length() + " characters long; at most "
                    + max + " are allowed."));
        }
    }

    /** An optional e-mail address: fine when blank, otherwise name@domain with a length limit. */
    static void email(List<Problem> problems, String field, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.length() > Limits.EMAIL_MAX) {
            maxLength(problems, field, label, value, Limits.EMAIL_MAX);
        } else if (!EMAIL.matcher(value).matches()) {
            problems.add(new Problem(field, label + " \"" + value + "\" is not an e-mail address such as name@contoso.com."));
        }
    }

    /** A date within {@link Limits#EARLIEST_DATE} .. {@link Limits#LATEST_DATE}. */
    static boolean dateInRange(List<Problem> problems, String field, String label, Optional<LocalDate> value) {
        return value.isEmpty() || dateInRange(problems, field, label, value.get());
    }

    static boolean dateInRange(List<Problem> problems, String field, String label, LocalDate value) {
        if (value.isBefore(Limits.EARLIEST_DATE) || value.isAfter(Limits.LATEST_DATE)) {
            problems.add(new Problem(field, label + " " + value + " is out of range; use a date from "
                    + Limits.EARLIEST_DATE + " to " + Limits.LATEST_DATE + "."));
            return false;
        }
        return true;
    }

    /** A date that has already happened: not after today. */
    static void notInFuture(List<Problem> problems, String field, String label, LocalDate value, LocalDate today) {
        if (value.isAfter(today)) {
            problems.add(new Problem(field, label + " " + value + " is in the future; today is " + today + "."));
        }
    }

    /** The customer a row belongs to must exist. */
    static void customerExists(List<Problem> problems, String field, long tpid, ValidationContext context) {
        if (tpid <= 0) {
            problems.add(new Problem(field, "TPID must be a positive number, not " + tpid + "."));
        } else if (context.customer(tpid).isEmpty()) {
            problems.add(new Problem(field, "There is no customer with TPID " + tpid + "."));
        }
    }
}
