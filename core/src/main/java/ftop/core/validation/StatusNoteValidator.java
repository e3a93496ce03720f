package ftop.core.validation;

import ftop.core.status.EnterpriseStatusNote;
import java.util.ArrayList;
import java.util.List;

/** The rules a {@link EnterpriseStatusNote} must satisfy before it is saved. */
final class StatusNoteValidator {

    private StatusNoteValidator() {
    }

    static List<Problem> validate(EnterpriseStatusNote note, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }
}
