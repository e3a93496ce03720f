package ftop.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertThat(CsvWriter.cell("plain")).isEqualTo("plain");
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvWriter.cell(" padded")).isEqualTo("\" padded\"");
        assertThat(CsvWriter.cell("padded ")).isEqualTo("\"padded \"");
        assertThat(CsvWriter.cell("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale")).isEqualTo("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale");
        assertThat(CsvWriter.cell(null)).isEmpty();
    }

    @Test
    void rowsEndInCrlfAndEveryCellIsGuarded() throws IOException {
        StringBuilder out = new StringBuilder();

        new CsvWriter(out).row("tpid", "name").row(Arrays.asList("1001", "=HYPERLINK(\"http://x\")")).row("2002", null);

        assertThat(out.toString()).isEqualTo("tpid,name\r\n1001,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n2002,\r\n");
    }
}
