package ftop.core.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV text (RFC 4180) into rows, each with the line of the file it starts on.
 *
 * <ul>
 *   <li>Fields are separated by commas and may be put in double quotes; a doubled quote inside quotes
 *       is a quote; quoted fields may hold commas and line breaks.</li>
 *   <li>Lines may end in CRLF, LF or CR; a byte order mark at the start is skipped, as spreadsheet
 *       programs write one.</li>
 *   <li>Blanks around a field are dropped, so {@code a, "b" ,c} reads as {@code a}, {@code b},
 *       {@code c}; blanks inside quotes are kept.</li>
 *   <li>Blank lines are rows of one empty field ({@link CsvRow#blank()}), so line numbers stay those of
 *       the file.</li>
 *   <li>A row with text after a closing quote ({@code "a"b}) is malformed and reading goes on with the
 *       next line; a quoted field that is never closed makes the rest of the file one malformed row,
 *       reported at the line where it starts.</li>
 * </ul>
 */
public final class CsvReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();

    private CsvReader() {
    }

    /** Every row of {@code text}. */
    public static List<CsvRow> read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CsvRow> rows = new ArrayList<>();
        int offset = 0;
        int line = 1;
        while (offset < body.length()) {
            Resume resume = readFrom(body, offset, line, rows);
            if (resume == null) {
                break;
            }
            offset = resume.offset();
            line = resume.line();
        }
        return rows;
    }

    /** Reads all of {@code in}; see {@link #read(String)}. */
    public static List<CsvRow> read(Reader in) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            text.append(buffer, 0, n);
        }
        return read(text.toString());
    }

    /** Where reading goes on after a malformed row: a character offset and the file line there. */
    private record Resume(int offset, int line) {
    }

    /**
     * Reads rows from {@code offset} (at the start of file line {@code line}) to the end, or to a
     * malformed row, after which it tells where to go on (null when nothing is left).
     */
    private static Resume readFrom(String body, int offset, int line, List<CsvRow> rows) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body.substring(offset)))
                .setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            // The parser counts the line breaks it has read, quoted ones included: a row starts on the
            // line after those its predecessors took.
            long linesBefore = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    int start = line + (int) linesBefore;
                    boolean unclosed = String.valueOf(e.getCause().getMessage()).contains("EOF reached");
                    rows.add(new CsvRow(start, List.of(), Optional.of(unclosed
                            ? CsvRow.Malformed.QUOTE_NEVER_CLOSED : CsvRow.Malformed.TEXT_AFTER_QUOTE)));
                    if (unclosed) {
                        return null;
                    }
                    // Mid-line, the parser counts the line it is on: go on at the start of the next.
                    int stoppedOn = (int) parser.getCurrentLineNumber();
                    int next = afterLineBreaks(body, offset, stoppedOn);
                    return next < 0 ? null : new Resume(next, line + stoppedOn);
                }
                rows.add(new CsvRow(line + (int) linesBefore, record.toList(), Optional.empty()));
                linesBefore = parser.getCurrentLineNumber();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /** The offset just after the {@code count}th line break from {@code from} (CRLF is one), or -1. */
    private static int afterLineBreaks(String text, int from, int count) {
        int i = from;
        int seen = 0;
        while (i < text.length() && seen < count) {
            char c = text.charAt(i++);
            if (c == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                seen++;
            } else if (c == '\n') {
                seen++;
            }
        }
        return seen == count && i < text.length() ? i : -1;
    }
}
