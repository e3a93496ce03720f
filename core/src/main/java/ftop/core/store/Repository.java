package ftop.core.store;

import java.util.List;
import java.util.Optional;

/**
 * Reads the local view of one kind of row: the server copy with the user's pending edits on top.
 * Rows deleted locally are not seen.
 *
 * @param <T> the record type of the rows
 */
public interface Repository<T> {

    /** The row with {@code id}, if the local view has it. */
    Optional<T> get(String id);

    /** Every row of this kind, ordered by id. */
    List<T> all();

    /** The rows that belong to customer {@code tpid}, ordered by id. */
    List<T> byTpid(long tpid);

    /** How many rows of this kind the local view has. */
    int count();
}
