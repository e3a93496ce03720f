/**
 * The local store: an H2 file database holding the client's cache of server rows, the user's
 * local edits on top of them, and the outbox of edits on their way to the server.
 *
 * <p>Each row is kept twice: the <em>server copy</em> (the row as the server last told us, with its
 * revision) and the <em>local view</em> (the server copy with every edit still in the outbox laid
 * over it). Screens read the local view; the sync client reads and feeds the server copy and the
 * outbox. An edit writes the local view and its outbox entry in one transaction, so an edit is
 * safe the moment {@link ftop.core.store.LocalStore#save(Object)} returns.
 */
package ftop.core.store;
