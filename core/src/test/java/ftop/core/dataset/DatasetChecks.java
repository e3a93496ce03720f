package ftop.core.dataset;

import ftop.core.validation.Problem;
import ftop.core.validation.ValidationContext;
import ftop.core.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Checks tests make of whole datasets. */
final class DatasetChecks {

    private DatasetChecks() {
    }

    /** Every problem of every row, each naming the row, judged by a context of the same dataset. */
    static List<String> problems(Dataset dataset, LocalDate today) {
        ValidationContext context = DatasetValidationContext.of(dataset, today);
        List<String> out = new ArrayList<>();
        dataset.byKind().forEach((kind, rows) -> {
            for (Object row : rows) {
                List<Problem> problems = Validator.validate(row, context);
                if (!problems.isEmpty()) {
                    out.add(kind + " " + row + ": " + problems);
                }
            }
        });
        return out;
    }
}
