package ftop.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Body of {@code POST /api/v1/mutations}: edits in the order they were made.
 *
 * <p>A desktop names itself and says which answers it holds, as Replicache's client id and last
 * mutation id do: the server may then forget the answers below {@code ackedBelow} and still knows
 * that a mutation of that client numbered below it was processed, however long ago.
 *
 * @param mutations  at most {@link #MAX_SIZE} edits
 * @param clientId   the sending workspace's id (a UUID it made once); null from clients that do not say
 * @param ackedBelow the sender holds the answer to each of its mutations numbered ({@link
 *                   MutationRequest#clientSeq()}) below this and will never send one of them again;
 *                   null with no client id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MutationBatch(List<MutationRequest> mutations, String clientId, Long ackedBelow) {

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

    /** A batch from a client that does not name itself. */
    public MutationBatch(List<MutationRequest> mutations) {
        this(mutations, null, null);
    }
}
