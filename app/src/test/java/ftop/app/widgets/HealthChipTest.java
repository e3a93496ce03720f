package ftop.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import javafx.css.PseudoClass;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import ftop.core.health.HealthColour;

class HealthChipTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void showsTheColoursNameNotOnlyItsColour() {
        HealthChip chip = new HealthChip(HealthColour.RED);

        assertThat(chip.getText()).isEqualTo("Red");
        assertThat(chip.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("red"));
        assertThat(chip.getStyleClass()).contains("health-chip");

        chip.setColour(HealthColour.BLUE);
        assertThat(chip.getText()).isEqualTo("Blue");
        assertThat(chip.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("blue"))
                .doesNotContain(PseudoClass.getPseudoClass("red"));
    }

    @Test
    void withoutAColourItSaysThereIsNoData() {
        HealthChip chip = new HealthChip();
        assertThat(chip.getText()).isEqualTo("No data");
        assertThat(chip.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("empty-health"));

        chip.setColour(Optional.of(HealthColour.GREEN));
        chip.setColour(Optional.empty());
        chip.emptyTextProperty().set("Not measured");
        assertThat(chip.getText()).isEqualTo("Not measured");
        assertThat(chip.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("green"));
    }

    @Test
    void theDescriptionBecomesATooltip() {
        HealthChip chip = new HealthChip(HealthColour.YELLOW);
        assertThat(chip.getTooltip()).isNull();
        chip.descriptionProperty().set("45% of 68,000 devices active");
        assertThat(chip.getTooltip().getText()).isEqualTo("45% of 68,000 devices active");
    }
}
