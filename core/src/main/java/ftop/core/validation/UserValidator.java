package ftop.core.validation;

import ftop.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a {@link User} must satisfy before it is saved: a user ID of lowercase letters,
 * digits, dots and dashes (starting and ending with a letter or digit, at most
 * {@link Limits#USER_ID_MAX} characters); a display name; an e-mail address, when given, that
 * looks like one.
 */
final class UserValidator {

    private static final Pattern USER_ID = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

    private UserValidator() {
    }

    static List<Problem> validate(User user, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        String id = user.userId();
        if (id.isBlank()) {
            problems.add(new Problem("userId", "User ID is required, e.g. megan.bowen."));
        } else if (id.length() > Limits.USER_ID_MAX) {
            FieldChecks.maxLength(problems, "userId", "User ID", id, Limits.USER_ID_MAX);
        } else if (!USER_ID.matcher(id).matches()) {
            problems.add(new Problem("userId", "User ID \"" + id + "\" may only hold lowercase letters, digits, dots "
                    + "and dashes, and must start and end with a letter or digit, e.g. megan.bowen."));
        }
        FieldChecks.requiredText(problems, "displayName", "Display name", user.displayName(), Limits.DISPLAY_NAME_MAX);
        FieldChecks.email(problems, "email", "E-mail", user.email());
        return problems;
    }
}
