package ftop.sync.protocol;

import java.util.List;

/**
 * Body of {@code POST /api/v1/mutations}: edits in the order they were made.
 *
 * @param mutations at most {@link #MAX_SIZE} edits
 */
public record MutationBatch(List<MutationRequest> mutations) {

    /** The largest batch the server accepts. */
    public static final int MAX_SIZE = 200;

    /**
     * @throws IllegalArgumentException when an entry is null
     */
    public MutationBatch {
        if (mutations == null) {
            mutations = List.of();
        }
        for (int i = 0; i < mutations.size(); i++) {
            // Immutable lists refuse contains(null): look at each entry instead.
            if (mutations.get(i) == null) {
                throw new IllegalArgumentException("mutations[" + i + "] is null; each entry must be a mutation");
            }
        }
        mutations = List.copyOf(mutations);
    }
}
