/**
 * The desktop side of sync: {@link ftop.sync.client.SyncClient} signs in, pushes the local
 * outbox and pulls the server's changes into a {@link ftop.core.store.LocalStore};
 * {@link ftop.sync.client.SyncEngine} runs it in the background (at start, on an interval,
 * shortly after each local edit, on demand, with back-off while the server is away) and publishes
 * a {@link ftop.sync.client.SyncStatus}. Every failure is a
 * {@link ftop.sync.client.SyncException} of one {@link ftop.sync.client.SyncFailure} kind, with
 * a message for a person; none of them loses a local edit. No JavaFX here: the app adapts the
 * status listener to its own thread, and nothing here imports the server: the client knows it
 * only by its HTTP API.
 */
package ftop.sync.client;
