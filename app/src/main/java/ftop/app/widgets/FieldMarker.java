package ftop.app.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What is going on with one form field beyond what it holds: the server refused the value, someone
 * else saved another one (a conflict), or it changed while the form was being edited. Under the
 * field it shows the reason and the actions that settle it; the field itself (the nodes given to
 * {@link #attach}) gets a marked look. It knows nothing of customers: the owner says what to show.
 *
 * <p>Styled by {@code ftop.css}: style class {@code field-marker} with one pseudo-class per
 * {@link Kind} ({@code :rejected}, {@code :conflict}, {@code :changed}) on the marker and on the
 * attached nodes, which also get style class {@code marked-field} while marked. Ids, from the key:
 * {@code <key>Marker}, {@code <key>MarkerText}, and {@code <key><action id>} for each action.
 */
public class FieldMarker extends VBox {

    /** Why a field is marked. */
    public enum Kind {
        /** The server did not take the value. */
        REJECTED("rejected", Material2AL.ERROR_OUTLINE),
        /** Someone else saved another value since. */
        CONFLICT("conflict", Material2MZ.WARNING),
        /** The saved value changed while the form was open. */
        CHANGED("changed", Material2AL.INFO);

        private final PseudoClass pseudoClass;
        private final Ikon icon;

        Kind(String pseudoClass, Ikon icon) {
            this.pseudoClass = PseudoClass.getPseudoClass(pseudoClass);
            this.icon = icon;
        }
    }

    /**
     * One button of the marker.
     *
     * @param id      appended to the marker's key for the button's id ("KeepMine")
     * @param text    the button's words
     * @param primary whether it is the action the marker suggests
     * @param run     what it does, on the FX thread
     */
    public record Action(String id, String text, boolean primary, Runnable run) {
        public Action {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(run, "run");
        }
    }

    private static final String MARKED = "marked-field";

    private final String key;
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind");
    private final Label text = new Label();
    private final HBox actions = new HBox(6);
    private final List<Node> attached = new ArrayList<>();

    public FieldMarker(String key) {
        this.key = Objects.requireNonNull(key, "key");
        setId(key + "Marker");
        getStyleClass().add("field-marker");
        text.setId(key + "MarkerText");
        text.getStyleClass().addAll("field-marker-text", Styles.TEXT_SMALL);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(text, actions);
        setSpacing(4);
        visibleProperty().bind(kind.isNotNull());
        managedProperty().bind(visibleProperty());
    }

    /** The field's own nodes (its value and its editor): they share the marked look. */
    public void attach(Node... nodes) {
        for (Node node : nodes) {
            attached.add(node);
            style(node);
        }
    }

    /** Marks the field as {@code why}, with {@code message} and the buttons {@code choices}, replacing what it showed. */
    public void show(Kind why, String message, List<Action> choices) {
        Objects.requireNonNull(why, "why");
        kind.set(why);
        text.setText(message == null ? "" : message);
        text.setGraphic(new FontIcon(why.icon));
        actions.getChildren().clear();
        for (Action action : choices) {
            Button button = new Button(action.text());
            button.setId(key + action.id());
            button.getStyleClass().add(Styles.SMALL);
            if (action.primary()) {
                button.getStyleClass().add(Styles.ACCENT);
            }
            button.setOnAction(e -> action.run().run());
            actions.getChildren().add(button);
        }
        actions.setVisible(!choices.isEmpty());
        actions.setManaged(!choices.isEmpty());
        restyle();
    }

    /** Takes the mark away: nothing is shown, the field looks as any other. */
    public void clear() {
        kind.set(null);
        text.setText("");
        actions.getChildren().clear();
        restyle();
    }

    /** While a decision runs: the buttons are off so it is not made twice. */
    public void setBusy(boolean busy) {
        actions.setDisable(busy);
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public Kind getKind() {
        return kind.get();
    }

    public String getMessage() {
        return text.getText();
    }

    private void restyle() {
        style(this);
        attached.forEach(this::style);
    }

    private void style(Node node) {
        Kind now = kind.get();
        for (Kind each : Kind.values()) {
            node.pseudoClassStateChanged(each.pseudoClass, each == now);
        }
        if (node != this) {
            if (now == null) {
                node.getStyleClass().remove(MARKED);
            } else if (!node.getStyleClass().contains(MARKED)) {
                node.getStyleClass().add(MARKED);
            }
        }
    }
}
