package ftop.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.assignment.CsvRecords.Record;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void readsQuotesCommasDoubledQuotesAndLineBreaksInsideQuotes() {
        List<Record> records = CsvRecords.parse("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,\n");

        assertThat(records).extracting(Record::fields).containsExactly(
                List.of("a", "b,c", "say \"hi\""),
                List.of("two\nlines", "x", ""));
        assertThat(records).extracting(Record::line).containsExactly(1, 2);
    }

    @Test
    void acceptsCrlfCrAndLfAndSkipsTheByteOrderMark() {
        List<Record> records = CsvRecords.parse("\uFEFFtpid,user\r\n1,a\r2,b\n3,c");

        assertThat(records).extracting(Record::fields).containsExactly(
                List.of("tpid", "user"), List.of("1", "a"), List.of("2", "b"), List.of("3", "c"));
        assertThat(records).extracting(Record::line).containsExactly(1, 2, 3, 4);
    }

    @Test
    void countsLinesAfterAQuotedLineBreak() {
        List<Record> records = CsvRecords.parse("h\r\n\"x\r\ny\"\r\n\r\nlast\r\n");

        assertThat(records).extracting(Record::line).containsExactly(1, 2, 4, 5);
        assertThat(records.get(2).blank()).isTrue();
    }

    @Test
    void marksTextAfterAClosingQuoteAndGoesOn() {
        List<Record> records = CsvRecords.parse("\"a\"b,c\nd,e\n");

        assertThat(records.get(0).malformed()).get().asString().contains("after a closing quote");
        assertThat(records.get(1)).isEqualTo(new Record(2, List.of("d", "e"), Optional.empty()));
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItStarts() {
        List<Record> records = CsvRecords.parse("h\nok\n\"never closed,\nmore\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(2).malformed()).get().asString().contains("never closed");
    }

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertThat(CsvRecords.field("plain")).isEqualTo("plain");
        assertThat(CsvRecords.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvRecords.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvRecords.field(" padded")).isEqualTo("\" padded\"");
        assertThat(CsvRecords.parse(CsvRecords.field("x,\"y\"\nz") + "\n").get(0).fields()).containsExactly("x,\"y\"\nz");
    }

    @Test
    void emptyTextHasNoRecords() {
        assertThat(CsvRecords.parse("")).isEmpty();
        assertThat(CsvRecords.parse("\uFEFF")).isEmpty();
    }
}
