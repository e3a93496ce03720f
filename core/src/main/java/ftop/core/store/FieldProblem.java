package ftop.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One field of a row that a local edit the server did not take is about: a conflict (someone else
 * changed it meanwhile) or a refusal. A form shows it at the field; the user settles it with the
 * {@link Outbox} methods and {@link #mutationId()}.
 *
 * @param field      the dotted field name
 * @param mutationId the outbox entry it belongs to
 * @param state      {@link OutboxState#CONFLICT} or {@link OutboxState#REJECTED}
 * @param mine       the user's value
 * @param theirs     the server's value, for a conflict; JSON null otherwise
 * @param changedBy  who saved the server's value, for a conflict, when known
 * @param changedAt  when, for a conflict, when known
 * @param message    the server's reason, for a refusal
 */
public record FieldProblem(String field, UUID mutationId, OutboxState state, JsonNode mine, JsonNode theirs,
                           Optional<String> changedBy, Optional<Instant> changedAt, Optional<String> message) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(mutationId, "mutationId");
        Objects.requireNonNull(state, "state");
        mine = mine == null ? NullNode.getInstance() : mine;
        theirs = theirs == null ? NullNode.getInstance() : theirs;
    }

    /**
     * The problems of the row {@code kind}/{@code id} among {@code problems} (as
     * {@link Outbox#problems()} lists them), by field. A refused edit marks every field it changed; a
     * conflict only the fields in conflict. When two entries touch a field, the newer one shows.
     */
    public static Map<String, FieldProblem> of(List<OutboxEntry> problems, EntityKind kind, String id) {
        Map<String, FieldProblem> byField = new LinkedHashMap<>();
        for (OutboxEntry entry : problems) {
            Mutation m = entry.mutation();
            if (m.kind() != kind || !m.entityId().equals(id)) {
                continue;
            }
            if (entry.state() == OutboxState.CONFLICT) {
                for (ConflictField c : entry.conflicts()) {
                    byField.put(c.field(), new FieldProblem(c.field(), m.id(), entry.state(), c.mine(), c.theirs(),
                            Optional.ofNullable(c.changedBy()), Optional.ofNullable(c.changedAt()), entry.message()));
                }
            } else if (entry.state() == OutboxState.REJECTED) {
                m.fields().forEach((field, value) -> byField.put(field, new FieldProblem(field, m.id(), entry.state(),
                        value, null, Optional.empty(), Optional.empty(), entry.message())));
            }
        }
        return byField;
    }
}
