package ftop.sync.cli;

import ftop.core.assignment.AppliedBatch;
import ftop.core.assignment.AssignmentCsv;
import ftop.core.assignment.AssignmentReader;
import ftop.core.assignment.CsvImport;
import ftop.core.assignment.EditPermission;
import ftop.core.assignment.StaleBatchException;
import ftop.core.store.LocalStore;
import ftop.core.store.StoreException;
import ftop.core.store.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ftop assignments ...}: CSV export and import of assignments, and batch edits. */
@Command(name = "assignments", mixinStandardHelpOptions = true,
        description = "Export assignments to CSV, import them from CSV, or assign, unassign or replace a person "
                + "on many customers at once (each with a dry run).",
        subcommands = {AssignmentsCommand.Export.class, AssignmentsCommand.Import.class, BatchCommands.Assign.class,
                BatchCommands.Unassign.class, BatchCommands.Replace.class})
final class AssignmentsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Say \"export\", \"import\", \"assign\", \"unassign\" or \"replace\".");
    }

    /** Where the workspace is, shared by the subcommands; the same options as the desktop app. */
    static final class Workspace {

        @Option(names = "--profile", paramLabel = "NAME", defaultValue = "demo",
                description = "Workspace profile (default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--home", paramLabel = "DIR",
                description = "Directory of the local store (default: $FTOP_HOME/<profile> or ~/.ftop/<profile>).")
        Path home;

        Path directory() {
            return home != null ? home : LocalStore.defaultDirectory(profile);
        }

        /** Opens the store, or says why it cannot be opened (e.g. the desktop app has it open). */
        LocalStore open(PrintWriter err) {
            Path directory = directory();
            if (!Files.isDirectory(directory)) {
                err.println("There is no workspace in " + directory + "; start the app once or sync to create it.");
                return null;
            }
            try {
                return LocalStore.open(directory);
            } catch (StoreException e) {
                err.println("Cannot open the workspace in " + directory + ": " + e.getMessage());
                return null;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every assignment of the workspace to a CSV file: "
                    + "tpid,customer,area,role,user,scope,primary.")
    static final class Export implements Callable<Integer> {

        @CommandLine.Mixin
        Workspace workspace;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (LocalStore store = workspace.open(err)) {
                if (store == null) {
                    return FtopCli.CANNOT_OPEN;
                }
                // Written next to the target and moved in place, so a failed export leaves no half file.
                Path target = out.toAbsolutePath();
                Path temp = Files.createTempFile(target.getParent(), ".assignments", ".csv");
                int count;
                try {
                    try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                        count = AssignmentCsv.export(store.assignments().all(), store.validationContext(LocalDate.now()),
                                writer);
                    }
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
                stdout.println("Exported " + count + " assignment" + (count == 1 ? "" : "s") + " to " + out + ".");
                return 0;
            } catch (NoSuchFileException e) {
                err.println("Cannot write " + out + ": the folder " + e.getFile() + " does not exist.");
                return FtopCli.CANNOT_OPEN;
            } catch (IOException e) {
                err.println("Cannot write " + out + ": " + e.getMessage());
                return FtopCli.CANNOT_OPEN;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import assignments from a CSV file (tpid,customer,area,role,user,scope,primary). "
                    + "Each line adds an assignment or sets its scope and primary flag. By default nothing is "
                    + "written when any line is bad; the edits go to the outbox and sync like any other.")
    static final class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The CSV file to read.")
        Path file;

        @CommandLine.Mixin
        Workspace workspace;

        @Option(names = "--dry-run", description = "Report what each line would do and write nothing.")
        boolean dryRun;

        @Option(names = "--apply-valid", description = "Import the good lines even when some lines are bad.")
        boolean applyValid;

        @CommandLine.Mixin
        SignedInUser user;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("There is no file " + file + ".");
                return FtopCli.CANNOT_OPEN;
            }
            try (LocalStore store = workspace.open(err)) {
                if (store == null) {
                    return FtopCli.CANNOT_OPEN;
                }
                Optional<EditPermission> permission = user.permission(store, out, err);
                if (permission.isEmpty()) {
                    return FtopCli.BAD_INPUT;
                }
                CsvImport result;
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    result = AssignmentCsv.read(reader, AssignmentReader.of(store, LocalDate.now()), permission.get());
                }
                result.lines().forEach(line -> out.println(line.describe()));
                out.println(file.getFileName() + ": " + result.summary() + ".");
                if (dryRun) {
                    out.println("Dry run: nothing was written.");
                    return result.hasBadLines() ? FtopCli.BAD_INPUT : 0;
                }
                int bad = result.badLines().size();
                AppliedBatch applied;
                try {
                    applied = result.apply(store, applyValid);
                } catch (CsvImport.BadLinesException e) {
                    // The lines were listed above; say what to do about them.
                    err.println(bad + " bad line" + (bad == 1 ? "" : "s") + ": nothing was written. Fix "
                            + (bad == 1 ? "it" : "them") + ", or use --apply-valid to import the good lines only.");
                    return FtopCli.BAD_INPUT;
                }
                int edits = applied.mutations().size();
                out.println("Imported: " + applied.applied().summary() + "; " + edits + " edit" + (edits == 1 ? "" : "s")
                        + " queued for the server." + (bad > 0 ? " " + bad + " bad line" + (bad == 1 ? " was" : "s were")
                        + " left out." : ""));
                return 0;
            } catch (ValidationException | StaleBatchException e) {
                err.println("Nothing was written: " + e.getMessage());
                return FtopCli.BAD_INPUT;
            } catch (IOException e) {
                err.println("Cannot read " + file + ": " + e.getMessage());
                return FtopCli.CANNOT_OPEN;
            }
        }
    }
}
