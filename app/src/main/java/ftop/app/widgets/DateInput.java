package ftop.app.widgets;

import java.time.LocalDate;
import java.util.Optional;

import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Dates as people type them: as the app writes them ({@link DateText}, in the person's locale),
 * the locale's long and short forms, and "2021-05-17". A blank text is no date. Anything else is
 * refused with a message that shows the accepted forms, never guessed at.
 */
public final class DateInput {

    /** What the error message suggests. */
    public static final String EXPECTED = DateText.current().expected();

    private DateInput() {
    }

    /**
     * Reads {@code text} as a date.
     *
     * @return empty for a blank text
     * @throws IllegalArgumentException with a message for people when it is not a date
     */
    public static Optional<LocalDate> parse(String text) {
        return DateText.current().read(text);
    }

    /**
     * A date picker that shows dates as the app writes them and accepts typed dates in any of the
     * forms above. Typed text that is not a date is left as typed (so {@link #read} can say what
     * is wrong) rather than silently replaced.
     */
    public static DatePicker picker() {
        DatePicker picker = new DatePicker();
        picker.setEditable(true);
        picker.setPromptText("e.g. " + DateText.of(LocalDate.of(2021, 5, 17)));
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return DateText.of(date);
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return parse(text).orElse(null);
                } catch (IllegalArgumentException e) {
                    // keep the last good value; read() reports the text
                    return picker.getValue();
                }
            }
        });
        return picker;
    }

    /**
     * What the picker holds, reading the text in its editor (which a picker only commits on Enter
     * or focus loss), so a date typed just before clicking Save counts.
     *
     * @throws IllegalArgumentException when the typed text is not a date
     */
    public static Optional<LocalDate> read(DatePicker picker) {
        return parse(picker.getEditor().getText());
    }

    /** Shows {@code date} in {@code picker}, text included. */
    public static void show(DatePicker picker, Optional<LocalDate> date) {
        picker.setValue(date.orElse(null));
        picker.getEditor().setText(DateText.of(date.orElse(null)));
    }
}
