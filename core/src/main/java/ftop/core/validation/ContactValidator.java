package ftop.core.validation;

import ftop.core.contact.Contact;
import java.util.ArrayList;
import java.util.List;

/** The rules a {@link Contact} must satisfy before it is saved. */
final class ContactValidator {

    private ContactValidator() {
    }

    static List<Problem> validate(Contact contact, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }
}
