package ftop.core.store;

import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import java.util.List;
import java.util.UUID;

/**
 * The write port of a workspace: the user's edits and decisions, the settings and the drafts, on
 * top of what the {@linkplain WorkspaceReads read port} gives (a write validates against it).
 * Each call is one transaction, on disk when it returns; an edit is validated first and, when it
 * breaks a rule, nothing is written. Implemented by {@link LocalStore}; screens depend on this
 * interface only.
 *
 * <p>Every method touches the database: call them off the UI thread.
 */
public interface WorkspaceWrites extends WorkspaceReads {

    /**
     * Saves a row the user edited or created and queues it for the server.
     *
     * @return the queued mutation; without fields when nothing differed (nothing was written)
     * @throws ValidationException when the row breaks a rule; nothing was written
     */
    Mutation save(Object entity);

    /**
     * Saves and deletes several rows as one edit: all of it is written or none.
     *
     * @throws ValidationException with the problems of every row that breaks a rule; nothing was written
     */
    List<Mutation> saveAll(List<?> saves, List<RowRef> deletes);

    /** Deletes a row locally and queues the delete for the server. */
    Mutation delete(EntityKind kind, String id);

    /** Sends the user's values of a conflicting or refused edit again, over the server's row. */
    void keepMine(UUID mutationId);

    /** Takes the server's values of a conflicting or refused edit; the user's other fields go up again. */
    void takeTheirs(UUID mutationId);

    /** Gives up an edit waiting in the outbox; the local view shows the server's row again. */
    void discard(UUID mutationId);

    /** Sets a setting of this workspace; listeners are not told. */
    void putSetting(String key, String value);

    /** Removes a setting of this workspace, if it is set; listeners are not told. */
    void removeSetting(String key);

    /**
     * Keeps what the screen {@code name} shows, in its own encoding, for the next start to show
     * before it reads the rows (see {@link WorkspaceReads#viewSnapshot}); listeners are not told.
     */
    void putViewSnapshot(String name, String body);

    /**
     * Makes the search index from the rows when it is missing or was made by another version, in
     * one transaction (for S1500 some seconds of CPU); returns whether it did. Opening a workspace
     * leaves this to its caller, so that a workspace opens at once.
     */
    boolean buildSearchIndexIfMissing();

    /** What people typed into open forms and have not saved yet; never in the outbox. */
    Drafts drafts();
}
