package ftop.app.sync;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

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
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import ftop.app.edit.ValueText;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.widgets.DateText;
import ftop.core.change.EntityKind;
import ftop.core.change.FieldLabels;
import ftop.core.change.Mutation;
import ftop.core.store.ConflictField;
import ftop.core.store.OutboxEntry;
import ftop.core.store.OutboxState;
import ftop.core.store.Rejections;
import ftop.core.store.WorkspaceWrites;

/**
 * The changes the server did not take: conflicts (the same field was changed on the server since)
 * with my value and theirs side by side, who changed theirs and when, and <b>Keep mine</b> /
 * <b>Take theirs</b>; rejected changes with the reason as it stands now, <b>Keep mine</b> (or <b>Send
 * again</b> once the rules allow it) and <b>Discard</b>. Fields and values read as the forms show them
 * ("CXP Watchlist", "Critical"). Nothing leaves the list until the user decides. Reads and decisions
 * run in the background.
 */
public final class ConflictsView extends VBox {


    private final WorkspaceWrites store;
    private final Supplier<Optional<String>> user;
    private final BackgroundTasks tasks;
    private final Runnable afterDecision;
    private final VBox list = new VBox(12);
    private final Label summary = new Label();
    private final Label error = new Label();

    /**
     * @param user          who is signed in: a refusal is checked again for them
     * @param afterDecision runs (on the FX thread) after each decision, e.g. to sync right away
     */
    public ConflictsView(WorkspaceWrites store, Supplier<Optional<String>> user, BackgroundTasks tasks,
            Runnable afterDecision) {
        this.store = store;
        this.user = user;
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
                    Map<String, String> names = new HashMap<>();
                    store.users().all().forEach(u -> names.put(u.userId(),
                            u.displayName().isBlank() ? u.userId() : u.displayName()));
                    Optional<String> me = user.get();
                    for (OutboxEntry entry : store.problems()) {
                        Optional<Rejections.Recheck> recheck = entry.state() == OutboxState.REJECTED && me.isPresent()
                                ? Optional.of(Rejections.recheck(store, me.get(), entry)) : Optional.empty();
                        problems.add(new Problem(entry, describe(entry), names, recheck));
                    }
                    return problems;
                },
                this::show,
                failure -> error.setText("The conflicts could not be read: " + failure.getMessage()));
    }

    /**
     * An entry with the words that name its row, the people's names and, for a refusal, what holds
     * now; read in the background.
     */
    private record Problem(OutboxEntry entry, String title, Map<String, String> names,
                           Optional<Rejections.Recheck> recheck) {
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
            return store.customers().get(id).map(c -> what + " of " + c.name())
                    .orElse(what + " of the customer with TPID " + id);
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
        Label badge = new Label(entry.state() == OutboxState.CONFLICT ? "Conflict" : "Rejected");
        badge.getStyleClass().addAll("conflict-kind", entry.state() == OutboxState.CONFLICT ? Styles.WARNING : Styles.DANGER);
        HBox head = new HBox(10, badge, title);
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
            EntityKind kind = entry.mutation().kind();
            for (ConflictField field : entry.conflicts()) {
                Label mine = new Label(ValueText.of(kind, field.field(), field.mine()));
                mine.getStyleClass().add("conflict-mine");
                Label theirs = new Label(ValueText.of(kind, field.field(), field.theirs()));
                theirs.getStyleClass().add("conflict-theirs");
                String who = (field.changedBy() == null ? "Someone else"
                        : problem.names().getOrDefault(field.changedBy(), field.changedBy()))
                        + (field.changedAt() == null ? "" : ", " + when(field.changedAt().atZone(ZoneId.systemDefault())));
                Label name = new Label(FieldLabels.label(kind, field.field()));
                name.getStyleClass().add("conflict-field");
                grid.addRow(row++, name, mine, theirs, new Label(who));
            }
            Button keep = new Button("Keep mine");
            keep.setId("keepMine");
            keep.getStyleClass().add(Styles.ACCENT);
            keep.setOnAction(e -> decide(() -> store.keepMine(id)));
            Button take = new Button("Take theirs");
            take.setId("takeTheirs");
            take.setOnAction(e -> decide(() -> store.takeTheirs(id)));
            card.getChildren().addAll(grid, new HBox(8, keep, take));
        } else {
            // the reason as it stands now: a refusal the rules allow today offers to send it again
            boolean couldPass = problem.recheck().map(Rejections.Recheck::couldPass).orElse(false);
            Label reason = new Label(problem.recheck().map(Rejections.Recheck::message)
                    .orElse(entry.message().orElse(Rejections.NO_REASON)));
            reason.getStyleClass().add("conflict-reason");
            reason.setWrapText(true);
            EntityKind kind = entry.mutation().kind();
            Label fields = new Label("Your change: " + entry.mutation().fields().entrySet().stream()
                    .map(f -> FieldLabels.label(kind, f.getKey()) + ": " + ValueText.of(kind, f.getKey(), f.getValue()))
                    .reduce((a, b) -> a + "; " + b)
                    .orElse(entry.mutation().op() == Mutation.Op.DELETE ? "remove it" : "no fields"));
            fields.getStyleClass().add("conflict-change");
            fields.setWrapText(true);
            Button keep = new Button(couldPass ? "Send again" : "Keep mine");
            keep.setId(couldPass ? "sendAgain" : "keepMine");
            if (couldPass) {
                keep.getStyleClass().add(Styles.ACCENT);
            }
            keep.setOnAction(e -> decide(() -> store.keepMine(id)));
            Button discard = new Button("Discard");
            discard.setId("discard");
            discard.getStyleClass().add(Styles.DANGER);
            discard.setOnAction(e -> decide(() -> store.discard(id)));
            card.getChildren().addAll(reason, fields, new HBox(8, keep, discard));
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

    /** A moment as the app writes dates, with the time. */
    private static String when(ZonedDateTime at) {
        return DateText.current().dateAndTime(at.toLocalDateTime());
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
