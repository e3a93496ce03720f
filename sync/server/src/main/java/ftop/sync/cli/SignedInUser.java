package ftop.sync.cli;

import ftop.core.assignment.EditPermission;
import ftop.core.store.LocalStore;
import ftop.core.store.WorkspaceOwner;
import ftop.core.user.User;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --as USER}: whose permissions a command that changes assignments is checked against. */
final class SignedInUser {

    /** The setting the desktop app keeps its signed-in user under. */
    static final String APP_USER_SETTING = "user";

    @Option(names = "--as", paramLabel = "USER",
            description = "Check permissions as this user (default: the user the workspace last signed in as; "
                    + "none for a workspace that never signed in, the server checks when it syncs).")
    String asUser;

    /**
     * The rules of {@code --as}, or of the user the workspace signed in as; with neither, every change
     * is allowed here and the server, which checks every edit, has the last word. Empty when
     * {@code --as} names nobody the workspace knows.
     */
    Optional<EditPermission> permission(LocalStore store, PrintWriter out, PrintWriter err) {
        Optional<String> userId = Optional.ofNullable(asUser).map(String::strip)
                .or(() -> WorkspaceOwner.of(store))
                .or(() -> store.setting(APP_USER_SETTING).filter(s -> !s.isBlank()));
        if (userId.isEmpty()) {
            return Optional.of(EditPermission.anything());
        }
        Optional<User> user = store.users().get(userId.get());
        if (user.isEmpty()) {
            if (asUser != null) {
                err.println("There is no user \"" + asUser + "\" in this workspace; nothing was written.");
                return Optional.empty();
            }
            return Optional.of(EditPermission.anything());
        }
        out.println("Checking permissions as " + user.get().displayName() + " (" + user.get().userId() + ").");
        return Optional.of(EditPermission.of(user.get()));
    }
}
