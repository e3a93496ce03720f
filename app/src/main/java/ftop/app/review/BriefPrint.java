package ftop.app.review;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import ftop.app.widgets.Theme;
import ftop.core.health.WorkloadGroup;
import ftop.core.review.BriefSection;
import ftop.core.review.CustomerBrief;

/** One customer's brief laid out for paper: black on white, whatever the screen's theme. */
final class BriefPrint {

    private BriefPrint() {
    }

    /** The brief as a node {@code width} points wide. */
    static VBox of(CustomerBrief brief, double width) {
        Label name = new Label(brief.customerName());
        name.getStyleClass().add("print-name");
        StringBuilder colours = new StringBuilder("Overall: ")
                .append(brief.overall().map(c -> c.label()).orElse("No data"));
        for (WorkloadGroup group : WorkloadGroup.values()) {
            colours.append("   ").append(group.label()).append(": ")
                    .append(brief.group(group).map(c -> c.label()).orElse("No data"));
        }
        Label facts = new Label("TPID " + brief.tpid() + "   " + colours);
        facts.getStyleClass().add("print-facts");
        facts.setWrapText(true);
        VBox page = new VBox(6, name, facts);
        for (BriefSection section : BriefSection.values()) {
            String text = brief.text(section);
            if (text.isBlank()) {
                continue;
            }
            Label heading = new Label(brief.heading(section).toUpperCase(Locale.ENGLISH));
            heading.getStyleClass().add("print-heading");
            page.getChildren().addAll(heading, BriefBlocks.of(text, "print-text"));
        }
        if (!brief.missing().isEmpty()) {
            Label missing = new Label("Missing from the data: " + String.join("; ", brief.missing()));
            missing.getStyleClass().add("print-missing");
            missing.setWrapText(true);
            page.getChildren().add(missing);
        }
        page.getStylesheets().addAll(Theme.stylesheets(false));
        page.getStyleClass().add("brief-print");
        page.setPrefWidth(width);
        page.setMaxWidth(width);
        for (Node child : page.getChildren()) {
            if (child instanceof Label label) {
                label.setMaxWidth(width);
            }
        }
        return page;
    }
}
