package ftop.app.sync;

/**
 * Opens a page in the person's browser: the company sign-in. The sign-in dialog shows the
 * address as well, with a Copy button, for a computer where no browser opens.
 */
@FunctionalInterface
public interface BrowserOpener {

    /** Asks the system to open {@code url}; called on the FX thread, returns at once. */
    void open(String url);
}
