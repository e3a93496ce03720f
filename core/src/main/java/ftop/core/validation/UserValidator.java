package ftop.core.validation;

import ftop.core.user.User;
import java.util.ArrayList;
import java.util.List;

/** The rules a {@link User} must satisfy before it is saved. */
final class UserValidator {

    private UserValidator() {
    }

    static List<Problem> validate(User user, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }
}
