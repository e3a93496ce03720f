package ftop.core.health;

/**
 * A health rules file that cannot be used: missing or unknown entries, ratios that are not
 * numbers from 0 to 1, thresholds that do not increase, or cadences that are not positive periods.
 * The message names the entry, as a dotted path into the file ({@code workloads.INTUNE.green}).
 */
public class InvalidHealthRulesException extends IllegalArgumentException {

    private final String path;

    public InvalidHealthRulesException(String path, String problem) {
        super(path == null || path.isEmpty() ? "Health rules: " + problem : "Health rules, " + path + ": " + problem);
        this.path = path == null ? "" : path;
    }

    public InvalidHealthRulesException(String path, String problem, Throwable cause) {
        this(path, problem);
        initCause(cause);
    }

    /** The dotted path of the offending entry, or an empty string for the file as a whole. */
    public String path() {
        return path;
    }
}
