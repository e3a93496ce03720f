package ftop.app.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.edit.LiveMarksModel;
import ftop.core.change.EntityKind;
import ftop.core.store.RemoteChange;

/**
 * "Updated by Lee Gu just now" in the header of each Customer tab section whose rows someone else
 * changed lately: the health form's two sections (by the fields changed), Enterprise Status,
 * contacts, workload health, forecast, tenants and assignments. A click in the section (opening it
 * to edit, say) clears its mark; so do ten minutes. Ids: {@code <card id>LiveMark}.
 */
final class SectionLiveMarks {

    private record Marked(VBox card, Label label, Predicate<RemoteChange> rows) {
    }

    private final LiveMarksModel model;
    private final LongSupplier shownTpid;
    private final List<Marked> sections = new ArrayList<>();

    /** @param shownTpid the customer shown, or a negative number when none */
    SectionLiveMarks(LiveMarksModel model, LongSupplier shownTpid) {
        this.model = model;
        this.shownTpid = shownTpid;
        model.versionProperty().addListener((obs, old, now) -> refresh());
    }

    /** The rows of {@code kind}. */
    static Predicate<RemoteChange> of(EntityKind kind) {
        return change -> change.kind() == kind;
    }

    /**
     * The customer's health rows whose change touched a field starting with {@code prefix}; a change
     * whose fields are not known (the row was new here) touches every section of the row.
     */
    static Predicate<RemoteChange> healthFields(String prefix) {
        return change -> change.kind() == EntityKind.HEALTH
                && (change.fields().isEmpty() || change.fields().stream().anyMatch(f -> f.startsWith(prefix)));
    }

    /**
     * Marks {@code card} (a section whose first child is its header row, as {@link Cards#dress} and
     * {@link ftop.app.widgets.PencilSection} make them) for changes of the rows {@code rows} accepts.
     */
    void add(VBox card, Predicate<RemoteChange> rows) {
        Label label = new Label(null, new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
        label.setId(card.getId() + "LiveMark");
        label.getStyleClass().addAll("live-mark-text", Styles.TEXT_SMALL);
        label.setVisible(false);
        label.managedProperty().bind(label.visibleProperty());
        ((HBox) card.getChildren().get(0)).getChildren().add(1, label);
        Marked marked = new Marked(card, label, rows);
        sections.add(marked);
        // looking into the section (its pencil, a field, a button), by mouse or by keyboard, is what
        // the mark asked for
        card.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> see(card, rows));
        card.focusWithinProperty().addListener((obs, was, within) -> {
            if (within) {
                see(card, rows);
            }
        });
    }

    private void see(VBox card, Predicate<RemoteChange> rows) {
        long tpid = shownTpid.getAsLong();
        if (tpid >= 0) {
            model.seeSection(tpid, card.getId(), rows);
        }
    }

    /** Writes every section's mark again for the customer shown now. */
    void refresh() {
        long tpid = shownTpid.getAsLong();
        for (Marked marked : sections) {
            Optional<LiveMarksModel.Mark> mark = tpid < 0 ? Optional.empty()
                    : model.sectionMark(tpid, marked.card().getId(), marked.rows());
            marked.label().setText(mark.map(LiveMarksModel.Mark::text).orElse(""));
            marked.label().setVisible(mark.isPresent());
        }
    }
}
