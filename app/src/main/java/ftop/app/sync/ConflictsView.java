package ftop.app.sync;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.tasks.BackgroundTasks;
import ftop.core.change.EntityKind;
import ftop.core.store.ConflictField;
import ftop.core.store.LocalStore;
import ftop.core.store.OutboxEntry;
import ftop.core.store.OutboxState;

/**
 * The changes the server did not take: conflicts (the same field was changed on the server since)
 * with my value and theirs side by side, who changed theirs and when, and <b>Keep mine</b> /
 * <b>Take theirs</b>; rejected changes with the server's reason and <b>Discard</b>. Nothing leaves
 * the list until the user decides. Reads and decisions run in the background.
 */
public final class ConflictsView extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final LocalStore store;
    private final BackgroundTasks tasks;
    private final Runnable afterDecision;
    private final VBox list = new VBox(12);
    private final Label summary = new Label();
    private final Label error = new Label();

    /**
     * @param afterDecision runs (on the FX thread) after each decision, e.g. to sync right away
     */
    public ConflictsView(LocalStore store, BackgroundTasks tasks, Runnable afterDecision) {
        this.store = store;
        this.tasks = tasks;
        this.afterDecision = afterDecision;
        setId("conflictsView");
        getStyleClass().add("conflicts-view");
        summary.setId("conflictsSummary");
        summary.getStyleClass().add(Styles.TITLE_4);
        error.setId("conflictsError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        Button reload = new Button("Refresh", new FontIcon(Material2AL.AUTORENEW));
        reload.setId("conflictsRefresh");
        reload.getStyleClass().add(Styles.FLAT);
        reload.setOnAction(e -> reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, summary, spacer, reload);
        top.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(top, error, scroll);
        reload();
    }

    /** Reads the problems again. */
    public void reload() {
        tasks.run(() -> {
                    List<Problem> problems = new ArrayList<>();
                    for (OutboxEntry entry : store.outbox().problems()) {
                        problems.add(new Problem(entry, describe(entry)));
                    }
                    return problems;
                },
                this::show,
                failure -> error.setText("The conflicts could not be read: " + failure.getMessage()));
    }

    /** An entry with the words that name its row, read in the background. */
    private record Problem(OutboxEntry entry, String title) {
    }

    private String describe(OutboxEntry entry) {
        EntityKind kind = entry.mutation().kind();
        String id = entry.mutation().entityId();
        String what = switch (kind) {
            case CUSTOMER -> "Customer";
            case HEALTH -> "Health form";
            case TENANT -> "Tenant";
            case STATUS_NOTE -> "Status note";
            case CONTACT -> "Contact";
            case ASSIGNMENT -> "Assignment";
            case USAGE -> "Workload usage";
            case FORECAST -> "Forecast";
            default -> kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
        };
        if (kind == EntityKind.CUSTOMER || kind == EntityKind.HEALTH) {
            return store.customers().get(id).map(c -> what + " of " + c.name() + " (" + id + ")")
                    .orElse(what + " " + id);
        }
        return what + " " + id;
    }

    private void show(List<Problem> problems) {
        error.setText("");
        list.getChildren().clear();
        long conflicts = problems.stream().filter(p -> p.entry().state() == OutboxState.CONFLICT).count();
        long rejected = problems.size() - conflicts;
        summary.setText(problems.isEmpty() ? "No conflicts: every change was accepted or is waiting to be sent."
                : conflicts + (conflicts == 1 ? " conflict" : " conflicts") + ", "
                        + rejected + (rejected == 1 ? " rejected change" : " rejected changes"));
        for (Problem problem : problems) {
            list.getChildren().add(card(problem));
        }
    }

    private VBox card(Problem problem) {
        OutboxEntry entry = problem.entry();
        UUID id = entry.mutation().id();
        Label title = new Label(problem.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label kind = new Label(entry.state() == OutboxState.CONFLICT ? "Conflict" : "Rejected");
        kind.getStyleClass().addAll("conflict-kind", entry.state() == OutboxState.CONFLICT ? Styles.WARNING : Styles.DANGER);
        HBox head = new HBox(10, kind, title);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, head);
        card.getStyleClass().add("conflict-card");
        card.setId("conflict-" + id);

        if (entry.state() == OutboxState.CONFLICT) {
            GridPane grid = new GridPane();
            grid.getStyleClass().add("conflict-grid");
            grid.setHgap(16);
            grid.setVgap(4);
            grid.addRow(0, header("Field"), header("Mine"), header("Theirs (on the server)"), header("Changed by"));
            int row = 1;
            for (ConflictField field : entry.conflicts()) {
                Label mine = new Label(text(field.mine()));
                mine.getStyleClass().add("conflict-mine");
                Label theirs = new Label(text(field.theirs()));
                theirs.getStyleClass().add("conflict-theirs");
                String who = (field.changedBy() == null ? "someone" : field.changedBy())
                        + (field.changedAt() == null ? "" : ", " + WHEN.format(field.changedAt().atZone(ZoneId.systemDefault())));
                grid.addRow(row++, new Label(field.field()), mine, theirs, new Label(who));
            }
            Button keep = new Button("Keep mine");
            keep.setId("keepMine");
            keep.getStyleClass().add(Styles.ACCENT);
            keep.setOnAction(e -> decide(() -> store.outbox().keepMine(id)));
            Button take = new Button("Take theirs");
            take.setId("takeTheirs");
            take.setOnAction(e -> decide(() -> store.outbox().takeTheirs(id)));
            card.getChildren().addAll(grid, new HBox(8, keep, take));
        } else {
            Label reason = new Label(entry.message().orElse("The server did not accept this change."));
            reason.getStyleClass().add("conflict-reason");
            reason.setWrapText(true);
            Label fields = new Label("Your change: " + entry.mutation().fields().entrySet().stream()
                    .map(f -> f.getKey() + " = " + text(f.getValue())).reduce((a, b) -> a + "; " + b)
                    .orElse(entry.mutation().op().name().toLowerCase(Locale.ROOT)));
            fields.setWrapText(true);
            Button discard = new Button("Discard");
            discard.setId("discard");
            discard.getStyleClass().add(Styles.DANGER);
            discard.setOnAction(e -> decide(() -> store.outbox().discard(id)));
            card.getChildren().addAll(reason, fields, new HBox(8, discard));
        }
        return card;
    }

    private void decide(Runnable decision) {
        list.setDisable(true);
        tasks.run(decision, failure -> {
            list.setDisable(false);
            error.setText("That did not work: " + failure.getMessage());
        }).thenRun(() -> {
            list.setDisable(false);
            afterDecision.run();
            reload();
        });
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    /** A field value as a person reads it: text without quotes, "(empty)" for nothing. */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "(empty)";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
