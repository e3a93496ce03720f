package ftop.core.validation;

import ftop.core.status.EnterpriseStatusGate;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules an {@link EnterpriseStatusNote} must satisfy before it is saved: at least one of
 * Executive Summary, Risks and Awareness written, each at most {@link Limits#STATUS_TEXT_MAX}
 * characters; an author; the customer exists and the note sits on the customer's winner tenant,
 * which carries the Enterprise Status for the whole TPID, and whose "Is Enterprise" flag is set
 * ({@link EnterpriseStatusGate}).
 */
final class StatusNoteValidator {

    private StatusNoteValidator() {
    }

    static List<Problem> validate(EnterpriseStatusNote note, ValidationContext context) {
        List<Problem> problems = new ArrayList<>();
        if (note.executiveSummary().isBlank() && note.risks().isBlank() && note.awareness().isBlank()) {
            problems.add(new Problem("executiveSummary",
                    "Write at least one of Executive Summary, Risks or Awareness; an empty status says nothing."));
        }
        FieldChecks.maxLength(problems, "executiveSummary", "Executive Summary", note.executiveSummary(), Limits.STATUS_TEXT_MAX);
        FieldChecks.maxLength(problems, "risks", "Risks", note.risks(), Limits.STATUS_TEXT_MAX);
        FieldChecks.maxLength(problems, "awareness", "Awareness", note.awareness(), Limits.STATUS_TEXT_MAX);
        if (note.author().isBlank()) {
            problems.add(new Problem("author", "The note needs an author."));
        }

        FieldChecks.customerExists(problems, "tpid", note.tpid(), context);
        Optional<Tenant> tenant = context.tenant(note.tenantId());
        if (tenant.isEmpty()) {
            problems.add(new Problem("tenantId", "There is no tenant " + note.tenantId() + "."));
        } else if (tenant.get().tpid() != note.tpid()) {
            problems.add(new Problem("tenantId", "Tenant " + tenant.get().name() + " belongs to customer "
                    + tenant.get().tpid() + ", not to " + note.tpid() + "."));
        } else if (!tenant.get().winner()) {
            String winner = context.tenantsOf(note.tpid()).stream().filter(Tenant::winner).map(Tenant::name)
                    .findFirst().map(name -> "; add it on the winner tenant " + name + ".")
                    .orElse("; this customer has no winner tenant yet, so one must be chosen first.");
            problems.add(new Problem("tenantId", "Enterprise Status is kept on the winner tenant, and "
                    + tenant.get().name() + " is not it" + winner));
        } else {
            EnterpriseStatusGate.disabledReason(tenant.get())
                    .ifPresent(reason -> problems.add(new Problem("tenantId", reason)));
        }
        return problems;
    }
}
