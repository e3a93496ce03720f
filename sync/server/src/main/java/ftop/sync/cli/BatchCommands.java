package ftop.sync.cli;

import ftop.core.Labelled;
import ftop.core.assignment.AppliedBatch;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.AssignmentEdit;
import ftop.core.assignment.AssignmentReader;
import ftop.core.assignment.AssignmentScope;
import ftop.core.assignment.BatchAssignment;
import ftop.core.assignment.BatchPreview;
import ftop.core.assignment.BatchPreview.Line;
import ftop.core.assignment.BatchPreview.Outcome;
import ftop.core.assignment.EditPermission;
import ftop.core.assignment.Role;
import ftop.core.assignment.StaleBatchException;
import ftop.core.customer.Customer;
import ftop.core.store.LocalStore;
import ftop.core.store.ValidationException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ftop assignments assign|unassign|replace}: the batch edits of the assignment team from the
 * command line, with the same preview, rules and permissions as in the app.
 */
final class BatchCommands {

    private BatchCommands() {
    }

    /** Which customers a batch touches: a list of TPIDs or every customer of the workspace. */
    static final class Selection {

        @Option(names = "--tpid", paramLabel = "TPID", split = ",", required = true,
                description = "The customers, e.g. --tpid 1001,2002 (repeatable).")
        List<Long> tpids;

        @Option(names = "--all", required = true, description = "Every customer of the workspace.")
        boolean all;

        List<Long> tpids(LocalStore store) {
            return all ? store.customers().all().stream().map(Customer::tpid).toList() : tpids;
        }
    }

    /** What every batch command shares: where, who, which customers, and whether to write. */
    abstract static class BatchCommand implements Callable<Integer> {

        @CommandLine.Mixin
        AssignmentsCommand.Workspace workspace;

        @CommandLine.Mixin
        SignedInUser user;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Selection selection;

        @Option(names = "--area", paramLabel = "AREA", required = true,
                description = "The area: Customer Health, Onboarding, Partner, Gateway or Account Team (or CUSTOMER_HEALTH...).")
        String area;

        @Option(names = "--role", paramLabel = "ROLE", required = true,
                description = "The role, e.g. \"FastTrack Manager\" or FM.")
        String role;

        @Option(names = "--dry-run", description = "Show what would change and write nothing.")
        boolean dryRun;

        @Option(names = "--apply-valid", description = "Write the changes even when some customers are refused.")
        boolean applyValid;

        @Option(names = "--verbose", description = "Also list the customers where nothing changes.")
        boolean verbose;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** The edit the command line asks for. */
        abstract AssignmentEdit edit(AssignmentArea area, Role role);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AssignmentArea chosenArea = choice(AssignmentArea.class, area, "area");
            Role chosenRole = choice(Role.class, role, "role");
            AssignmentEdit edit;
            try {
                edit = edit(chosenArea, chosenRole);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            try (LocalStore store = workspace.open(err)) {
                if (store == null) {
                    return FtopCli.CANNOT_OPEN;
                }
                Optional<EditPermission> permission = user.permission(store, out, err);
                if (permission.isEmpty()) {
                    return FtopCli.BAD_INPUT;
                }
                BatchPreview preview = BatchAssignment.preview(selection.tpids(store), edit,
                        AssignmentReader.of(store, LocalDate.now()), permission.get());
                for (Line line : preview.lines()) {
                    if (verbose || line.outcome() != Outcome.UNCHANGED) {
                        out.println(describe(line));
                    }
                }
                out.println(preview.title() + ": " + preview.summary() + ".");
                int refused = preview.counts().get(Outcome.REFUSED);
                if (dryRun) {
                    out.println("Dry run: nothing was written.");
                    return refused > 0 ? FtopCli.BAD_INPUT : 0;
                }
                if (refused > 0 && !applyValid) {
                    err.println(refused + " refused: nothing was written. Fix the cause, or use --apply-valid to "
                            + "write the other changes.");
                    return FtopCli.BAD_INPUT;
                }
                AppliedBatch applied = BatchAssignment.apply(preview, store);
                int edits = applied.mutations().size();
                out.println("Done: " + applied.applied().summary() + "; " + edits + " edit" + (edits == 1 ? "" : "s")
                        + " queued for the server.");
                return 0;
            } catch (ValidationException | StaleBatchException e) {
                err.println("Nothing was written: " + e.getMessage());
                return FtopCli.BAD_INPUT;
            }
        }

