package ftop.app.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

import ftop.core.store.LocalStore;

/**
 * Where a profile's workspace lives when {@code --home} does not say.
 *
 * <ul>
 * <li>{@code $FTOP_HOME/<profile>} when the environment variable {@code FTOP_HOME} is set;</li>
 * <li>the app as installed (its launcher sets the system property {@code jpackage.app-path}): the
 *     system's folder for application data, {@code $XDG_DATA_HOME/ftop} or {@code ~/.local/share/ftop}
 *     on Linux, {@code %LOCALAPPDATA%\FTOP} on Windows, {@code ~/Library/Application Support/FTOP} on
 *     macOS, then the profile;</li>
 * <li>otherwise (the plain jar) {@code ~/.ftop/<profile>}, as {@link LocalStore#defaultDirectory} says.</li>
 * </ul>
 */
public final class WorkspaceLocation {

    /** Set by the launchers jpackage makes, to the launcher's own path: the app runs installed. */
    public static final String INSTALLED_PROPERTY = "jpackage.app-path";

    private WorkspaceLocation() {
    }

    /**
     * The default folder of {@code profile} for this process.
     *
     * @throws IllegalArgumentException when the profile name is not a plain folder name
     */
    public static Path defaultDirectory(String profile) {
        return defaultDirectory(profile, System::getenv, System::getProperty);
    }

    /**
     * The default folder of {@code profile} given the environment and the system properties.
     *
     * @param environment reads an environment variable, null when unset
     * @param properties  reads a system property, null when unset
     */
    static Path defaultDirectory(String profile, UnaryOperator<String> environment, UnaryOperator<String> properties) {
        // validates the profile name, with the message people see for a bad --profile
        Path plain = LocalStore.defaultDirectory(profile);
        String ftopHome = environment.apply("FTOP_HOME");
        if (ftopHome != null && !ftopHome.isBlank()) {
            return Path.of(ftopHome).resolve(profile);
        }
        if (properties.apply(INSTALLED_PROPERTY) == null) {
            return plain;
        }
        return applicationData(environment, properties).resolve(profile);
    }

    /** The installed app's own folder in the system's place for application data. */
    static Path applicationData(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        String os = properties.apply("os.name") == null ? "" : properties.apply("os.name").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(properties.apply("user.home"));
        if (os.startsWith("windows")) {
            String local = environment.apply("LOCALAPPDATA");
            return (local != null && !local.isBlank() ? Path.of(local) : userHome.resolve("AppData").resolve("Local"))
                    .resolve("FTOP");
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("FTOP");
        }
        // the XDG base directory rules: a relative XDG_DATA_HOME is invalid and ignored
        String xdg = environment.apply("XDG_DATA_HOME");
        return (isAbsolute(xdg) ? Path.of(xdg) : userHome.resolve(".local").resolve("share")).resolve("ftop");
    }

    private static boolean isAbsolute(String path) {
        return path != null && !path.isBlank() && Path.of(path).isAbsolute();
    }
}
