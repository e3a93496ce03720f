package ftop.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.widgets.HealthPalette.Medium;
import ftop.app.widgets.HealthPalette.Swatch;
import ftop.core.health.HealthColour;

/** Every health colour readable (WCAG 2 AA, 4.5:1) in the light and dark themes and in print. */
class HealthPaletteTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theContrastRatioIsWcags() {
        assertThat(HealthPalette.contrast("#ffffff", "#000000")).isCloseTo(21.0, within(0.01));
        assertThat(HealthPalette.contrast("#777777", "#777777")).isCloseTo(1.0, within(0.01));
        // white on the yellow of print is what the meeting pack must never print
        assertThat(HealthPalette.contrast("#ffffff", HealthPalette.YELLOW.in(Medium.PRINT).fill())).isLessThan(4.5);
    }

    @Test
    void everyTextOnItsFillAndEveryAccentOnThePageMeetsAa() {
        for (Medium medium : Medium.values()) {
            for (HealthPalette entry : HealthPalette.values()) {
                Swatch s = entry.in(medium);
                assertThat(HealthPalette.contrast(s.text(), s.fill())).as(entry + " text on its fill, " + medium)
                        .isGreaterThanOrEqualTo(4.5);
                if (entry != HealthPalette.NONE) {
                    // red and yellow also colour text on the page: "Overdue", field errors, badges
                    assertThat(HealthPalette.contrast(s.accent(), medium.page())).as(entry + " accent on the page, " + medium)
                            .isGreaterThanOrEqualTo(4.5);
                }
            }
        }
        assertThat(HealthPalette.of(Optional.of(HealthColour.YELLOW))).isEqualTo(HealthPalette.YELLOW);
        assertThat(HealthPalette.of(Optional.empty())).isEqualTo(HealthPalette.NONE);
    }

    @Test
    void chipsInTheAppTakeTheColoursOfTheThemeShowing() throws Exception {
        HealthChip chip = new HealthChip(HealthColour.YELLOW);
        StackPane root = new StackPane(chip);
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(root);
            Theme.apply(false);
            Theme.style(scene);
            root.applyCss();
        }).get();
        assertColours(chip, HealthPalette.YELLOW.in(Medium.LIGHT));
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                Theme.apply(true);
                root.applyCss();
            }).get();
            assertColours(chip, HealthPalette.YELLOW.in(Medium.DARK));
        } finally {
            WaitForAsyncUtils.asyncFx(() -> Theme.apply(false)).get();
        }
    }

    private static void assertColours(HealthChip chip, Swatch expected) {
        assertThat(chip.getTextFill()).isEqualTo(Color.web(expected.text()));
        assertThat(chip.getBackground().getFills().get(0).getFill()).isEqualTo(Color.web(expected.fill()));
    }
}
