package ftop.app.tenant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.Workspace;
import ftop.core.customer.Customer;
import ftop.core.permission.CustomerAccess;
import ftop.core.permission.Decision;
import ftop.core.permission.Permissions;
import ftop.core.store.ValidationException;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import ftop.core.validation.Problem;
import ftop.core.validation.TenantExceptions;

/**
 * Adds a tenant by hand (a tenant exception), as the assignment team does: what was typed is
 * checked by {@link TenantExceptions}, the rules the server's endpoint uses, and by the permission
 * rules; then the tenant and its outbox entry are written in one transaction, in the background, so
 * the new tenant waits in the outbox while offline and reaches the server with the next sync.
 */
public final class TenantExceptionModel {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Clock clock;

    public TenantExceptionModel(Workspace workspace, BackgroundTasks tasks, Clock clock) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What an attempt to add gave: the tenant added, or the problems (nothing was written then). */
    public record Outcome(Optional<Tenant> added, List<Problem> problems) {

        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    /** May the signed-in user add tenants at all? Reads the directory: call in the background. */
    public Decision mayAdd() {
        return signedIn().map(Permissions::canImportMasterData)
                .orElseGet(() -> Decision.deny("You are signed in as \"" + workspace.userId()
                        + "\", whom this workspace does not know, so you may not add tenants."));
    }

    /** Reads the name of the customer with {@code tpid} in the background; {@code found} hears it on the FX thread. */
    public void customerName(long tpid, Consumer<Optional<String>> found) {
        tasks.run(() -> workspace.customer(tpid).map(Customer::name), found, failure -> found.accept(Optional.empty()));
    }

    /**
     * Checks and adds {@code entry} in the background; {@code done} hears the outcome on the FX thread.
     */
    public void add(TenantExceptions.Entry entry, Consumer<Outcome> done) {
        tasks.run(() -> addNow(entry), done,
                failure -> done.accept(new Outcome(Optional.empty(), List.of(new Problem("",
                        "Nothing was saved: " + (failure.getMessage() == null ? failure : failure.getMessage()))))));
    }

    private Outcome addNow(TenantExceptions.Entry entry) {
        TenantExceptions.Checked checked = TenantExceptions.check(entry,
                workspace.reads().validationContext(LocalDate.now(clock)));
        if (!checked.ok()) {
            return new Outcome(Optional.empty(), checked.problems());
        }
        Tenant tenant = checked.tenant().orElseThrow();
        Decision allowed = mayAdd();
        Optional<User> user = signedIn();
        Optional<Customer> customer = workspace.customer(tenant.tpid());
        if (allowed.allowed() && user.isPresent() && customer.isPresent()) {
            allowed = Permissions.canChange(user.get(), CustomerAccess.of(customer.get(),
                    workspace.reads().assignments().byTpid(tenant.tpid())), null, tenant);
        }
        if (allowed.denied()) {
            return new Outcome(Optional.empty(), List.of(new Problem("", allowed.reason())));
        }
        try {
            workspace.writes().saveAll(List.of(tenant), List.of());
        } catch (ValidationException e) {
            return new Outcome(Optional.empty(), e.problems());
        }
        return new Outcome(Optional.of(tenant), List.of());
    }

    private Optional<User> signedIn() {
        return workspace.reads().users().get(workspace.userId());
    }
}
