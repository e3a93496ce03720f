package ftop.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * A choice whose label is what a person reads (and what the seeds print), kept apart from the
 * constant name that code and the wire use.
 */
public interface Labelled {

    /** The text shown to people, exactly as the FTOP guides write it. */
    String label();

    /**
     * Finds the constant of {@code type} whose label or name matches {@code text}, ignoring case
     * and surrounding blanks; the CSV import and the forms accept either.
     */
    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.label().equalsIgnoreCase(wanted) || e.name().equalsIgnoreCase(wanted))
                .findFirst();
    }
}
