package ftop.app.customer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small building blocks the Customer tab's cards share. */
final class Cards {

    private Cards() {
    }

    /** Makes {@code card} a titled section card; {@code actions} sit at the right of the title. */
    static void dress(VBox card, String id, String title, Ikon icon, Node... actions) {
        card.setId(id);
        card.getStyleClass().add("section-card");
        card.setSpacing(10);
        Label heading = new Label(title, new FontIcon(icon));
        heading.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, heading, spacer);
        header.getChildren().addAll(actions);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMinHeight(32);
        card.getChildren().add(0, header);
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        return label;
    }

    /**
     * Caps what can be typed into {@code input} at {@code max} characters (a paste is cut there) and
     * returns a counter label, "12 / 4000", so the limit is visible before it bites.
     */
    static Label limit(TextInputControl input, int max) {
        input.setTextFormatter(new TextFormatter<String>(change -> {
            if (change.getControlNewText().length() <= max) {
                return change;
            }
            int room = max - (change.getControlText().length() - (change.getRangeEnd() - change.getRangeStart()));
            if (room <= 0 || !change.isContentChange()) {
                return null;
            }
            change.setText(change.getText().substring(0, Math.min(room, change.getText().length())));
            return change;
        }));
        Label counter = new Label();
        counter.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        counter.textProperty().bind(Bindings.createStringBinding(
                () -> input.getLength() + " / " + max, input.textProperty()));
        return counter;
    }
}
