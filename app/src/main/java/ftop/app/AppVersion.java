package ftop.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/**
 * The desktop app's version, as the build wrote it into {@code ftop/app/version.properties}: the
 * project version, e.g. {@code 1.0.0-SNAPSHOT}. {@code --version}, the log and the diagnostics show it.
 */
public final class AppVersion {

    private static final String UNKNOWN = "unknown";
    private static final String VERSION = read();

    private AppVersion() {
    }

    /** The project version the app was built from, or {@code unknown} when run from unbuilt sources. */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", UNKNOWN).strip();
            // an IDE that copies resources without filtering leaves the placeholder
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** Answers {@code --version}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"FTOP Desktop " + current()};
        }
    }
}
