package ftop.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotesCommasDoubledQuotesAndLineBreaksInsideQuotes() {
        List<CsvRow> rows = CsvReader.read("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,\n");

        assertThat(rows).extracting(CsvRow::fields).containsExactly(
                List.of("a", "b,c", "say \"hi\""),
                List.of("two\nlines", "x", ""));
        assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2);
    }

    @Test
    void acceptsCrlfCrAndLfAndSkipsTheByteOrderMark() {
        List<CsvRow> rows = CsvReader.read("\uFEFFtpid,user\r\n1,a\r2,b\n3,c");

        assertThat(rows).extracting(CsvRow::fields).containsExactly(
                List.of("tpid", "user"), List.of("1", "a"), List.of("2", "b"), List.of("3", "c"));
        assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2, 3, 4);
    }

    @Test
    void countsLinesAfterAQuotedLineBreak() {
        List<CsvRow> rows = CsvReader.read("h\r\n\"x\r\ny\"\r\n\r\nlast\r\n");

        assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2, 4, 5);
        assertThat(rows.get(1).fields()).containsExactly("x\r\ny");
        assertThat(rows.get(2).blank()).isTrue();
    }

    @Test
    void aRowWhoseQuotedFieldsSpanSeveralLinesStartsWhereItsFirstLineIs() {
        List<CsvRow> rows = CsvReader.read("h1,h2\n\"one\ntwo\nthree\",\"four\r\nfive\"\nnext,row\n\n\"a\nb\",c");

        assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2, 6, 7, 8);
        assertThat(rows.get(2).fields()).containsExactly("next", "row");
        assertThat(rows.get(4).fields()).containsExactly("a\nb", "c");
    }

    @Test
    void dropsBlanksAroundFieldsButKeepsThemInsideQuotes() {
        assertThat(CsvReader.read("a, \"b\" , c ,\" d \"\n").get(0).fields()).containsExactly("a", "b", "c", " d ");
    }

    @Test
    void marksTextAfterAClosingQuoteAndGoesOnWithTheNextLine() {
        List<CsvRow> rows = CsvReader.read("\"a\"b,c\nd,e\n\"x\ny\"z\n\"last\"\n");

        assertThat(rows.get(0).line()).isEqualTo(1);
        assertThat(rows.get(0).malformed()).contains(CsvRow.Malformed.TEXT_AFTER_QUOTE);
        assertThat(rows.get(1)).isEqualTo(new CsvRow(2, List.of("d", "e"), Optional.empty()));
        assertThat(rows.get(2).line()).isEqualTo(3);
        assertThat(rows.get(2).malformed()).contains(CsvRow.Malformed.TEXT_AFTER_QUOTE);
        assertThat(rows.get(3)).isEqualTo(new CsvRow(5, List.of("last"), Optional.empty()));
        assertThat(rows).hasSize(4);
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItStarts() {
        List<CsvRow> rows = CsvReader.read("h\nok\n\"never closed,\nmore\n");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).line()).isEqualTo(3);
        assertThat(rows.get(2).malformed()).contains(CsvRow.Malformed.QUOTE_NEVER_CLOSED);
        assertThat(rows.get(2).malformed().get().message()).contains("never closed");
    }

    @Test
    void emptyTextHasNoRows() throws IOException {
        assertThat(CsvReader.read("")).isEmpty();
        assertThat(CsvReader.read("\uFEFF")).isEmpty();
        assertThat(CsvReader.read(new StringReader(""))).isEmpty();
    }

    @Test
    void readsWhatTheWriterWrote() throws IOException {
        StringBuilder out = new StringBuilder();
        List<String> awkward = List.of("x,\"y\"\nz", " padded ", "=SUM(A1)", "", "caf\u00e9 \u6771\u4eac", "-42");
        new CsvWriter(out).row("first", "second").row(awkward);

        List<CsvRow> rows = CsvReader.read(out.toString());

        assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2);
        assertThat(rows.get(1).fields().stream().map(FormulaGuard::restore)).containsExactlyElementsOf(awkward);
    }
}
