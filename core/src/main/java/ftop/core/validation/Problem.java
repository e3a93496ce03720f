package ftop.core.validation;

import java.util.Objects;

/**
 * One thing wrong with a row, at the field it concerns, in words a field manager understands.
 *
 * @param field   the dotted field name ({@code progress.nextReviewDate}); empty for the whole row
 * @param message what is wrong and, where it helps, what would be right
 */
public record Problem(String field, String message) {

    public Problem {
        field = field == null ? "" : field;
        Objects.requireNonNull(message, "message");
    }
}
