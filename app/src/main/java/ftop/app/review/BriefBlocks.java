package ftop.app.review;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A brief section's text as wrapped labels, read the way the exporters read it: one paragraph per
 * non-blank line, a line starting with "- " (or "* ", "• ") a bullet point.
 */
final class BriefBlocks {

    private BriefBlocks() {
    }

    /** The paragraphs and bullets of {@code text}, each label with {@code styleClass}. */
    static VBox of(String text, String styleClass) {
        VBox box = new VBox();
        box.getStyleClass().add("brief-blocks");
        for (String line : lines(text)) {
            boolean bullet = line.startsWith("- ") || line.startsWith("* ") || line.startsWith("\u2022 ");
            Label label = new Label(bullet ? line.substring(2).strip() : line);
            label.setWrapText(true);
            label.getStyleClass().add(styleClass);
            label.setMaxWidth(Double.MAX_VALUE);
            if (bullet) {
                Label dot = new Label("\u2022");
                dot.getStyleClass().addAll(styleClass, "brief-bullet");
                dot.setMinWidth(Label.USE_PREF_SIZE);
                HBox row = new HBox(dot, label);
                row.getStyleClass().add("brief-bullet-row");
                HBox.setHgrow(label, Priority.ALWAYS);
                box.getChildren().add(row);
            } else {
                box.getChildren().add(label);
            }
        }
        return box;
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
