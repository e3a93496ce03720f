package ftop.core.status;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One Enterprise Status entry, kept on the winner tenant for the whole TPID. Entries are never
 * edited in place: a new status is a new note, and the history reads newest first.
 *
 * @param id               the note
 * @param tpid             the customer the note speaks for
 * @param tenantId         the winner tenant that carries it
 * @param executiveSummary crisp executive summary: topics, progress, impact, next actions
 * @param risks            risks, issues and blockers, and how they are being handled
 * @param awareness        what leadership needs to be aware of
 * @param author           user ID of the author
 * @param createdAt        when it was written
 */
public record EnterpriseStatusNote(
        UUID id,
        long tpid,
        UUID tenantId,
        String executiveSummary,
        String risks,
        String awareness,
        String author,
        Instant createdAt) {

    public EnterpriseStatusNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        executiveSummary = executiveSummary == null ? "" : executiveSummary;
        risks = risks == null ? "" : risks;
        awareness = awareness == null ? "" : awareness;
    }
}
