package ftop.core.search;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One thing a search found, with what to show of it and where it opens.
 *
 * @param kind         what was found
 * @param id           its id within its kind (a TPID, tenant id, contact id or note id, as text)
 * @param tpid         the customer it belongs to
 * @param customerName the name of that customer; empty when the workspace no longer holds it
 * @param tenantId     the tenant to open: the tenant itself, or the winner tenant carrying a status note
 * @param title        the line to show first: a customer, tenant or contact name; a note's field label
 * @param field        which text {@code text} is, e.g. "Risks" or "E-mail"
 * @param text         the text that matched best, in full
 * @param writtenAt    when a status note was written
 * @param matchedWords the words of {@code title} and {@code text}, as written there, that the query
 *                     matched: what to highlight
 */
public record SearchHit(
        SearchKind kind,
        String id,
        long tpid,
        String customerName,
        Optional<UUID> tenantId,
        String title,
        String field,
        String text,
        Optional<Instant> writtenAt,
        Set<String> matchedWords) {

    public SearchHit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        customerName = customerName == null ? "" : customerName;
        tenantId = tenantId == null ? Optional.empty() : tenantId;
        title = title == null ? "" : title;
        field = field == null ? "" : field;
        text = text == null ? "" : text;
        writtenAt = writtenAt == null ? Optional.empty() : writtenAt;
        matchedWords = Set.copyOf(matchedWords);
    }
}
