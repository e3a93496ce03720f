package ftop.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;

import ftop.app.workspace.WorkspaceLocation;
import ftop.core.dataset.DatasetGenerator;
import ftop.sync.client.TransportSecurity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The desktop app's command line. Parsed once by {@link Launcher} (so that {@code --help} and
 * mistakes are answered before any window opens) and again by {@link FtopApplication}.
 *
 * @param profile    the workspace profile; one profile is one local store
 * @param home       the store directory; when empty, the profile's default directory
 * @param screenshot when set, render the window once data is loaded, save it as PNG here and exit
 * @param dark       start with the dark theme
 * @param customer   open this customer (TPID or name) in the Customer tab after start
 * @param dataset    fill a new, empty workspace with a generated set of this scale (e.g. S1500)
 *                   instead of the demo data; an existing workspace is opened as it is
 * @param server     sync with the server at this URL (e.g. http://127.0.0.1:8470) instead of the
 *                   one the workspace last signed in to, or the embedded demo server
 * @param exitWhenReady print how long the start took once the Portfolio shows its rows, then exit
 *                   (start-up measurements of the jar and the installed app)
 * @param security   how the server is reached: the company's CA file, and whether plain HTTP may
 *                   leave this computer
 */
public record AppOptions(String profile, Optional<Path> home, Optional<Path> screenshot, boolean dark,
        Optional<String> customer, Optional<DatasetGenerator.Scale> dataset, Optional<String> server,
        boolean exitWhenReady, TransportSecurity security) {

    public static final String DEFAULT_PROFILE = "demo";

    public AppOptions {
        profile = profile == null || profile.isBlank() ? DEFAULT_PROFILE : profile.strip();
        home = home == null ? Optional.empty() : home;
        screenshot = screenshot == null ? Optional.empty() : screenshot;
        customer = customer == null ? Optional.empty() : customer;
        dataset = dataset == null ? Optional.empty() : dataset;
        server = server == null ? Optional.empty() : server;
        security = security == null ? TransportSecurity.defaults() : security;
    }

    /** Options reaching servers with the system's trust store, and plain HTTP to loopback only. */
    public AppOptions(String profile, Optional<Path> home, Optional<Path> screenshot, boolean dark,
            Optional<String> customer, Optional<DatasetGenerator.Scale> dataset, Optional<String> server,
            boolean exitWhenReady) {
        this(profile, home, screenshot, dark, customer, dataset, server, exitWhenReady, TransportSecurity.defaults());
    }

    /** Options of a run that stays open. */
    public AppOptions(String profile, Optional<Path> home, Optional<Path> screenshot, boolean dark,
            Optional<String> customer, Optional<DatasetGenerator.Scale> dataset, Optional<String> server) {
        this(profile, home, screenshot, dark, customer, dataset, server, false);
    }

    /** Options without a server of their own. */
    public AppOptions(String profile, Optional<Path> home, Optional<Path> screenshot, boolean dark,
            Optional<String> customer, Optional<DatasetGenerator.Scale> dataset) {
        this(profile, home, screenshot, dark, customer, dataset, Optional.empty());
    }

    /** Options without a generated data set. */
    public AppOptions(String profile, Optional<Path> home, Optional<Path> screenshot, boolean dark,
            Optional<String> customer) {
        this(profile, home, screenshot, dark, customer, Optional.empty());
    }

    /** The options of a plain start: the demo profile in its default place. */
    public static AppOptions defaults() {
        return new AppOptions(DEFAULT_PROFILE, Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    /** Options for a workspace in {@code directory}, e.g. a test's temporary directory. */
    public static AppOptions inDirectory(Path directory) {
        return new AppOptions(DEFAULT_PROFILE, Optional.of(directory), Optional.empty(), false, Optional.empty());
    }

    /**
     * The workspace folder: {@code --home}, else the profile's default folder, which depends on
     * whether the app runs installed (see {@link WorkspaceLocation}).
     *
     * @throws IllegalArgumentException when the profile name is not a plain folder name
     */
    public Path workspaceDirectory() {
        return home.orElseGet(() -> WorkspaceLocation.defaultDirectory(profile));
    }

    /**
     * Reads the arguments.
     *
     * @throws CommandLine.ParameterException with a message for people when they are wrong
     */
    public static AppOptions parse(String... args) {
        Command command = new Command();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    /** A picocli command for the options; {@link Launcher} runs it to print help and errors. */
    @CommandLine.Command(name = "ftop", mixinStandardHelpOptions = true, versionProvider = AppVersion.Provider.class,
            description = "FTOP Desktop: customer health for FastTrack Managers and Architects, offline first.")
    static final class Command implements Callable<Integer> {

        @Option(names = "--profile", paramLabel = "NAME", defaultValue = DEFAULT_PROFILE,
                description = "Workspace profile (default: ${DEFAULT-VALUE}); the demo profile is created with demo data on first start.")
        String profile;

        @Option(names = "--home", paramLabel = "DIR",
                description = "Directory of the local store (default: $FTOP_HOME/<profile>, else ~/.ftop/<profile>; "
                        + "installed: the system's application-data folder, e.g. ~/.local/share/ftop/<profile>).")
        Path home;

        @Option(names = "--screenshot", paramLabel = "FILE",
                description = "Render the window once the data is loaded, save it as a PNG and exit.")
        Path screenshot;

        @Option(names = "--dark", description = "Start with the dark theme.")
        boolean dark;

        @Option(names = "--customer", paramLabel = "TPID_OR_NAME",
                description = "Open this customer in the Customer tab after start.")
        String customer;

        @Option(names = "--dataset", paramLabel = "SCALE",
                description = "Fill a new, empty workspace with a generated set (${COMPLETION-CANDIDATES}) instead of the demo data.")
        DatasetGenerator.Scale dataset;

        @Option(names = "--server", paramLabel = "URL",
                description = "Sync with the server at this URL, e.g. http://127.0.0.1:8470 (default: the one last signed in to; the demo profile runs its own).")
        String server;

        @Option(names = "--ca-file", paramLabel = "FILE", defaultValue = "${env:FTOP_CA_FILE}",
                description = "Trust server certificates of this certificate authority (a PEM file from your company), "
                        + "besides the system's (env FTOP_CA_FILE).")
        Path caFile;

        @Option(names = "--allow-plain-http",
                description = "Let http:// addresses reach other computers: the password and customer data then cross "
                        + "the network unencrypted (by default plain HTTP reaches this computer only).")
        boolean allowPlainHttp;

        @Option(names = "--exit-when-ready",
                description = "Print the time from the process start to a populated Portfolio, then exit (start-up measurements).")
        boolean exitWhenReady;

        AppOptions options() {
            return new AppOptions(profile, Optional.ofNullable(home), Optional.ofNullable(screenshot), dark,
                    Optional.ofNullable(customer), Optional.ofNullable(dataset), Optional.ofNullable(server),
                    exitWhenReady, new TransportSecurity(Optional.ofNullable(caFile), allowPlainHttp));
        }

        @Override
        public Integer call() {
            return 0;
        }
    }
}
