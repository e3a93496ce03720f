package ftop.app.edit;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import ftop.app.widgets.DateText;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.FieldChange;
import ftop.core.store.FieldProblem;
import ftop.core.store.OutboxEntry;
import ftop.core.store.OutboxState;
import ftop.core.store.Rejections;
import ftop.core.store.WorkspaceReads;

/**
 * What a form shows beside the fields of one row, read in the background: the user's edits the
 * server did not take (each refusal checked again against the workspace as it is now, so its message
 * is never stale), and who last changed each field, for the notices of live changes.
 *
 * @param problems      by dotted field name
 * @param lastChangedBy the display name of who last changed each field, where the history says
 */
public record RowMarks(Map<String, Mark> problems, Map<String, String> lastChangedBy) {

    /**
     * One field's problem with the words to show.
     *
     * @param problem   the conflict or refusal
     * @param message   what to tell the user about it now
     * @param couldPass for a refusal: the rules that refused it allow it now
     */
    public record Mark(FieldProblem problem, String message, boolean couldPass) {
    }

    /** Nothing to mark. */
    public static final RowMarks NONE = new RowMarks(Map.of(), Map.of());

    public RowMarks {
        problems = Map.copyOf(problems);
        lastChangedBy = Map.copyOf(lastChangedBy);
    }

    /**
     * Reads the marks of row {@code kind}/{@code id} of customer {@code tpid} for {@code userId}. Not on
     * the FX thread.
     *
     * @param names display names by user id, for who changed what
     */
    public static RowMarks read(WorkspaceReads store, String userId, EntityKind kind, String id, long tpid, ZoneId zone,
            Map<String, String> names) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        List<OutboxEntry> entries = store.problems();
        Map<UUID, OutboxEntry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.mutation().id(), e));
        FieldProblem.of(entries, kind, id).forEach((field, problem) -> {
            if (problem.state() == OutboxState.REJECTED) {
                Rejections.Recheck now = Rejections.recheck(store, userId, byId.get(problem.mutationId()));
                marks.put(field, new Mark(problem, "Not saved on the server. " + now.message(), now.couldPass()));
            } else {
                marks.put(field, new Mark(problem, conflictText(kind, problem, names, zone), false));
            }
        });
        // only a change that put the value the row holds now names who made it
        Map<String, JsonNode> now = store.repository(kind.type()).get(id).map(EntityCodec::fields).orElse(Map.of());
        Map<String, String> changedBy = new HashMap<>();
        for (FieldChange change : store.history(tpid).entries()) {
            if (change.kind().equals(kind.wireName()) && change.entityId().equals(id)) {
                JsonNode value = now.get(change.field());
                if (value != null && EntityCodec.canonical(change.to()).equals(EntityCodec.canonical(value))) {
                    changedBy.put(change.field(), names.getOrDefault(change.userId(), change.userId()));
                } else {
                    changedBy.remove(change.field());
                }
            }
        }
        return new RowMarks(marks, changedBy);
    }

    public Optional<Mark> problem(String field) {
        return Optional.ofNullable(problems.get(field));
    }

    private static String conflictText(EntityKind kind, FieldProblem p, Map<String, String> names, ZoneId zone) {
        String who = p.changedBy().map(u -> names.getOrDefault(u, u)).orElse("Someone else");
        String when = p.changedAt().map(at -> " on " + DateText.of(at.atZone(zone).toLocalDate())).orElse("");
        return who + " saved " + ValueText.of(kind, p.field(), p.theirs()) + when + " while your change waited; "
                + "yours is " + ValueText.of(kind, p.field(), p.mine()) + ". Which one stays?";
    }
}
