package ftop.core.store;

import java.util.Optional;

/**
 * The person a workspace belongs to: the user it last signed in to its server as. The sync client
 * writes it at sign-in; the desktop and the workspace command line read it to know whose
 * permissions apply.
 */
public final class WorkspaceOwner {

    /** The setting that holds the owner's user id. */
    public static final String SETTING = "sync.userId";

    private WorkspaceOwner() {
    }

    /** The owner's user id, or empty for a workspace that never signed in. */
    public static Optional<String> of(LocalStore store) {
        return store.setting(SETTING).filter(s -> !s.isBlank());
    }
}
