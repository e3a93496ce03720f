package ftop.core.validation;

import ftop.core.contact.Contact;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a {@link Contact} must satisfy before it is saved: the customer exists; a name of at
 * most {@link Limits#CONTACT_NAME_MAX} characters; an e-mail address, when given, that looks like
 * one; a free-text Title of at most {@link Limits#CONTACT_TITLE_MAX} characters; a phone number of
 * at most {@link Limits#PHONE_MAX} characters.
 */
final class ContactValidator {

    private ContactValidator() {
    }

    static List<Problem> validate(Contact contact, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        FieldChecks.customerExists(problems, "tpid", contact.tpid(), context);
        FieldChecks.requiredText(problems, "name", "Name", contact.name(), Limits.CONTACT_NAME_MAX);
        FieldChecks.email(problems, "email", "E-mail", contact.email());
        FieldChecks.maxLength(problems, "title", "Title", contact.title(), Limits.CONTACT_TITLE_MAX);
        FieldChecks.maxLength(problems, "phone", "Phone", contact.phone(), Limits.PHONE_MAX);
        return problems;
    }
}
