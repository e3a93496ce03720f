package ftop.sync.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * How the server writes its log lines to the console: plain text for a person, or one JSON object
 * a line for a log collector (Logback's {@code JsonEncoder}: {@code timestamp}, {@code level},
 * {@code threadName}, {@code loggerName}, {@code mdc}, {@code formattedMessage}, {@code throwable}).
 */
public enum LogFormat {
    PLAIN,
    JSON;

    /** The format named {@code name} ({@code plain} or {@code json}, in any case), if it is one. */
    public static Optional<LogFormat> of(String name) {
        for (LogFormat format : values()) {
            if (format.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The system property the server's {@code logback.xml} picks its appender by. */
    static final String APPENDER_PROPERTY = "ftop.logAppender";

    /**
     * Switches the console log to this format by loading the server's {@code logback.xml} again with
     * the matching appender. Does nothing when Logback is not the logging backend (a
     * {@code -Dlogback.configurationFile} of the operator's own is left alone, too).
     */
    public void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
                || System.getProperty("logback.configurationFile") != null) {
            return;
        }
        URL config = LogFormat.class.getResource("/logback.xml");
        if (config == null) {
            throw new IllegalStateException("The server's logback.xml is missing from its jar");
        }
        System.setProperty(APPENDER_PROPERTY, name());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("Cannot set up " + name().toLowerCase(Locale.ROOT) + " logging: " + e.getMessage(), e);
        }
    }
}
