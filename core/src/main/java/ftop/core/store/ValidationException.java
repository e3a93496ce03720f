package ftop.core.store;

import ftop.core.validation.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A save was refused because the row breaks validation rules. Nothing was written. The problems
 * name the fields concerned, so a form can show each one where it belongs.
 */
public class ValidationException extends RuntimeException {

    private final List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A validation failure needs at least one problem");
        }
        return problems.stream().map(Problem::message).collect(Collectors.joining("; "));
    }
}
