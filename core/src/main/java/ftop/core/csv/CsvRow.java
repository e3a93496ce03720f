package ftop.core.csv;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a CSV file as read, and the line of the file it starts on.
 *
 * @param line      the (1-based) line the row starts on; the header is line 1, and a row whose quoted
 *                  field spans lines still counts from its first line
 * @param fields    the values as written, quotes removed; a blank line is one empty field
 * @param malformed why the row cannot be read, if it cannot; its fields are then empty
 */
public record CsvRow(int line, List<String> fields, Optional<Malformed> malformed) {

    /** Why a row cannot be read. */
    public enum Malformed {
        /** Text follows a closing quote, as in {@code "a"b}; reading goes on with the next line. */
        TEXT_AFTER_QUOTE("text after a closing quote; put the whole field in quotes and double any quote inside it"),
        /** A quoted field is never closed: the rest of the file is this one row. */
        QUOTE_NEVER_CLOSED("a quoted field that starts here is never closed, so the rest of the file cannot be read");

        private final String message;

        Malformed(String message) {
            this.message = message;
        }

        /** What is wrong and how to mend it, for a person. */
        public String message() {
            return message;
        }
    }

    /** Every value is required; {@code fields} is copied. */
    public CsvRow {
        fields = List.copyOf(fields);
        Objects.requireNonNull(malformed, "malformed");
    }

    /** A line with nothing on it but blanks, which imports skip. */
    public boolean blank() {
        return malformed.isEmpty() && fields.size() == 1 && fields.get(0).isBlank();
    }
}
