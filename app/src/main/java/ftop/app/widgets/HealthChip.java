package ftop.app.widgets;

import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

import ftop.core.health.HealthColour;

/**
 * A health colour as a small rounded chip: a coloured dot and the colour's name ("Red"), so the
 * colour is never the only thing that carries the meaning. With no colour it reads
 * {@link #emptyTextProperty() "No data"} in muted grey.
 *
 * <p>Styled by {@code ftop.css}: style class {@code health-chip} and one pseudo-class per colour
 * ({@code :red}, {@code :yellow}, {@code :green}, {@code :blue}, {@code :empty-health}).
 */
public class HealthChip extends Label {

    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty-health");

    private final ObjectProperty<HealthColour> colour = new SimpleObjectProperty<>(this, "colour");
    private final StringProperty emptyText = new SimpleStringProperty(this, "emptyText", "No data");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");

    public HealthChip() {
        this(null);
    }

    public HealthChip(HealthColour initial) {
        getStyleClass().add("health-chip");
        Circle dot = new Circle(5);
        dot.getStyleClass().add("health-dot");
        setGraphic(dot);
        setMinWidth(USE_PREF_SIZE);
        colour.addListener((obs, old, now) -> update());
        emptyText.addListener((obs, old, now) -> update());
        description.addListener((obs, old, now) -> update());
        colour.set(initial);
        update();
    }

    private void update() {
        HealthColour c = colour.get();
        for (HealthColour each : HealthColour.values()) {
            pseudoClassStateChanged(pseudoClass(each), each == c);
        }
        pseudoClassStateChanged(EMPTY, c == null);
        setText(c == null ? emptyText.get() : c.label());
        String detail = description.get();
        setTooltip(detail == null || detail.isBlank() ? null : new Tooltip(detail));
    }

    private static PseudoClass pseudoClass(HealthColour colour) {
        return PseudoClass.getPseudoClass(colour.name().toLowerCase(Locale.ROOT));
    }

    /** The colour shown; {@code null} when there is none (no data). */
    public ObjectProperty<HealthColour> colourProperty() {
        return colour;
    }

    public HealthColour getColour() {
        return colour.get();
    }

    public void setColour(HealthColour value) {
        colour.set(value);
    }

    /** Shows the colour, or the empty text when there is none. */
    public void setColour(Optional<HealthColour> value) {
        colour.set(value.orElse(null));
    }

    /** What the chip reads when there is no colour; "No data" unless set. */
    public StringProperty emptyTextProperty() {
        return emptyText;
    }

    /** An explanation shown as a tooltip, e.g. "62% of 1,200 entitled users active". */
    public StringProperty descriptionProperty() {
        return description;
    }
}
