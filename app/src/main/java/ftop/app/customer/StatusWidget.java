package ftop.app.customer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javafx.application.Platform;
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
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.DateText;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.validation.Limits;
import ftop.core.validation.Problem;

/**
 * The Enterprise Status card: the latest Executive Summary, Risks and Awareness of the winner
 * tenant, when the next update is due by the cadence, the history newest first, and "Add new
 * status", which opens the winner tenant's new-status editor with the focus in Executive Summary.
 * Notes are never edited in place: a new status is a new note.
 */
final class StatusWidget extends VBox {

    /** Older statuses shown before "Show all"; long histories would bury the cards below. */
    private static final int HISTORY_SHOWN = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    private final CustomerViewModel model;
    private final Button add = new Button("Add new status", new FontIcon(Material2AL.ADD));
    private final Label due = new Label();
    private final VBox latest = new VBox(8);
    private final VBox history = new VBox(10);
    private final Label historyTitle = new Label();
    private final VBox editor = new VBox(8);
    private final Label editorTitle = new Label();
    private final TextArea summary = area("newSummary", "Crisp executive summary: topics, progress, impact, next actions");
    private final TextArea risks = area("newRisks", "Risks, issues and blockers, and how they are handled");
    private final TextArea awareness = area("newAwareness", "What leadership needs to be aware of");
    private final Label summaryError = error("newSummaryError");
    private final Label risksError = error("newRisksError");
    private final Label awarenessError = error("newAwarenessError");
    private final Label editorMessage = error("statusMessage");
    private final Button save = new Button("Save status", new FontIcon(Material2MZ.SAVE));
    private final Button cancel = new Button("Cancel");
    private final Button more = new Button();
    private boolean showAll;
    private CustomerDetails details;

