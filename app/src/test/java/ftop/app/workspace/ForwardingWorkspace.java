package ftop.app.workspace;

import ftop.core.health.HealthRules;
import ftop.core.store.WorkspaceReads;
import ftop.core.store.WorkspaceWrites;
import java.util.Map;
import java.util.Objects;

/**
 * A workspace that hands every call to another one; tests extend it to observe or break a call
 * while the rest takes the production path.
 */
public class ForwardingWorkspace implements Workspace {

    private final Workspace delegate;

    public ForwardingWorkspace(Workspace delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String profile() {
        return delegate.profile();
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public String userId() {
        return delegate.userId();
    }

    @Override
    public void signedIn(String userId) {
        delegate.signedIn(userId);
    }

    @Override
    public WorkspaceReads reads() {
        return delegate.reads();
    }

    @Override
    public WorkspaceWrites writes() {
        return delegate.writes();
    }

    @Override
    public HealthRules rules() {
        return delegate.rules();
    }

    @Override
    public Map<Long, UnsyncedEdits> unsyncedEdits() {
        return delegate.unsyncedEdits();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