        private String describe(Line line) {
            String customer = line.customerName().isEmpty() ? "TPID " + line.tpid()
                    : line.customerName() + " (" + line.tpid() + ")";
            String outcome = line.outcome().name().toLowerCase(Locale.ROOT)
                    + line.refusal().map(kind -> " (" + kind.name().toLowerCase(Locale.ROOT) + ")").orElse("");
            StringBuilder text = new StringBuilder(customer).append(": ").append(outcome).append(": ")
                    .append(line.message());
            line.warnings().forEach(w -> text.append(" Warning: ").append(w.message()));
            return text.toString();
        }

        private <E extends Enum<E> & Labelled> E choice(Class<E> type, String text, String what) {
            return Labelled.parse(type, text).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "Unknown " + what + " \"" + text + "\"; choose one of " + Arrays.stream(type.getEnumConstants())
                            .map(Labelled::label).collect(Collectors.joining(", ")) + "."));
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Give a person a role on many customers; who already holds it keeps it, widened to the scope.")
    static final class Assign extends BatchCommand {

        @Option(names = "--user", paramLabel = "USER", required = true, description = "The person to assign.")
        String userId;

        @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "customer",
                description = "customer, customer+winner, customer+all, winner or all (default: ${DEFAULT-VALUE}).")
        String scope;

        @Option(names = "--primary", description = "Make the person the customers' primary FM/FTA.")
        boolean primary;

        @Override
        AssignmentEdit edit(AssignmentArea area, Role role) {
            return new AssignmentEdit.Assign(area, role, userId, scope(scope), primary);
        }

        static AssignmentScope scope(String text) {
            List<String> parts = new ArrayList<>(Arrays.asList(text.toLowerCase(Locale.ROOT).replace(" ", "").split("\\+")));
            boolean customer = parts.remove("customer");
            AssignmentScope.Tenants tenants = AssignmentScope.Tenants.NONE;
            if (parts.remove("winner")) {
                tenants = AssignmentScope.Tenants.WINNER;
            } else if (parts.remove("all")) {
                tenants = AssignmentScope.Tenants.ALL;
            }
            if (!parts.isEmpty() || (!customer && tenants == AssignmentScope.Tenants.NONE)) {
                throw new IllegalArgumentException("Unknown scope \"" + text
                        + "\"; choose customer, customer+winner, customer+all, winner or all.");
            }
            return new AssignmentScope(customer, tenants);
        }
    }

    @Command(name = "unassign", mixinStandardHelpOptions = true,
            description = "Take a person off a role on many customers.")
    static final class Unassign extends BatchCommand {

        @Option(names = "--user", paramLabel = "USER", required = true, description = "The person to unassign.")
        String userId;

        @Override
        AssignmentEdit edit(AssignmentArea area, Role role) {
            return new AssignmentEdit.Unassign(area, role, userId);
        }
    }

    @Command(name = "replace", mixinStandardHelpOptions = true,
            description = "Hand a role from one person to another on many customers, with its scope and primary flag.")
    static final class Replace extends BatchCommand {

        @Option(names = "--from", paramLabel = "USER", required = true, description = "The person leaving.")
        String fromUser;

        @Option(names = "--to", paramLabel = "USER", required = true, description = "The person taking over.")
        String toUser;

        @Override
        AssignmentEdit edit(AssignmentArea area, Role role) {
            return new AssignmentEdit.Replace(area, role, fromUser, toUser);
        }
    }
}
