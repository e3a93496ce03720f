package ftop.app.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import ftop.app.edit.RowMarks;
import ftop.app.edit.ValueText;
import ftop.app.widgets.FieldMarker;
import ftop.app.widgets.PencilSection;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;

/**
 * The marks on the fields of one pencil section: an edit the server refused or that conflicts (with
 * Keep mine / Discard, Send again once it could pass, Keep mine / Take theirs), and, while the
 * section is open, a notice on each field someone else changed meanwhile. A live change never
 * touches what the person typed: the notice offers to take the new value, or to keep theirs.
 */
final class SectionMarks {

    private final PencilSection section;
    private final Map<String, FieldRow> rows;
    private final EntityKind kind;
    private final CustomerViewModel model;
    /** The row's fields when the edit began; empty while the section is read-only. */
    private Map<String, JsonNode> base = Map.of();
    /** Live changes the person already answered, by field: not shown again for the same value. */
    private final Map<String, JsonNode> answered = new HashMap<>();
    private Object shown;
    private RowMarks marks = RowMarks.NONE;

    SectionMarks(PencilSection section, Map<String, FieldRow> rows, EntityKind kind, CustomerViewModel model) {
        this.section = section;
        this.rows = rows;
        this.kind = kind;
        this.model = model;
        section.editingProperty().addListener((obs, was, editing) -> {
            if (!editing) {
                base = Map.of();
                answered.clear();
                refresh();
            }
        });
    }

    /** The edit begins on {@code row}: later changes of it are live changes. */
    void began(Object row) {
        base = EntityCodec.fields(row);
        answered.clear();
        refresh();
    }

    /** Shows {@code row} as saved now, with {@code rowMarks}. */
    void show(Object row, RowMarks rowMarks) {
        shown = row;
        marks = Objects.requireNonNull(rowMarks, "rowMarks");
        refresh();
    }

    private void refresh() {
        Map<String, JsonNode> now = shown == null ? Map.of() : EntityCodec.fields(shown);
        rows.forEach((field, row) -> {
            var problem = marks.problem(field);
            if (problem.isPresent()) {
                showProblem(row, problem.get());
                return;
            }
            JsonNode was = base.get(field);
            JsonNode is = now.getOrDefault(field, NullNode.getInstance());
            boolean changed = section.isEditing() && was != null && !canonical(was).equals(canonical(is))
                    && !canonical(is).equals(answered.get(field));
            if (changed) {
                showChange(field, row, is);
            } else {
                row.marker.clear();
            }
        });
    }

    private void showChange(String field, FieldRow row, JsonNode theirs) {
        String who = marks.lastChangedBy().getOrDefault(field, "someone else");
        row.marker.show(FieldMarker.Kind.CHANGED, "Changed by " + who + " while you were editing: "
                + ValueText.of(kind, field, theirs), List.of(
                new FieldMarker.Action("UseTheirs", "Use theirs", false, () -> {
                    row.showDraftText(theirs.isNull() ? "" : theirs.asText());
                    answer(field, theirs);
                }),
                new FieldMarker.Action("KeepTyped", "Keep mine", false, () -> answer(field, theirs))));
    }

    private void answer(String field, JsonNode theirs) {
        answered.put(field, canonical(theirs));
        refresh();
    }

    private void showProblem(FieldRow row, RowMarks.Mark mark) {
        ProblemMarks.show(row.marker, mark, model, section::setMessage);
    }

    private static JsonNode canonical(JsonNode value) {
        return value == null ? NullNode.getInstance() : EntityCodec.canonical(value);
    }
}
