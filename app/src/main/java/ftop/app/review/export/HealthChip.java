package ftop.app.review.export;

import ftop.core.health.HealthColour;
import java.util.Locale;
import java.util.Optional;

/**
 * The colours of a health chip or cell in an exported pack, one per health colour and one for "no
 * data". Each pair meets WCAG 2 AA for normal text (a contrast ratio of at least 4.5:1): white reads
 * on red, green and blue, but not on yellow, which takes dark text. The HTML and PDF exports take
 * their chip styles from here, so a test of these pairs is a test of what the documents print.
 */
enum HealthChip {
    RED("#c62828", "#ffffff"),
    YELLOW("#f9a825", "#1f2937"),
    GREEN("#2e7d32", "#ffffff"),
    BLUE("#1565c0", "#ffffff"),
    NONE("#e5e7eb", "#4b5563");

    private final String background;
    private final String text;

    HealthChip(String background, String text) {
        this.background = background;
        this.text = text;
    }

    static HealthChip of(Optional<HealthColour> colour) {
        return colour.map(c -> valueOf(c.name())).orElse(NONE);
    }

    /** The fill, as {@code #rrggbb}. */
    String background() {
        return background;
    }

    /** The text colour on that fill, as {@code #rrggbb}. */
    String text() {
        return text;
    }

    /** The CSS class of elements with this chip's colours. */
    String cssClass() {
        return name();
    }

    /** The style rule of {@link #cssClass()}. */
    String cssRule() {
        return "." + cssClass() + "{background:" + background + "!important;color:" + text + "}";
    }

    /**
     * The WCAG 2 contrast ratio of this chip's text on its fill, from 1 (none) to 21 (black on white).
     */
    double contrastRatio() {
        return contrast(background, text);
    }

    /** The WCAG 2 contrast ratio of two {@code #rrggbb} colours. */
    static double contrast(String one, String other) {
        double a = relativeLuminance(one);
        double b = relativeLuminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** WCAG 2 relative luminance of a {@code #rrggbb} colour. */
    static double relativeLuminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1).toLowerCase(Locale.ROOT), 16);
        return 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
