package ftop.sync.protocol;

import java.util.List;

/**
 * Answer to {@code POST /api/v1/mutations}: one result per mutation, in the order sent.
 *
 * @param results the results
 */
public record MutationResults(List<MutationResult> results) {

    public MutationResults {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
