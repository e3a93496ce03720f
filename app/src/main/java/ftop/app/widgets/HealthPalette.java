package ftop.app.widgets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import ftop.core.health.HealthColour;

/**
 * The one source of the health colours: for each colour (and "no data") the fill of a chip or cell,
 * the text on it, and the accent (a chip's dot and border, and red or yellow text on the page, such
 * as "Overdue"), for the light theme, the dark theme and print (the meeting pack's HTML and PDF).
 * Every text colour meets WCAG 2 AA for normal text (a contrast ratio of at least 4.5:1) on its fill
 * and every accent on the page's background; {@code HealthPaletteTest} checks each pair.
 *
 * <p>The app takes them as the lookup colours of {@link #stylesheet(Medium)} ({@code -ftop-red},
 * {@code -ftop-red-bg}, {@code -ftop-red-fg}...), which {@code ftop.css} uses.
 */
public enum HealthPalette {
    RED(new Swatch("#ffebe9", "#1f2328", "#cf222e"), new Swatch("#4a1c20", "#e6edf3", "#ff7b72"),
            new Swatch("#c62828", "#ffffff", "#c62828")),
    YELLOW(new Swatch("#fff8c5", "#1f2328", "#9a6700"), new Swatch("#3d2e00", "#e6edf3", "#d29922"),
            new Swatch("#f9a825", "#1f2937", "#8a5a00")),
    GREEN(new Swatch("#dafbe1", "#1f2328", "#1a7f37"), new Swatch("#12351e", "#e6edf3", "#3fb950"),
            new Swatch("#2e7d32", "#ffffff", "#2e7d32")),
    BLUE(new Swatch("#ddf4ff", "#1f2328", "#0969da"), new Swatch("#0c2d4f", "#e6edf3", "#58a6ff"),
            new Swatch("#1565c0", "#ffffff", "#1565c0")),
    NONE(new Swatch("#f6f8fa", "#59636e", "#d1d9e0"), new Swatch("#161b22", "#9198a1", "#3d444d"),
            new Swatch("#e5e7eb", "#4b5563", "#9ca3af"));

    /** Where the colours are shown, and the background of the page around the chips there. */
    public enum Medium {
        LIGHT("#ffffff"), DARK("#0d1117"), PRINT("#ffffff");

        private final String page;

        Medium(String page) {
            this.page = page;
        }

        /** The background the accents are read on, as {@code #rrggbb}. */
        public String page() {
            return page;
        }
    }

    /**
     * The colours of one health colour in one medium, each {@code #rrggbb}.
     *
     * @param fill   a chip's or cell's background
     * @param text   the text on {@code fill}
     * @param accent a chip's dot and border; text in this colour stands on the page's background
     */
    public record Swatch(String fill, String text, String accent) {
    }

    private final Swatch light;
    private final Swatch dark;
    private final Swatch print;

    HealthPalette(Swatch light, Swatch dark, Swatch print) {
        this.light = light;
        this.dark = dark;
        this.print = print;
    }

    /** The palette entry of {@code colour}; {@link #NONE} when there is none. */
    public static HealthPalette of(Optional<HealthColour> colour) {
        return colour.map(c -> valueOf(c.name())).orElse(NONE);
    }

    /** The colours in {@code medium}. */
    public Swatch in(Medium medium) {
        return switch (medium) {
            case LIGHT -> light;
            case DARK -> dark;
            case PRINT -> print;
        };
    }

    /** The name of the lookup colours of this entry: {@code -ftop-red}, {@code -ftop-red-bg}, {@code -ftop-red-fg}. */
    public String lookup() {
        return "-ftop-" + name().toLowerCase(Locale.ROOT);
    }

    /** The lookup colours of every entry for {@code medium}, as one CSS rule on {@code .root}. */
    public static String css(Medium medium) {
        StringBuilder css = new StringBuilder(".root {\n");
        for (HealthPalette entry : values()) {
            Swatch s = entry.in(medium);
            css.append("    ").append(entry.lookup()).append(": ").append(s.accent()).append(";\n")
                    .append("    ").append(entry.lookup()).append("-bg: ").append(s.fill()).append(";\n")
                    .append("    ").append(entry.lookup()).append("-fg: ").append(s.text()).append(";\n");
        }
        return css.append("}\n").toString();
    }

    /** {@link #css(Medium)} as a stylesheet URL a scene can take ({@code data:text/css}). */
    public static String stylesheet(Medium medium) {
        return "data:text/css;base64,"
                + Base64.getEncoder().encodeToString(css(medium).getBytes(StandardCharsets.UTF_8));
    }

    /** The WCAG 2 contrast ratio of two {@code #rrggbb} colours, from 1 (none) to 21 (black on white). */
    public static double contrast(String one, String other) {
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
