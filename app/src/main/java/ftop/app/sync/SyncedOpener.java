package ftop.app.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import ftop.app.workspace.StoreWorkspace;
import ftop.app.workspace.Workspace;
import ftop.app.workspace.WorkspaceOpener;
import ftop.core.store.LocalStore;
import ftop.core.store.WorkspaceKeys;
import ftop.sync.client.SyncEngine;
import ftop.sync.client.SyncException;
import ftop.sync.client.TransportSecurity;

/**
 * Opens a profile's workspace connected to its server (see {@link SyncSession#open}): the demo
 * profile is filled by a first sync from its embedded server rather than loaded directly, so the
 * demo and production take the same path. Keeps the session for the window to show and start.
 */
public final class SyncedOpener implements WorkspaceOpener {

    private final Optional<String> server;
    private final SyncEngine.Options options;
    private final Optional<WorkspaceKeys> keys;
    private final TransportSecurity security;
    private volatile SyncSession session;

    /** An opener of plain workspaces (tests). */
    public SyncedOpener(Optional<String> server, SyncEngine.Options options) {
        this(server, options, Optional.empty(), TransportSecurity.defaults());
    }

    /**
     * With {@code keys}, every workspace that may hold a server's data is encrypted at rest; the
     * demo profile on its embedded server holds made-up data only and stays plain, so the demo
     * starts without asking for a passphrase. Servers are reached as {@code security} says.
     */
    public SyncedOpener(Optional<String> server, SyncEngine.Options options, Optional<WorkspaceKeys> keys,
            TransportSecurity security) {
        this.server = Objects.requireNonNull(server, "server");
        this.options = Objects.requireNonNull(options, "options");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.security = Objects.requireNonNull(security, "security");
    }

    @Override
    public Workspace open(String profile, Optional<Path> home, LocalDate today) {
        Path dir = home.orElseGet(() -> LocalStore.defaultDirectory(profile));
        boolean demo = "demo".equals(profile);
        LocalStore store = keys.isPresent() && (!demo || server.isPresent())
                ? LocalStore.open(dir, Clock.systemDefaultZone(), keys.get())
                : LocalStore.open(dir);
        try {
            session = SyncSession.open(store, server, demo, options, security);
            return StoreWorkspace.attach(profile, store);
        } catch (SyncException e) {
            store.close();
            throw new IllegalStateException("The demo server could not fill the workspace: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The session of the workspace opened last; empty before {@link #open}. */
    public Optional<SyncSession> session() {
        return Optional.ofNullable(session);
    }
}
