package ftop.app;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * The entry point of {@code ftop.jar}. A plain class, not a JavaFX {@link Application}: the JavaFX
 * launcher refuses to start an Application subclass from a class path jar, while this one starts it
 * fine. Answers {@code --help}, {@code --version} and wrong options before any window opens.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new AppOptions.Command());
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
        Application.launch(FtopApplication.class, args);
        if (FtopApplication.exitCode() != 0) {
            System.exit(FtopApplication.exitCode());
        }
    }
}
