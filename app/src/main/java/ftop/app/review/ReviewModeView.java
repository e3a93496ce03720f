package ftop.app.review;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.HealthChip;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;
import ftop.core.review.BriefSection;
import ftop.core.review.CustomerBrief;

/**
 * Review mode: the nominated customers one at a time, in type large enough for a projector. Right,
 * Down, Space and Page Down step forward; Left, Up, Backspace and Page Up step back; Home and End jump;
 * Esc leaves.
 */
public final class ReviewModeView extends BorderPane {

    private final List<CustomerBrief> briefs;
    private final String meeting;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ScrollPane slide = new ScrollPane();
    private final Label position = new Label();
    private final Button back = new Button(null, new FontIcon(Material2AL.ARROW_BACK));
    private final Button forward = new Button(null, new FontIcon(Material2AL.ARROW_FORWARD));
    private Runnable onExit = () -> { };

    /**
     * @param meeting the meeting's title, shown in the footer
     * @param briefs  the briefs to step through, at least one
     */
    public ReviewModeView(String meeting, List<CustomerBrief> briefs) {
        if (briefs.isEmpty()) {
            throw new IllegalArgumentException("Review mode needs at least one customer");
        }
        this.briefs = List.copyOf(briefs);
        this.meeting = Objects.requireNonNull(meeting, "meeting");
        setId("reviewMode");
        getStyleClass().add("review-mode");

        slide.setId("reviewSlide");
        slide.setFitToWidth(true);
        slide.getStyleClass().addAll(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE, "review-mode-scroll");
        slide.setFocusTraversable(false);
        setCenter(slide);
        setBottom(footer());

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        index.addListener((obs, old, now) -> show());
        show();
    }

    private HBox footer() {
        Label title = new Label(meeting);
        title.getStyleClass().add("review-mode-footer");
        position.setId("reviewPosition");
        position.getStyleClass().add("review-mode-footer");
        Label keys = new Label("\u2190 \u2192 or Space to step \u00b7 Esc to leave");
        keys.getStyleClass().addAll("review-mode-footer", "review-mode-keys");

        back.setId("reviewBack");
        back.setTooltip(new Tooltip("Previous customer (Left)"));
        back.setOnAction(e -> previous());
        forward.setId("reviewForward");
        forward.setTooltip(new Tooltip("Next customer (Right or Space)"));
        forward.setOnAction(e -> next());
        Button leave = new Button("Leave", new FontIcon(Material2AL.CLOSE));
        leave.setId("reviewLeave");
        leave.setTooltip(new Tooltip("Leave review mode (Esc)"));
        leave.setOnAction(e -> onExit.run());
        for (Button b : List.of(back, forward, leave)) {
            b.getStyleClass().addAll(Styles.FLAT);
            // the keys drive the slides; a focused button would swallow Space
            b.setFocusTraversable(false);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, title, spacer, keys, back, position, forward, leave);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("review-mode-bar");
        return bar;
    }

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        switch (code) {
            case RIGHT, DOWN, SPACE, PAGE_DOWN, ENTER -> next();
            case LEFT, UP, BACK_SPACE, PAGE_UP -> previous();
            case HOME -> index.set(0);
            case END -> index.set(briefs.size() - 1);
            case ESCAPE, F11 -> onExit.run();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Shows the next customer; stays on the last. */
    public void next() {
        if (index.get() < briefs.size() - 1) {
            index.set(index.get() + 1);
        }
    }

    /** Shows the previous customer; stays on the first. */
    public void previous() {
        if (index.get() > 0) {
            index.set(index.get() - 1);
        }
    }

    /** Called when the person leaves review mode (Esc, or the Leave button). */
    public void setOnExit(Runnable action) {
        onExit = Objects.requireNonNull(action, "action");
    }

    /** Which customer shows, from 0. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The customer showing. */
    public CustomerBrief current() {
        return briefs.get(index.get());
    }

    private void show() {
        CustomerBrief brief = current();
        position.setText((index.get() + 1) + " of " + briefs.size());
        back.setDisable(index.get() == 0);
        forward.setDisable(index.get() == briefs.size() - 1);

        Label name = new Label(brief.customerName());
        name.setId("reviewCustomerName");
        name.getStyleClass().add("review-mode-name");
        name.setWrapText(true);
        Label tpid = new Label("TPID " + brief.tpid()
                + brief.status().map(s -> " \u00b7 " + s.label()).orElse(" \u00b7 Customer Status not set"));
        tpid.getStyleClass().add("review-mode-subtitle");

        FlowPane chips = new FlowPane(14, 10);
        chips.getChildren().add(chip("Overall", brief.overall().orElse(null)));
        for (WorkloadGroup group : WorkloadGroup.values()) {
            chips.getChildren().add(chip(group.label(), brief.group(group).orElse(null)));
        }

        Label opening = new Label(brief.opening());
        opening.setId("reviewOpening");
        opening.setWrapText(true);
        opening.getStyleClass().add("review-mode-opening");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("review-mode-grid");
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(section(BriefSection.HIGHLIGHTS, brief), 0, 0);
        grid.add(section(BriefSection.LOWLIGHTS, brief), 1, 0);
        grid.add(section(BriefSection.RISKS, brief), 0, 1);
        grid.add(section(BriefSection.ASKS, brief), 1, 1);

        VBox since = section(BriefSection.SINCE_REVIEW, brief);

        VBox content = new VBox(name, tpid, chips, opening, since, grid);
        content.getStyleClass().add("review-mode-slide");
        slide.setContent(content);
        slide.setVvalue(0);
    }

    private static HBox chip(String label, HealthColour colour) {
        Label caption = new Label(label);
        caption.getStyleClass().add("review-mode-chip-label");
        HealthChip chip = new HealthChip(colour);
        chip.getStyleClass().add("review-mode-chip");
        HBox box = new HBox(8, caption, chip);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static VBox section(BriefSection section, CustomerBrief brief) {
        Label heading = new Label(brief.heading(section));
        heading.getStyleClass().add("review-mode-heading");
        heading.setMaxWidth(Double.MAX_VALUE);
        String text = brief.text(section);
        VBox body = text.isBlank() ? BriefBlocks.of("Nothing recorded.", "review-mode-text")
                : BriefBlocks.of(text, "review-mode-text");
        VBox box = new VBox(heading, body);
        box.setId("review" + BriefEditor.camel(section.name()));
        box.getStyleClass().add("review-mode-section");
        return box;
    }
}
