package ftop.app.logging;

import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;

import ftop.app.AppVersion;

/**
 * The desktop's log: a rolling file {@code <workspace>/logs/ftop.log} (see
 * {@code desktop-logback.xml}), with the warnings on the console too. Everything logs into it
 * through SLF4J: our classes, the libraries, the embedded demo server, and whatever uses
 * {@code java.util.logging} (JavaFX, OkHttp) through the bridge.
 */
public final class DesktopLogging {

    /** The log folder's name inside the workspace. */
    public static final String FOLDER = "logs";
    /** The current log file's name; older ones are {@code ftop-<date>.<n>.log} beside it. */
    public static final String FILE = "ftop.log";
    /** The variable the configuration reads the log folder from. */
    static final String FOLDER_VARIABLE = "FTOP_LOG_DIR";
    /** Set by the configuration itself: which folder the running configuration writes to. */
    static final String CONFIGURED_FOLDER = "ftop.desktop.logs";
    static final String CONFIGURATION = "desktop-logback.xml";

    private DesktopLogging() {
    }

    /** The log folder of the workspace in {@code workspace}. */
    public static Path folder(Path workspace) {
        return workspace.resolve(FOLDER);
    }

    /** The current log file of the workspace in {@code workspace}. */
    public static Path file(Path workspace) {
        return folder(workspace).resolve(FILE);
    }

    /**
     * Sends the log to the workspace's log file from now on and says what is starting. Called by
     * the launcher before anything else logs; tests call it to check the log's contents.
     *
     * @return the log file, or empty when SLF4J is bound to something other than Logback
     */
    public static Optional<Path> start(Path workspace) {
        Path folder = folder(workspace).toAbsolutePath();
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) == null) {
            // a plain start, logging not configured by anyone: when it starts now it reads the desktop's
            // configuration at once, rather than whatever logback.xml the class path has and then this
            System.setProperty(FOLDER_VARIABLE, folder.toString());
            System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY,
                    DesktopLogging.class.getPackageName().replace('.', '/') + "/" + CONFIGURATION);
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return Optional.empty();
        }
        if (!folder.toString().equals(context.getProperty(CONFIGURED_FOLDER))) {
            configure(context, folder);
        }
        // java.util.logging: its console handler goes, everything reaches SLF4J instead
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        Logger log = LoggerFactory.getLogger(DesktopLogging.class);
        log.info("FTOP Desktop {} starting: Java {} ({}), {} {} {}; workspace {}", AppVersion.current(),
                System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), workspace.toAbsolutePath());
        return Optional.of(folder.resolve(FILE));
    }

    private static void configure(LoggerContext context, Path folder) {
        URL configuration = DesktopLogging.class.getResource(CONFIGURATION);
        if (configuration == null) {
            throw new IllegalStateException("The log configuration " + CONFIGURATION + " is missing from the app");
        }
        context.reset();
        context.putProperty(FOLDER_VARIABLE, folder.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            // Logback keeps the reason in its status list, printed below
        }
        new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
    }
}
