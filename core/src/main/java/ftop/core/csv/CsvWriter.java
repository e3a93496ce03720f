package ftop.core.csv;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes CSV (RFC 4180) as spreadsheets expect it: comma separated, lines ending in CRLF, a field in
 * double quotes (quotes inside doubled) only when it must be: when it holds a comma, a quote or a line
 * break, or starts or ends with a blank. Every cell goes through {@link FormulaGuard#neutralise}
 * first, so no cell of an FTOP file runs as a formula. A {@code null} cell is written empty.
 */
public final class CsvWriter implements Flushable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();

    private final CSVPrinter printer;

    /** A writer appending rows to {@code out}, which it never closes. */
    public CsvWriter(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // only a header or comment is written here, and we have none
        }
    }

    /** Writes one row. */
    public CsvWriter row(List<String> cells) throws IOException {
        printer.printRecord(cells.stream().map(CsvWriter::guarded));
        return this;
    }

    /** Writes one row. */
    public CsvWriter row(String... cells) throws IOException {
        return row(Arrays.asList(cells));
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    /**
     * {@code value} as it stands in a written row: guarded, and quoted when it must be. (An empty cell
     * is written as nothing, or as {@code ""} when it is a row's first, so the row does not read as a
     * blank line.)
     */
    public static String cell(String value) {
        String guarded = guarded(value);
        if (guarded.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        try {
            FORMAT.print(guarded, out, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    private static String guarded(String value) {
        return FormulaGuard.neutralise(value == null ? "" : value);
    }
}
