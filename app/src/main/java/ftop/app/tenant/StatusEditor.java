package ftop.app.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.FieldError;
import ftop.core.validation.Limits;
import ftop.core.validation.Problem;

/**
 * The new-status editor of the winner tenant: Executive Summary, Risks and Awareness as the
 * playbook names them, Save and Cancel. It only collects the text: the owner saves it (core
 * validation, store and outbox in one transaction) and hands back the problems, which show at
 * their fields. Text over the limit is kept, not cut: the counter turns red and Save says why.
 */
final class StatusEditor extends VBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    /**
     * What the editor holds.
     *
     * @param executiveSummary crisp executive summary
     * @param risks            risks, issues and blockers
     * @param awareness        what leadership needs to be aware of
     */
    record Typed(String executiveSummary, String risks, String awareness) {

        boolean isEmpty() {
            return executiveSummary.isBlank() && risks.isBlank() && awareness.isBlank();
        }
    }

    /** Saves what was typed; calls back with no problems once it is stored, else with the problems. */
    interface Saver {
        void save(Typed typed, Consumer<List<Problem>> done);
    }

    private final TextArea summary = area("newSummary",
            "Crisp executive summary: high-level topics, progress within the account, impact, next actions");
    private final TextArea risks = area("newRisks",
            "Risks, issues and blockers that keep the customer from the next health score, and how they are handled");
    private final TextArea awareness = area("newAwareness",
            "What leadership needs to be aware of: strategy, partner activity, re-organisation, milestones");
    private final Label summaryError = FieldError.label("newSummaryError");
    private final Label risksError = FieldError.label("newRisksError");
    private final Label awarenessError = FieldError.label("newAwarenessError");
    private final Label message = FieldError.label("statusMessage");
    private final Button save = new Button("Save status", new FontIcon(Material2MZ.SAVE));
    private final Button cancel = new Button("Cancel");
    private final Label title = new Label();
    private final Label notice = new Label();
    private Saver saver = (typed, done) -> done.accept(List.of(new Problem("", "Nothing can be saved here.")));

    StatusEditor() {
        super(10);
        setId("statusEditor");
        getStyleClass().add("status-editor");
        title.setId("statusEditorTitle");
        title.getStyleClass().add(Styles.TEXT_MUTED);
        title.setWrapText(true);

        notice.setId("statusNotice");
        notice.getStyleClass().addAll("section-notice", Styles.TEXT_SMALL);
        notice.setGraphic(new FontIcon(Material2MZ.RESTORE_PAGE));
        notice.setWrapText(true);
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        save.setId("statusSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save(saved -> { }));
        cancel.setId("statusCancel");
        cancel.setOnAction(e -> clear());
        cancel.disableProperty().bind(save.disableProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, message, spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(message, Priority.SOMETIMES);

        getChildren().addAll(title, notice,
                block("Executive Summary", summary, summaryError),
                block("Risks", risks, risksError),
                block("Awareness", awareness, awarenessError),
                buttons);
    }

    /** Who saves what is typed, e.g. the view model of the tenant shown. */
    void setSaver(Saver saver) {
        this.saver = saver;
    }

    /** Names the tenant the status goes on. */
    void setTenant(String name) {
        title.setText("On the winner tenant " + name + ", for the whole customer: cover every tenant that "
                + "rolls up to the TPID.");
    }

    /** Puts the keyboard focus in the first field, Executive Summary. */
    void focusFirst() {
        summary.requestFocus();
    }

    /** True when something is typed that is not saved yet. */
    boolean hasUnsavedChanges() {
        return !typed().isEmpty();
    }

    /** Empties the fields and their messages; what Cancel does. */
    void clear() {
        summary.clear();
        risks.clear();
        awareness.clear();
        notice.setText("");
        clearErrors();
    }

    /** Calls {@code listener} after every change of what is typed. */
    void addChangeListener(Runnable listener) {
        for (TextArea area : List.of(summary, risks, awareness)) {
            area.textProperty().addListener((obs, old, now) -> listener.run());
        }
    }

    /** What the fields hold exactly as typed (not stripped), by field name; what a draft keeps. */
    Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("executiveSummary", summary.getText());
        texts.put("risks", risks.getText());
        texts.put("awareness", awareness.getText());
        return texts;
    }

    /** Puts a draft's texts back, with {@code why} shown above the fields ("Restored draft from 14:32"). */
    void restore(Map<String, String> texts, String why) {
        clearErrors();
        summary.setText(texts.getOrDefault("executiveSummary", ""));
        risks.setText(texts.getOrDefault("risks", ""));
        awareness.setText(texts.getOrDefault("awareness", ""));
        notice.setText(why);
    }

    /** The field with a problem, else Executive Summary: where the focus goes when the editor is revealed. */
    void focusProblemOrFirst() {
        List.of(summary, risks, awareness).stream().filter(a -> a.getPseudoClassStates().contains(INVALID))
                .findFirst().orElse(summary).requestFocus();
    }

    Typed typed() {
        return new Typed(summary.getText().strip(), risks.getText().strip(), awareness.getText().strip());
    }

    /** What Save does; {@code done} hears true once the note is stored, false when it was refused. */
    void save(Consumer<Boolean> done) {
        clearErrors();
        save.setDisable(true);
        saver.save(typed(), problems -> {
            save.setDisable(false);
            if (problems.isEmpty()) {
                clear();
                done.accept(true);
            } else {
                show(problems);
                done.accept(false);
            }
        });
    }

    private void show(List<Problem> problems) {
        Map<String, Label> at = Map.of("executiveSummary", summaryError, "risks", risksError, "awareness", awarenessError);
        Map<String, TextArea> input = Map.of("executiveSummary", summary, "risks", risks, "awareness", awareness);
        List<String> rest = new ArrayList<>();
        for (Problem p : problems) {
            Label where = at.get(p.field());
            if (where != null) {
                where.setText(where.getText().isEmpty() ? p.message() : where.getText() + " " + p.message());
                mark(input.get(p.field()), true);
            } else {
                rest.add(p.message());
            }
        }
        message.setText(rest.isEmpty() ? "Fix the fields marked in red, then Save again." : String.join(" ", rest));
        problems.stream().map(p -> input.get(p.field())).filter(a -> a != null).findFirst()
                .ifPresent(TextArea::requestFocus);
    }

    private void clearErrors() {
        for (Label l : List.of(summaryError, risksError, awarenessError, message)) {
            l.setText("");
        }
        for (TextArea a : List.of(summary, risks, awareness)) {
            mark(a, false);
        }
    }

    private static void mark(TextArea area, boolean bad) {
        // the border turns red (our stylesheet); the theme's danger state would turn the text red too
        area.pseudoClassStateChanged(INVALID, bad);
    }

    private static VBox block(String name, TextArea area, Label error) {
        Label label = new Label(name);
        label.setLabelFor(area);
        label.getStyleClass().add("field-label");
        Label counter = new Label();
        counter.setId(area.getId() + "Count");
        counter.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        counter.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.US, "%,d / %,d", area.getText().strip().length(),
                        Limits.STATUS_TEXT_MAX),
                area.textProperty()));
        // what is saved is the stripped text, so that is what counts
        area.textProperty().addListener((obs, old, now) -> {
            counter.getStyleClass().remove("field-error");
            if (now.strip().length() > Limits.STATUS_TEXT_MAX) {
                counter.getStyleClass().add("field-error");
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(label, spacer, counter);
        top.setAlignment(Pos.BOTTOM_LEFT);
        return new VBox(4, top, area, error);
    }

    private static TextArea area(String id, String prompt) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setWrapText(true);
        area.setPrefRowCount(3);
        return area;
    }
}
