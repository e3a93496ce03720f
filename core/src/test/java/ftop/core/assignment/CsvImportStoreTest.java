package ftop.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.assignment.CsvImport.BadLinesException;
import ftop.core.assignment.CsvImport.ImportLine;
import ftop.core.store.LocalStore;
import ftop.core.validation.Contoso;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing CSV files into a real local store. */
class CsvImportStoreTest {

    private static final String HEADER = "tpid,customer,area,role,user,scope,primary\r\n";
    private static final String GOOD = "2002,Fabrikam,Onboarding,FastTrack Engineer,lynne.robbins,Customer,no\r\n";
    private static final String BAD = "1001,Contoso,Onboarding,FastTrack Engineer,nobody,Customer,no\r\n";

    @TempDir
    Path dir;
    LocalStore store;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir, BatchAssignmentStoreTest.CLOCK);
        store.bulkLoad(BatchAssignmentStoreTest.data(), 1);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private CsvImport read(String text) throws IOException {
        return AssignmentCsv.read(new StringReader(text), AssignmentReader.of(store, Contoso.TODAY),
                EditPermission.anything());
    }

    @Test
    void aGoodFileIsWrittenWithItsOutboxEntriesAndCanBeUndone() throws IOException {
        AppliedBatch applied = read(HEADER + GOOD).apply(store, false);

        assertThat(store.assignments().byTpid(Contoso.FABRIKAM_TPID)).extracting(Assignment::userId)
                .containsExactlyInAnyOrder("alex.wilber", "lynne.robbins");
        assertThat(store.outbox().pendingCount()).isEqualTo(1);

        applied.undo(store);

        assertThat(store.assignments().byTpid(Contoso.FABRIKAM_TPID)).containsExactly(BatchAssignmentStoreTest.ALEX_ON_FABRIKAM);
    }

    @Test
    void aFileWithABadLineWritesNothingAndNamesTheLine() throws IOException {
        CsvImport result = read(HEADER + GOOD + BAD);

        assertThatThrownBy(() -> result.apply(store, false))
                .isInstanceOf(BadLinesException.class)
                .hasMessageContaining("1 bad line, so nothing was written: line 3: bad: There is no user \"nobody\".")
                .satisfies(e -> assertThat(((BadLinesException) e).badLines()).extracting(ImportLine::line)
                        .containsExactly(3));
        assertThat(store.assignments().count()).isEqualTo(2);
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void applyValidWritesTheGoodLinesOfAFileWithBadOnes() throws IOException {
        AppliedBatch applied = read(HEADER + GOOD + BAD).apply(store, true);

        assertThat(applied.applied().saves()).extracting(Assignment::userId).containsExactly("lynne.robbins");
        assertThat(store.assignments().count()).isEqualTo(3);
    }

    @Test
    void aDryRunIsReadingWithoutApplying() throws IOException {
        CsvImport result = read(HEADER + GOOD);

        assertThat(result.summary()).isEqualTo("1 added");
        assertThat(store.assignments().count()).isEqualTo(2);
        assertThat(store.outbox().pendingCount()).isZero();
    }
}
