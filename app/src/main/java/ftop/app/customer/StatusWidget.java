package ftop.app.customer;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.DateText;
import ftop.app.widgets.FieldMarker;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;

/**
 * The Enterprise Status card: the latest Executive Summary, Risks and Awareness of the winner
 * tenant, when the next update is due by the cadence, the history newest first, and "Add new
 * status", which opens the winner tenant's tab with the focus in its new-status editor (the notes
 * live on the winner tenant). Notes are never edited in place: a new status is a new note.
 */
final class StatusWidget extends VBox {

    /** Older statuses shown before "Show all"; long histories would bury the cards below. */
    private static final int HISTORY_SHOWN = 3;

    private final Button add = new Button("Add new status", new FontIcon(Material2AL.ADD));
    private final Label due = new Label();
    private final VBox latest = new VBox(8);
    private final VBox history = new VBox(10);
    private final Label historyTitle = new Label();
    /** Holds the button so its tooltip shows while it is disabled (a disabled control shows none). */
    private final StackPane addHolder = new StackPane(add);
    private final Tooltip addTip = new Tooltip();
    private Consumer<Tenant> onAddStatus;
    private final Button more = new Button();
    private boolean showAll;
    private CustomerDetails details;
    private final CustomerViewModel model;
    /** A latest note the server did not take (a refusal, a conflict) says so under it. */
    private final FieldMarker latestMarker = new FieldMarker("latestNote");
    private final Label problem = new Label();

    StatusWidget(CustomerViewModel model) {
        this.model = model;
        model.latestNoteMarksProperty().addListener((obs, old, now) -> markLatest());
        add.setId("addStatusButton");
        add.getStyleClass().addAll(Styles.SMALL);
        add.managedProperty().bind(add.visibleProperty());
        add.setOnAction(e -> addStatus());
        addTip.setShowDelay(Duration.millis(300));
        Tooltip.install(addHolder, addTip);
        Cards.dress(this, "statusSection", "Enterprise Status", Material2MZ.SPEAKER_NOTES, addHolder);

        problem.setId("latestNoteProblem");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        due.setId("statusDue");
        latest.setId("statusLatest");
        history.setId("statusHistory");
        historyTitle.getStyleClass().add(Styles.TEXT_BOLD);

        more.setId("statusShowAll");
        more.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        more.setOnAction(e -> {
            showAll = !showAll;
            showHistory(details);
        });
        getChildren().addAll(due, latest, historyTitle, history);
        historyTitle.managedProperty().bind(historyTitle.visibleProperty());
    }

    void show(CustomerDetails fresh) {
        boolean sameCustomer = details != null && details.customer().tpid() == fresh.customer().tpid();
        if (!sameCustomer) {
            showAll = false;
        }
        details = fresh;
        updateAdd();
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
                    text("Awareness", note.awareness(), "latestAwareness"), latestMarker, problem);
        }
        markLatest();
        showHistory(fresh);
    }

    private void markLatest() {
        problem.setText("");
        model.latestNoteMarksProperty().get().problems().values().stream().findFirst().ifPresentOrElse(
                mark -> ProblemMarks.show(latestMarker, mark, model, problem::setText), latestMarker::clear);
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
        return DateText.of(note.createdAt().atZone(ZoneId.systemDefault()).toLocalDate()) + " by " + d.userName(note.author());
    }

    /**
     * What "Add new status" does with the winner tenant: open its tab with the focus in the
     * new-status editor. Until it is set the button is disabled.
     */
    void setOnAddStatus(Consumer<Tenant> action) {
        onAddStatus = action;
        updateAdd();
    }

    private void addStatus() {
        if (details != null && details.winner().isPresent() && details.editHealth().allowed() && onAddStatus != null) {
            onAddStatus.accept(details.winner().get());
        }
    }

    /** Enabled only for people who may add notes, on a customer with a winner tenant; else says why. */
    private void updateAdd() {
        String why;
        if (details == null) {
            why = "Pick a customer first.";
        } else if (details.winner().isEmpty()) {
            why = "This customer has no winner tenant: Enterprise Status is kept on the winner tenant, so one "
                    + "must be flagged first.";
        } else if (details.editHealth().denied()) {
            why = details.editHealth().reason();
        } else if (onAddStatus == null) {
            why = "Statuses are added in the winner tenant's tab, which cannot be opened here.";
        } else {
            why = null;
        }
        add.setDisable(why != null);
        addTip.setText(why != null ? why : "Write a new status on the winner tenant " + details.winner().get().name());
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
}
