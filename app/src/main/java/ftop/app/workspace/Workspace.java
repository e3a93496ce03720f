package ftop.app.workspace;

import ftop.core.store.WorkspaceReads;
import ftop.core.store.WorkspaceWrites;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 * rules to judge them by, and what is waiting to be synced. The rows and edits go through the
 * store's two ports, {@link #reads()} and {@link #writes()}; the row methods here are shorthands
 * for the read port.
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

    /**
     * The workspace's read port: the local view of every row (with the user's unsynced edits), the
     * cached histories, the settings and the edits waiting for the server.
     */
    WorkspaceReads reads();

    /** The workspace's write port: the user's edits and decisions, settings and drafts. */
    WorkspaceWrites writes();

    /** The rules that colour usage and set the review cadence. */
    HealthRules rules();

    default List<Customer> customers() {
        return reads().customers().all();
    }

    default List<Tenant> tenants() {
        return reads().tenants().all();
    }

    default List<CustomerHealth> health() {
        return reads().health().all();
    }

    default List<WorkloadUsage> usage() {
        return reads().usage().all();
    }

    default Optional<Customer> customer(long tpid) {
        return reads().customers().get(Long.toString(tpid));
    }

    default Optional<CustomerHealth> health(long tpid) {
        return reads().health().get(Long.toString(tpid));
    }

    default List<Tenant> tenantsOf(long tpid) {
        return reads().tenants().byTpid(tpid);
    }

    default List<Contact> contactsOf(long tpid) {
        return reads().contacts().byTpid(tpid);
    }

    default List<WorkloadUsage> usageOf(long tpid) {
        return reads().usage().byTpid(tpid);
    }

    /** Every assignment of every customer in the workspace. */
    default List<Assignment> assignments() {
        return reads().assignments().all();
    }

    /** The people of the workspace: assignees, leads, the signed-in user. */
    default List<User> users() {
        return reads().users().all();
    }

    /** One tenant by its ID. */
    default Optional<Tenant> tenant(UUID tenantId) {
        return reads().tenants().get(tenantId.toString());
    }

    /** The Enterprise Status notes of a customer, in no particular order. */
    default List<EnterpriseStatusNote> notesOf(long tpid) {
        return reads().notes().byTpid(tpid);
    }

    /** A setting kept with this workspace (e.g. the Portfolio's last filters). */
    default Optional<String> setting(String key) {
        return reads().setting(key);
    }

    /** Keeps a setting with this workspace; change listeners are not told. */
    default void putSetting(String key, String value) {
        writes().putSetting(key, value);
    }

    /** Local edits not yet accepted by the server. */
    default int pendingChanges() {
        return reads().pendingCount();
    }

    /**
     * Per customer TPID, its local edits the server has not taken yet (pending, and in conflict or
     * rejected); customers with none are left out. A workspace without an outbox has none.
     */
    default Map<Long, UnsyncedEdits> unsyncedEdits() {
        return Map.of();
    }

    /**
     * Calls {@code listener} with the kinds of rows that changed after every committed change, on the
     * thread that wrote it (not the FX thread). The set may be empty when only the outbox changed.
     */
    default void addChangeListener(Consumer<Set<EntityKind>> listener) {
        reads().addListener(change -> listener.accept(change.kinds()));
    }

    /** As {@link #addChangeListener(Consumer)}, for a listener that does not care what changed. */
    default void addChangeListener(Runnable listener) {
        addChangeListener(kinds -> listener.run());
    }

    @Override
    void close();
}
