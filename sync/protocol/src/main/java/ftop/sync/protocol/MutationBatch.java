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
        if (mutations != null && mutations.contains(null)) {
            throw new IllegalArgumentException("mutations[" + mutations.indexOf(null) + "] is null; each entry must be a mutation");
        }
        mutations = mutations == null ? List.of() : List.copyOf(mutations);
    }
}
