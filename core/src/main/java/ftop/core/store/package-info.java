/**
 * The local store: an H2 file database holding the client's cache of server rows, the user's
 * local edits on top of them, and the outbox of edits on their way to the server.
 *
 * <p>Each row is kept twice: the <em>server copy</em> (the row as the server last told us, with its
 * revision) and the <em>local view</em> (the server copy with every edit still in the outbox laid
 * over it, oldest first). Screens read the local view; the sync client reads and feeds the server
 * copy and the outbox. An edit writes the local view and its outbox entry in one transaction, and
 * the commit is on disk when {@link ftop.core.store.LocalStore#save(Object)} returns, so an edit
 * survives the process being killed right after.
 *
 * <p>When the server reports a conflict, the local view shows the server's value for the
 * conflicting fields and keeps the user's other changes; the user's values wait in the outbox
 * entry until the user picks keep mine or take theirs. A refused edit stays visible, with the
 * server's message, until the user keeps or discards it. A pull never loses a pending edit.
 *
 * <p>Screens use the store through its two ports, {@link ftop.core.store.WorkspaceReads} and
 * {@link ftop.core.store.WorkspaceWrites}; {@link ftop.core.store.LocalStore} implements both and
 * hands the work to one class per job (opening and transactions, rows, the local view, edits,
 * sync state, settings and history). Listeners hear of each committed change as a
 * {@link ftop.core.store.StoreChange} with its origin: a local edit or sync.
 */
package ftop.core.store;
