package ftop.app.review;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import ftop.app.widgets.DateText;
import ftop.app.widgets.HealthChip;
import ftop.core.health.HealthColour;
import ftop.core.health.WorkloadGroup;
import ftop.core.review.BriefSection;
import ftop.core.review.CustomerBrief;

/**
 * The Review tab's brief of the customer selected in the queue: its name, facts and health chips,
 * what the data is missing, and every section of the brief as an editable text; edits go to the
 * view model as they are typed. Says what to do while no customer is selected.
 */
final class BriefEditor extends StackPane {


    private final ReviewViewModel model;
    private final LongConsumer openCustomer;
    private final Map<BriefSection, TextArea> areas = new EnumMap<>(BriefSection.class);
    private final Map<BriefSection, Label> headings = new EnumMap<>(BriefSection.class);
    private final VBox briefHeader = new VBox();
    private final VBox missing = new VBox();

    /**
     * @param model        the tab's state
     * @param openCustomer opens a customer in the Customer tab
     */
    BriefEditor(ReviewViewModel model, LongConsumer openCustomer) {
        this.model = Objects.requireNonNull(model, "model");
        this.openCustomer = Objects.requireNonNull(openCustomer, "openCustomer");
        Label hint = new Label("Select a customer in the queue to see and edit its brief.");
        hint.setId("briefPlaceholder");
        hint.getStyleClass().add("placeholder-text");
        hint.setWrapText(true);

        briefHeader.getStyleClass().add("brief-header");
        missing.setId("missingData");
        missing.getStyleClass().add("brief-missing");
        VBox sections = new VBox(14);
        for (BriefSection section : BriefSection.values()) {
            Label heading = new Label(section.label());
            heading.getStyleClass().add("brief-heading");
            TextArea area = new TextArea();
            area.setId("brief" + camel(section.name()));
            area.setWrapText(true);
            area.getStyleClass().add("brief-text");
            area.textProperty().addListener((obs, old, now) -> model.edit(section, now));
            heading.setLabelFor(area);
            heading.setId("briefHeading" + camel(section.name()));
            heading.setWrapText(true);
            headings.put(section, heading);
            areas.put(section, area);
            sections.getChildren().add(new VBox(4, heading, area));
        }
        VBox editor = new VBox(14, briefHeader, missing, sections);
        editor.setId("briefEditor");
        editor.getStyleClass().add("brief-editor");
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        // tabbing from section to section keeps the one being edited in sight
        for (TextArea area : areas.values()) {
            area.focusedProperty().addListener((obs, was, now) -> {
                if (now) {
                    reveal(scroll, editor, area);
                }
            });
        }
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

        getChildren().addAll(hint, scroll);
        setAlignment(hint, Pos.CENTER);
        scroll.visibleProperty().bind(model.briefProperty().isNotNull());
        hint.visibleProperty().bind(model.briefProperty().isNull());
        model.briefProperty().addListener((obs, old, now) -> showBrief(old, now));
    }

    private static void reveal(ScrollPane scroll, Region content, Node node) {
        double contentHeight = content.getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroll.getVvalue() * (contentHeight - viewport);
        double target = top;
        if (bounds.getMinY() < top) {
            target = bounds.getMinY() - 24;
        } else if (bounds.getMaxY() > top + viewport) {
            target = bounds.getMaxY() - viewport + 24;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewport))));
    }

    private void showBrief(CustomerBrief old, CustomerBrief brief) {
        if (brief == null) {
            return;
        }
        boolean other = old == null || old.tpid() != brief.tpid();
        if (other) {
            briefHeader.getChildren().setAll(header(brief));
        }
        for (BriefSection section : BriefSection.values()) {
            headings.get(section).setText(brief.heading(section));
            TextArea area = areas.get(section);
            String text = brief.text(section);
            // an echo of what the person is typing leaves the area alone (the model strips the text)
            if (!area.getText().strip().equals(text)) {
                area.setText(text);
                area.setPrefRowCount(Math.max(2, Math.min(12, rows(text))));
            }
        }
        showMissing(brief);
    }

    private Node header(CustomerBrief brief) {
        Label name = new Label(brief.customerName());
        name.setId("briefCustomerName");
        name.getStyleClass().add(Styles.TITLE_2);
        name.setWrapText(true);
        Label facts = new Label("TPID " + brief.tpid() + " \u00b7 "
                + brief.status().map(s -> "Customer Status: " + s.label()).orElse("Customer Status not set") + " \u00b7 "
                + brief.nextReview().map(d -> "next review " + DateText.of(d)).orElse("no review date"));
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setWrapText(true);

        FlowPane chips = new FlowPane(12, 6);
        chips.getChildren().add(chip("Overall", brief.overall().orElse(null)));
        for (WorkloadGroup group : WorkloadGroup.values()) {
            chips.getChildren().add(chip(group.label(), brief.group(group).orElse(null)));
        }

        Button regenerate = new Button("Start again from the data", new FontIcon(Material2MZ.REFRESH));
        regenerate.setId("regenerateBrief");
        regenerate.getStyleClass().add(Styles.FLAT);
        regenerate.setTooltip(new Tooltip("Throw away the edits of this brief and write it again from the data"));
        regenerate.setOnAction(e -> model.regenerate());
        Button customer = new Button("Open customer", new FontIcon(Material2MZ.OPEN_IN_NEW));
        customer.setId("openBriefCustomer");
        customer.getStyleClass().add(Styles.FLAT);
        customer.setOnAction(e -> openCustomer.accept(brief.tpid()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(4, name, spacer, customer, regenerate);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, top, facts, chips);
        // the queue's "Why" in full, which its row may cut to two lines
        model.queue().stream().filter(item -> item.tpid() == brief.tpid()).findFirst().ifPresent(item -> {
            Label why = new Label("Why now: " + item.reason());
            why.setId("briefWhy");
            why.setWrapText(true);
            header.getChildren().add(1, why);
        });
        return header;
    }

    private static HBox chip(String caption, HealthColour colour) {
        Label label = new Label(caption);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        HBox box = new HBox(6, label, new HealthChip(colour));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void showMissing(CustomerBrief brief) {
        missing.getChildren().clear();
        if (brief.missing().isEmpty()) {
            missing.setVisible(false);
            missing.setManaged(false);
            return;
        }
        Label title = new Label("Missing from the data \u2014 fill in before the meeting:",
                new FontIcon(Material2AL.ERROR_OUTLINE));
        title.getStyleClass().add("brief-missing-title");
        Label list = new Label(String.join(" \u00b7 ", brief.missing()));
        list.setId("missingList");
        list.setWrapText(true);
        missing.getChildren().addAll(title, list);
        missing.setVisible(true);
        missing.setManaged(true);
    }

    /** Moves the keyboard to the brief's first section. */
    void focusOpening() {
        Platform.runLater(() -> areas.get(BriefSection.OPENING).requestFocus());
    }

    private static int rows(String text) {
        int lines = 1;
        for (String line : text.split("\\R")) {
            lines += 1 + line.length() / 90;
        }
        return lines;
    }

    /** "SINCE_REVIEW" as "SinceReview", for ids. */
    static String camel(String name) {
        StringBuilder s = new StringBuilder();
        for (String word : name.split("_")) {
            s.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }
}
