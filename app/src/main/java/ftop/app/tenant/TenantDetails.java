package ftop.app.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ftop.app.workspace.Workspace;
import ftop.core.assignment.Assignment;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.health.HealthAssessment;
import ftop.core.permission.CustomerAccess;
import ftop.core.permission.Decision;
import ftop.core.permission.Permissions;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;

/**
 * Everything the Tenant tab shows about one tenant, read in the background in one go.
 *
 * @param tenant       the tenant
 * @param customer     its customer, when the workspace has it
 * @param assignments  the people assigned to this tenant, primary first
 * @param notes        its Enterprise Status notes, newest first; only a winner tenant carries them
 * @param winnerTenant the name of the customer's winner tenant when this one is not it
 * @param addStatus    whether the signed-in user may add an Enterprise Status note here, and why not
 * @param flags        whether the signed-in user may change each of the tenant's flags, and why not
 * @param usage        the workload health of the tenant's customer: usage is measured per TPID, so
 *                     it speaks for all of the customer's tenants
 * @param contacts     the customer's contacts, customer ones first
 */
public record TenantDetails(Tenant tenant, Optional<Customer> customer, List<AssignedPerson> assignments,
        List<Note> notes, Optional<String> winnerTenant, Decision addStatus, FlagRights flags,
        HealthAssessment usage, List<Contact> contacts) {

    /**
     * Who may change which flag of the tenant shown: the Is Enterprise level (its health owners and
     * those who keep master data) and the SLT Watchlist winner flag (its security group only).
     *
     * @param enterprise whether the signed-in user may set Is Enterprise, and why not
     * @param winner     whether the signed-in user may set or clear the winner flag, and why not
     */
    public record FlagRights(Decision enterprise, Decision winner) {

        /** True when the user may change at least one flag: the Flags section shows its pencil. */
        public boolean any() {
            return enterprise.allowed() || winner.allowed();
        }
    }

    /**
     * One person assigned to the tenant.
     *
     * @param name    display name
     * @param role    the role's label, e.g. "FastTrack Manager"
     * @param area    the area's label, e.g. "Customer Health"
     * @param primary the primary FM/FTA accountable for the TPID
     */
    public record AssignedPerson(String name, String role, String area, boolean primary) {
    }

    /**
     * An Enterprise Status note with its author's name.
     *
     * @param author    display name of the author
     * @param createdAt when it was written
     */
    public record Note(String executiveSummary, String risks, String awareness, String author, Instant createdAt) {
    }

    /** Reads the tenant and what belongs to it; touches the store, so only in the background. */
    public static Optional<TenantDetails> load(Workspace workspace, UUID tenantId) {
        Optional<Tenant> found = workspace.tenant(tenantId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tenant tenant = found.get();
        Map<String, String> names = new HashMap<>();
        for (User u : workspace.users()) {
            names.put(u.userId(), u.displayName());
        }
        List<AssignedPerson> people = new ArrayList<>();
        workspace.assignments().stream()
                .filter(a -> a.tpid() == tenant.tpid() && a.coversTenant(tenant.tenantId()))
                .sorted(Comparator.comparing((Assignment a) -> !a.primary()).thenComparing(Assignment::area)
                        .thenComparing(Assignment::role))
                .forEach(a -> people.add(new AssignedPerson(names.getOrDefault(a.userId(), a.userId()),
                        a.role().label(), a.area().label(), a.primary())));
        List<Note> notes = tenant.winner()
                ? workspace.notesOf(tenant.tpid()).stream()
                        .filter(n -> n.tenantId().equals(tenant.tenantId()))
                        .sorted(Comparator.comparing(EnterpriseStatusNote::createdAt).reversed())
                        .map(n -> new Note(n.executiveSummary(), n.risks(), n.awareness(),
                                names.getOrDefault(n.author(), n.author()), n.createdAt()))
                        .toList()
                : List.of();
        Optional<String> winner = tenant.winner() ? Optional.empty()
                : workspace.tenantsOf(tenant.tpid()).stream().filter(Tenant::winner).map(Tenant::name).findFirst();
        Optional<Customer> customer = workspace.customer(tenant.tpid());
        HealthAssessment usage = HealthAssessment.of(workspace.usageOf(tenant.tpid()), workspace.rules());
        List<Contact> contacts = workspace.contactsOf(tenant.tpid()).stream()
                .sorted(Comparator.comparing(Contact::kind).thenComparing(Contact::name)).toList();
        return Optional.of(new TenantDetails(tenant, customer, List.copyOf(people), notes, winner,
                addStatus(workspace, tenant, customer), flagRights(workspace, tenant, customer), usage, contacts));
    }

    /** The flags follow the core permission rules, so the server agrees with what the pencil offers. */
    private static FlagRights flagRights(Workspace workspace, Tenant tenant, Optional<Customer> customer) {
        Optional<User> user = signedIn(workspace);
        if (customer.isEmpty() || user.isEmpty()) {
            Decision no = Decision.deny(customer.isEmpty() ? "The customer of this tenant is not in this workspace."
                    : "The signed-in user " + workspace.userId() + " is not in this workspace's directory.");
            return new FlagRights(no, no);
        }
        CustomerAccess access = CustomerAccess.of(customer.get(),
                workspace.assignments().stream().filter(a -> a.tpid() == tenant.tpid()).toList());
        Decision see = Permissions.canSeeTenant(user.get(), access, tenant.tenantId());
        return new FlagRights(see.and(Permissions.canSetEnterpriseLevel(user.get(), access)),
                see.and(Permissions.canSetWinnerFlag(user.get())));
    }

    private static Optional<User> signedIn(Workspace workspace) {
        return workspace.users().stream().filter(u -> u.userId().equals(workspace.userId())).findFirst();
    }

    /** Status notes go on the winner tenant, by the people who may edit the customer's health. */
    private static Decision addStatus(Workspace workspace, Tenant tenant, Optional<Customer> customer) {
        if (!tenant.winner()) {
            return Decision.deny("Enterprise Status is kept on the customer's winner tenant, and " + tenant.name()
                    + " is not it.");
        }
        if (customer.isEmpty()) {
            return Decision.deny("The customer of this tenant is not in this workspace.");
        }
        List<Assignment> assignments = workspace.assignments().stream().filter(a -> a.tpid() == tenant.tpid()).toList();
        return signedIn(workspace).map(user -> Permissions.canEditHealth(user, CustomerAccess.of(customer.get(), assignments)))
                .orElseGet(() -> Decision.deny("The signed-in user " + workspace.userId()
                        + " is not in this workspace's directory, so cannot add a status."));
    }
}
