package ftop.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class FieldMarkerTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void marksTheFieldItselfSaysWhyAndOffersTheActionsGiven() {
        Label value = new Label("Critical");
        FieldMarker marker = new FieldMarker("cxpWatchlist");
        marker.attach(value);
        List<String> ran = new ArrayList<>();
        assertThat(marker.isVisible()).isFalse();

        marker.show(FieldMarker.Kind.REJECTED, "Not saved on the server.", List.of(
                new FieldMarker.Action("KeepMine", "Keep mine", false, () -> ran.add("keep")),
                new FieldMarker.Action("Discard", "Discard", false, () -> ran.add("discard"))));

        assertThat(marker.isVisible()).isTrue();
        assertThat(marker.getId()).isEqualTo("cxpWatchlistMarker");
        assertThat(marker.getMessage()).isEqualTo("Not saved on the server.");
        assertThat(value.getStyleClass()).contains("marked-field");
        assertThat(value.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("rejected"));
        Button discard = (Button) marker.lookup("#cxpWatchlistDiscard");
        discard.fire();
        assertThat(ran).containsExactly("discard");

        // another mark replaces the first, look and buttons alike
        marker.show(FieldMarker.Kind.CONFLICT, "Alex Wilber saved Graduated.", List.of());
        assertThat(value.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("conflict"))
                .doesNotContain(PseudoClass.getPseudoClass("rejected"));
        assertThat(marker.lookup("#cxpWatchlistDiscard")).isNull();

        marker.clear();
        assertThat(marker.isVisible()).isFalse();
        assertThat(marker.getKind()).isNull();
        assertThat(value.getStyleClass()).doesNotContain("marked-field");
        assertThat(value.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("conflict"));
    }
}
