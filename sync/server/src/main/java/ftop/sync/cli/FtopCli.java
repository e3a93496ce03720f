package ftop.sync.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: work on a local store without a display, e.g. from a script or an
 * assignment team's scheduled job.
 *
 * <pre>
 * java -cp sync/target/ftop-server.jar ftop.sync.cli.FtopCli assignments export --home DIR --out assignments.csv
 * java -cp sync/target/ftop-server.jar ftop.sync.cli.FtopCli assignments import assignments.csv --home DIR --dry-run
 * java -cp sync/target/ftop-server.jar ftop.sync.cli.FtopCli assignments import assignments.csv --home DIR
 * </pre>
 *
 * Exit codes: 0 done; 1 the file has bad lines (or the store refused the import), nothing
 * written unless {@code --apply-valid}; 2 wrong command line; 3 the workspace or a file could not
 * be opened.
 */
@Command(name = "ftop", mixinStandardHelpOptions = true, version = "FTOP command line 1.0",
        description = "FTOP without a display: works on the local store of a workspace.",
        subcommands = {AssignmentsCommand.class, CommandLine.HelpCommand.class})
public final class FtopCli implements Runnable {

    /** The file has bad lines, or the store refused the change; nothing was written. */
    public static final int BAD_INPUT = 1;
    /** The workspace or a file could not be opened or written. */
    public static final int CANNOT_OPEN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Opening a workspace logs its schema migration at INFO; at a prompt only warnings matter.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /**
     * Runs one command line in this process and returns its exit code; what it prints goes to
     * {@code out}, problems to {@code err}.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new FtopCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            // Anything unexpected: say what it was in one line; the stack trace helps nobody at a prompt.
            cmd.getErr().println("Failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return CANNOT_OPEN;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do, e.g. \"assignments export\".");
    }
}