    StatusWidget(CustomerViewModel model) {
        this.model = model;
        add.setId("addStatusButton");
        add.getStyleClass().addAll(Styles.SMALL);
        add.managedProperty().bind(add.visibleProperty());
        add.setOnAction(e -> openEditor());
        Cards.dress(this, "statusSection", "Enterprise Status", Material2MZ.SPEAKER_NOTES, add);

        due.setId("statusDue");
        latest.setId("statusLatest");
        history.setId("statusHistory");
        historyTitle.getStyleClass().add(Styles.TEXT_BOLD);

        editor.setId("statusEditor");
        editor.getStyleClass().add("inline-editor");
        editorTitle.getStyleClass().add(Styles.TEXT_BOLD);
        save.setId("statusSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> saveNote());
        cancel.setId("statusCancel");
        cancel.setOnAction(e -> closeEditor());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        editor.getChildren().addAll(editorTitle,
                block("Executive Summary", summary, summaryError),
                block("Risks", risks, risksError),
                block("Awareness", awareness, awarenessError),
                editorMessage, buttons);
        editor.setVisible(false);
        editor.managedProperty().bind(editor.visibleProperty());

        more.setId("statusShowAll");
        more.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        more.setOnAction(e -> {
            showAll = !showAll;
            showHistory(details);
        });
        getChildren().addAll(due, editor, latest, historyTitle, history);
        historyTitle.managedProperty().bind(historyTitle.visibleProperty());
    }

    void show(CustomerDetails fresh) {
        boolean sameCustomer = details != null && details.customer().tpid() == fresh.customer().tpid();
        if (!sameCustomer) {
            closeEditor();
            showAll = false;
        }
        details = fresh;
        add.setVisible(fresh.editHealth().allowed() && fresh.winner().isPresent());
        showDue(fresh);
        latest.getChildren().clear();
        history.getChildren().clear();
        if (fresh.winner().isEmpty()) {
            latest.getChildren().add(Cards.muted("This customer has no winner tenant yet; Enterprise Status is kept "
                    + "on the winner tenant, so one must be flagged first."));
        } else if (fresh.latestNote().isEmpty()) {
            latest.getChildren().add(Cards.muted("No Enterprise Status yet on " + fresh.winner().get().name() + "."));
        } else {
            EnterpriseStatusNote note = fresh.latestNote().get();
            Label meta = new Label("Latest, " + written(note, fresh) + " on " + fresh.winner().get().name());
            meta.setId("statusLatestMeta");
            meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            latest.getChildren().addAll(meta,
                    text("Executive Summary", note.executiveSummary(), "latestSummary"),
                    text("Risks", note.risks(), "latestRisks"),
                    text("Awareness", note.awareness(), "latestAwareness"));
        }
        showHistory(fresh);
    }

    private void showHistory(CustomerDetails fresh) {
        history.getChildren().clear();
        List<EnterpriseStatusNote> older = fresh.notes().stream().skip(1).toList();
        historyTitle.setVisible(!older.isEmpty());
        historyTitle.setText("History (" + older.size() + " earlier " + (older.size() == 1 ? "status" : "statuses") + ")");
        int shown = showAll ? older.size() : Math.min(HISTORY_SHOWN, older.size());
        for (int i = 0; i < shown; i++) {
            EnterpriseStatusNote note = older.get(i);
            VBox entry = new VBox(3);
            entry.setId("statusHistory" + i);
            entry.getStyleClass().add("status-history-entry");
            Label meta = new Label(written(note, fresh));
            meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            entry.getChildren().add(meta);
            addIfAny(entry, "Executive Summary", note.executiveSummary());
            addIfAny(entry, "Risks", note.risks());
            addIfAny(entry, "Awareness", note.awareness());
            history.getChildren().add(entry);
        }
        if (older.size() > HISTORY_SHOWN) {
            more.setText(showAll ? "Show fewer" : "Show all " + older.size());
            history.getChildren().add(more);
        }
    }

    private void showDue(CustomerDetails d) {
        due.getStyleClass().remove("overdue");
        String cadence = d.assessment().overall().map(c -> c.label()).orElse("no usage data");
        if (d.statusDue().dueOn().isEmpty()) {
            due.getStyleClass().add("overdue");
            due.setGraphic(new FontIcon(Material2MZ.WARNING));
            due.setText("An update is due now: there is no Enterprise Status yet");
        } else if (d.statusDue().overdue()) {
            due.getStyleClass().add("overdue");
            due.setGraphic(new FontIcon(Material2MZ.WARNING));
            due.setText("Update overdue since " + DateText.of(d.statusDue().dueOn().get()) + " (" + cadence + " cadence)");
        } else {
            due.setGraphic(new FontIcon(Material2AL.EVENT));
            due.setText("Next update due " + DateText.of(d.statusDue().dueOn().get()) + " (" + cadence + " cadence)");
        }
    }

    private String written(EnterpriseStatusNote note, CustomerDetails d) {
        return WHEN.format(note.createdAt().atZone(ZoneId.systemDefault())) + " by " + d.userName(note.author());
    }

    /** Opens the new-status editor of the winner tenant, focus in Executive Summary. */
    void openEditor() {
        if (details == null || details.winner().isEmpty() || !details.editHealth().allowed()) {
            return;
        }
        if (!editor.isVisible()) {
            summary.clear();
            risks.clear();
            awareness.clear();
            clearErrors();
        }
        Tenant winner = details.winner().get();
        editorTitle.setText("New status on the winner tenant " + winner.name());
        editor.setVisible(true);
        Platform.runLater(summary::requestFocus);
    }

    void closeEditor() {
        editor.setVisible(false);
        clearErrors();
    }

    boolean hasUnsavedChanges() {
        return editor.isVisible()
                && !(summary.getText().isBlank() && risks.getText().isBlank() && awareness.getText().isBlank());
    }

    void discard() {
        closeEditor();
    }

    private void saveNote() {
        clearErrors();
        Tenant winner = details.winner().orElse(null);
        if (winner == null) {
            editorMessage.setText("This customer has no winner tenant; nothing was saved.");
            return;
        }
        EnterpriseStatusNote note = new EnterpriseStatusNote(UUID.randomUUID(), details.customer().tpid(),
                winner.tenantId(), summary.getText().strip(), risks.getText().strip(), awareness.getText().strip(),
                model.userId(), model.now());
        save.setDisable(true);
        model.save(note, () -> {
            save.setDisable(false);
            closeEditor();
        }, problems -> {
            save.setDisable(false);
            Map<String, Label> at = Map.of("executiveSummary", summaryError, "risks", risksError,
                    "awareness", awarenessError);
            List<String> rest = new ArrayList<>();
            for (Problem p : problems) {
                Label where = at.get(p.field());
                if (where != null) {
                    where.setText(p.message());
                    invalid(where == summaryError ? summary : where == risksError ? risks : awareness, true);
                } else {
                    rest.add(p.message());
                }
            }
            editorMessage.setText(rest.isEmpty() ? "Fix the fields marked in red, then Save again." : String.join(" ", rest));
        });
    }

    private void clearErrors() {
        for (Label l : List.of(summaryError, risksError, awarenessError, editorMessage)) {
            l.setText("");
        }
        for (TextArea a : List.of(summary, risks, awareness)) {
            invalid(a, false);
        }
    }

    private static void invalid(TextArea area, boolean bad) {
        area.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
        area.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), bad);
    }

    private static VBox block(String title, TextArea area, Label error) {
        Label label = new Label(title);
        label.setLabelFor(area);
        label.getStyleClass().add("field-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(label, spacer, Cards.limit(area, Limits.STATUS_TEXT_MAX));
        return new VBox(3, top, area, error);
    }

    private static VBox text(String title, String body, String id) {
        Label heading = new Label(title);
        heading.getStyleClass().add("field-label");
        Label value = new Label(body.isBlank() ? "—" : body);
        value.setId(id);
        value.setWrapText(true);
        value.getStyleClass().add("status-text");
        return new VBox(2, heading, value);
    }

    private static void addIfAny(VBox entry, String title, String body) {
        if (!body.isBlank()) {
            Label value = new Label(title + ": " + body);
            value.setWrapText(true);
            entry.getChildren().add(value);
        }
    }

    private static TextArea area(String id, String prompt) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setWrapText(true);
        area.setPrefRowCount(3);
        return area;
    }

    private static Label error(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().addAll("field-error", Styles.DANGER, Styles.TEXT_SMALL);
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    static Label errorLabel(String id) {
        return error(id);
    }
}
