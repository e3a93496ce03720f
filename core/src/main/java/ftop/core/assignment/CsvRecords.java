package ftop.core.assignment;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits CSV text into records (RFC 4180): fields separated by commas, optionally in double
 * quotes, a doubled quote inside quotes is a quote, quoted fields may hold commas and line breaks.
 * Lines may end in CRLF, LF or CR; a byte order mark at the start is skipped, as spreadsheet
 * programs write one. Each record knows the line it starts on, so problems can be reported there.
 */
final class CsvRecords {

    /**
     * One record and the (1-based) line of the file it starts on.
     *
     * @param malformed why the record cannot be trusted, if it cannot; its fields are then a best guess
     */
    record Record(int line, List<String> fields, Optional<String> malformed) {

        boolean blank() {
            return malformed.isEmpty() && fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private CsvRecords() {
    }

    /**
     * Every record of {@code text}, blank lines included (as a single empty field). A record with
     * text after a closing quote is marked malformed and reading goes on with the next record; a
     * quoted field that is never closed makes the rest of the file one malformed record.
     */
    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        if (i >= n) {
            return records;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int recordLine = line;
        boolean quoted = false;
        boolean afterQuote = false;
        String malformed = null;
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(new Record(recordLine, List.copyOf(fields), Optional.ofNullable(malformed)));
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                malformed = null;
                line++;
                recordLine = line;
            } else if (c == '"' && field.toString().isBlank() && !afterQuote) {
                // Blanks before an opening quote are spreadsheet noise; the quoted text is the value.
                field.setLength(0);
                quoted = true;
            } else if (afterQuote) {
                if (!Character.isWhitespace(c) && malformed == null) {
                    malformed = "text after a closing quote; put the whole field in quotes and double any quote "
                            + "inside it";
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields), Optional.of("a quoted field that starts here is "
                    + "never closed, so the rest of the file cannot be read")));
            return records;
        }
        char last = text.charAt(n - 1);
        if (last != '\n' && last != '\r') {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields), Optional.ofNullable(malformed)));
        }
        return records;
    }

    /** Reads all of {@code in}; see {@link #parse(String)}. */
    static List<Record> parse(Reader in) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            text.append(buffer, 0, read);
        }
        return parse(text.toString());
    }

    /** {@code value} as a CSV field: quoted when it holds a comma, a quote, a line break or edge blanks. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
