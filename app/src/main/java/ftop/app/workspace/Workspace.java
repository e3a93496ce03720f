package ftop.app.workspace;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import ftop.core.change.EntityKind;
import ftop.core.assignment.Assignment;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.health.HealthRules;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;

/**
 * The signed-in user's local workspace as the views read it: the rows of the local store, the
 * rules to judge them by, and what is waiting to be synced.
 *
 * <p>Every method may touch the database: call them from {@link ftop.app.tasks.BackgroundTasks}
 * only, never on the FX thread.
 */
public interface Workspace extends AutoCloseable {

    /** The profile name, e.g. "demo"; one profile is one local store. */
    String profile();

    /** Where the workspace lives, as a person would look for it (a directory), or a description. */
    String location();

    /**
     * The sign-in name of the user working in this workspace, e.g. {@code megan.bowen}; after a new
     * sign-in, the user who signed in (see {@link #signedIn}).
     */
    String userId();

    /**
     * Records that {@code userId} signed in to this workspace: {@link #userId()} answers that user
     * from now on. Touches no database (the sign-in kept the user in the workspace's settings), so it
     * may be called on any thread.
     */
    void signedIn(String userId);

    /** The rules that colour usage and set the review cadence. */
    HealthRules rules();

    List<Customer> customers();

    List<Tenant> tenants();

    List<CustomerHealth> health();

    List<WorkloadUsage> usage();

    Optional<Customer> customer(long tpid);

    Optional<CustomerHealth> health(long tpid);

    List<Tenant> tenantsOf(long tpid);

    List<Contact> contactsOf(long tpid);

    List<WorkloadUsage> usageOf(long tpid);

    /** Every assignment of every customer in the workspace. */
    List<Assignment> assignments();

    /** The people of the workspace: assignees, leads, the signed-in user. */
    List<User> users();

    /** One tenant by its ID. */
    Optional<Tenant> tenant(java.util.UUID tenantId);

    /** The Enterprise Status notes of a customer, in no particular order. */
    List<EnterpriseStatusNote> notesOf(long tpid);

    /** A setting kept with this workspace (e.g. the Portfolio's last filters). */
    Optional<String> setting(String key);

    /** Keeps a setting with this workspace; change listeners are not told. */
    void putSetting(String key, String value);

    /** Local edits not yet accepted by the server. */
    int pendingChanges();

    /**
     * Per customer TPID, its local edits the server has not taken yet (pending, and in conflict or
     * rejected); customers with none are left out. A workspace without an outbox has none.
     */
    default java.util.Map<Long, UnsyncedEdits> unsyncedEdits() {
        return java.util.Map.of();
    }

    /**
     * Calls {@code listener} with the kinds of rows that changed after every committed change, on the
     * thread that wrote it (not the FX thread). The set may be empty when only the outbox changed.
     */
    void addChangeListener(Consumer<Set<EntityKind>> listener);

    /** As {@link #addChangeListener(Consumer)}, for a listener that does not care what changed. */
    default void addChangeListener(Runnable listener) {
        addChangeListener(kinds -> listener.run());
    }

    @Override
    void close();
}
