package ftop.app.review.export;

import java.util.Optional;

import ftop.app.widgets.HealthPalette;
import ftop.core.health.HealthColour;

/**
 * The colours of a health chip or cell in an exported pack, one per health colour and one for "no
 * data", as {@link HealthPalette} gives them for print: white text on red, green and blue, dark text
 * on yellow, each pair at least 4.5:1 (WCAG 2 AA). The HTML and PDF exports take their chip styles
 * from here, so a test of these pairs is a test of what the documents print.
 */
enum HealthChip {
    RED, YELLOW, GREEN, BLUE, NONE;

    static HealthChip of(Optional<HealthColour> colour) {
        return colour.map(c -> valueOf(c.name())).orElse(NONE);
    }

    private HealthPalette.Swatch swatch() {
        return HealthPalette.valueOf(name()).in(HealthPalette.Medium.PRINT);
    }

    /** The fill, as {@code #rrggbb}. */
    String background() {
        return swatch().fill();
    }

    /** The text colour on that fill, as {@code #rrggbb}. */
    String text() {
        return swatch().text();
    }

    /** The CSS class of elements with this chip's colours. */
    String cssClass() {
        return name();
    }

    /** The style rule of {@link #cssClass()}. */
    String cssRule() {
        return "." + cssClass() + "{background:" + background() + "!important;color:" + text() + "}";
    }

    /** The WCAG 2 contrast ratio of this chip's text on its fill, from 1 (none) to 21 (black on white). */
    double contrastRatio() {
        return HealthPalette.contrast(background(), text());
    }

    /** The WCAG 2 contrast ratio of two {@code #rrggbb} colours. */
    static double contrast(String one, String other) {
        return HealthPalette.contrast(one, other);
    }
}
