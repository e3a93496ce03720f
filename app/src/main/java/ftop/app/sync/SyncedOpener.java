package ftop.app.sync;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import ftop.app.workspace.StoreWorkspace;
import ftop.app.workspace.Workspace;
import ftop.app.workspace.WorkspaceOpener;
import ftop.core.store.LocalStore;
import ftop.sync.client.SyncEngine;
import ftop.sync.client.SyncException;

/**
 * Opens a profile's workspace connected to its server (see {@link SyncSession#open}): the demo
 * profile is filled by a first sync from its embedded server rather than loaded directly, so the
 * demo and production take the same path. Keeps the session for the window to show and start.
 */
public final class SyncedOpener implements WorkspaceOpener {

    private final Optional<String> server;
    private final SyncEngine.Options options;
    private volatile SyncSession session;

    public SyncedOpener(Optional<String> server, SyncEngine.Options options) {
        this.server = Objects.requireNonNull(server, "server");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Workspace open(String profile, Optional<Path> home, LocalDate today) {
        Path dir = home.orElseGet(() -> LocalStore.defaultDirectory(profile));
        LocalStore store = LocalStore.open(dir);
        try {
            session = SyncSession.open(store, server, "demo".equals(profile), options);
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
