package ftop.app;

import javafx.application.Application;
import picocli.CommandLine;

import ftop.app.logging.DesktopLogging;

/**
 * The entry point of {@code ftop.jar}. A plain class, not a JavaFX {@link Application}: the JavaFX
 * launcher refuses to start an Application subclass from a class path jar, while this one starts it
 * fine. Answers {@code --help}, {@code --version} and wrong options before any window opens.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        AppOptions.Command command = new AppOptions.Command();
        CommandLine commandLine = new CommandLine(command);
        try {
            CommandLine.ParseResult parsed = commandLine.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return;
            }
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            e.getCommandLine().usage(System.err);
            System.exit(2);
        }
        startLogging(command.options());
        Application.launch(FtopApplication.class, args);
        if (FtopApplication.exitCode() != 0) {
            System.exit(FtopApplication.exitCode());
        }
    }

    /** Logs to the workspace's log file from the first line on; a bad profile name is shown by the window. */
    private static void startLogging(AppOptions options) {
        try {
            DesktopLogging.start(options.workspaceDirectory());
        } catch (IllegalArgumentException e) {
            // the window says what is wrong with the profile; there is no workspace folder to log in
        }
    }
}
