package ftop.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.dataset.DatasetGenerator.Scale;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generated rows travel as the store and the wire carry them: by kind, id and JSON. */
class GeneratedRowsCodecTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 3);

    @Test
    void every_demo_row_reads_back_equal_from_its_json() {
        Dataset demo = DatasetGenerator.demo(TODAY);
        demo.byKind().forEach((kind, rows) -> {
            for (Object row : rows) {
                assertThat(EntityKind.of(row)).isEqualTo(kind);
                Object back = EntityCodec.fromJson(kind, EntityCodec.toJson(row));
                assertThat(back).as("%s %s", kind, kind.idOf(row)).isEqualTo(row);
            }
        });
    }

    @Test
    void every_s1500_row_has_an_id_of_its_own_within_its_kind_and_reads_back_equal() {
        Dataset s1500 = DatasetGenerator.generate(Scale.S1500, 3, TODAY);
        s1500.byKind().forEach((kind, rows) -> {
            Set<String> ids = new HashSet<>();
            for (Object row : rows) {
                assertThat(ids.add(kind.idOf(row))).as("%s %s is unique", kind, kind.idOf(row)).isTrue();
            }
            // A sample of each kind through JSON: every hundredth row.
            for (int i = 0; i < rows.size(); i += 100) {
                Object row = rows.get(i);
                assertThat((Object) EntityCodec.fromJson(kind, EntityCodec.toJson(row))).isEqualTo(row);
            }
        });
        assertThat(s1500.byKind().values()).extracting(List::size).allMatch(n -> n > 0);
    }
}
