package ftop.app.logging;

import java.util.regex.Pattern;

/**
 * What the desktop's log never holds: bearer tokens, passwords and secrets written as
 * {@code name=value} or JSON, and the quoted values inside exception messages (a database error
 * quotes the row it could not write, which may be a person's note). Applied to every log line by
 * {@link RedactedMessageConverter} and {@link RedactedThrowableConverter}.
 */
public final class Redaction {

    /** What stands in place of a removed secret. */
    public static final String REDACTED = "[redacted]";

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|token|secret)(\\s*[=:]\\s*)(?!\")[^\\s&;,'\"]+");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)(\"(?:password|token|secret)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    /** A single-quoted SQL or JSON literal, '' inside it included; a literal cut off at the end too. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("'(?:[^']|'')*(?:'|$)");

    private Redaction() {
    }

    /** A log message without the secrets it may name. */
    public static String message(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = BEARER.matcher(text).replaceAll("$1" + REDACTED);
        out = NAMED_SECRET.matcher(out).replaceAll("$1$2" + REDACTED);
        return JSON_SECRET.matcher(out).replaceAll("$1\"" + REDACTED + "\"");
    }

    /**
     * An exception's text (messages and stack) without secrets, and without the values it quotes:
     * the kind of error, the columns and the statement stay, the data does not.
     */
    public static String exception(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return QUOTED_VALUE.matcher(message(text)).replaceAll("'…'");
    }
}
