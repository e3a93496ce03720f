package ftop.core.store;

import ftop.core.assignment.Assignment;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.search.SearchResults;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import ftop.core.validation.ValidationContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The read port of a workspace: what the screens may read of it. The local view of every kind of
 * row (the server copy with the user's unsynced edits on top), the rules' context, the cached
 * field histories, the settings and the edits still waiting for the server. Implemented by
 * {@link LocalStore}; screens depend on this interface only.
 *
 * <p>Every method may touch the database: call them off the UI thread.
 */
public interface WorkspaceReads {

    /** The workspace folder. */
    Path directory();

    /**
     * The local view of the rows of {@code type}, one of the record classes of
     * {@link ftop.core.change.EntityKind}.
     *
     * @throws IllegalArgumentException when {@code type} is not a kind of row the store keeps
     */
    <T> Repository<T> repository(Class<T> type);

    /** Customers, by TPID as text. */
    default Repository<Customer> customers() {
        return repository(Customer.class);
    }

    /** Tenants, by tenant id (GUID text). */
    default Repository<Tenant> tenants() {
        return repository(Tenant.class);
    }

    /** Customer health records, one per customer, by TPID as text. */
    default Repository<CustomerHealth> health() {
        return repository(CustomerHealth.class);
    }

    /** Enterprise Status notes, by note id. */
    default Repository<EnterpriseStatusNote> notes() {
        return repository(EnterpriseStatusNote.class);
    }

    /** Customer and Microsoft contacts, by contact id. */
    default Repository<Contact> contacts() {
        return repository(Contact.class);
    }

    /** Assignments, by assignment id. */
    default Repository<Assignment> assignments() {
        return repository(Assignment.class);
    }

    /** Workload usage, one row per customer and workload. */
    default Repository<WorkloadUsage> usage() {
        return repository(WorkloadUsage.class);
    }

    /** Forecasts, one row per customer, workload and quarter. */
    default Repository<Forecast> forecasts() {
        return repository(Forecast.class);
    }

    /** The directory of users, by user id; their TPID is 0. */
    default Repository<User> users() {
        return repository(User.class);
    }

    /**
     * What validation may know, answered from the local view.
     *
     * @param today the day date rules are judged on
     */
    ValidationContext validationContext(LocalDate today);

    /** The field history of the customer {@code tpid} as last fetched; empty when never fetched. */
    CustomerHistory history(long tpid);

    /**
     * Finds the customers (by name or TPID), tenants (name, tenant id), contacts (name, e-mail,
     * title) and Enterprise Status notes (Executive Summary, Risks, Awareness) that every word of
     * {@code query} starts a word of, case and accents aside: "lic ren" finds a note whose risk
     * is "the licensing renewal". Reads the workspace's own index: works offline, and follows every
     * edit and pull as soon as it is committed.
     *
     * @param perKind at most this many hits of each kind
     * @return the hits grouped by kind, with the words to highlight; none for a query without words
     */
    SearchResults search(String query, int perKind);

    /** A setting of this workspace, such as the server URL or the last sync time. */
    Optional<String> setting(String key);

    /**
     * What the screen {@code name} showed last, as it wrote it with
     * {@link WorkspaceWrites#putViewSnapshot}; empty when it never did.
     */
    Optional<String> viewSnapshot(String name);

    /**
     * Whether the search index holds every row; false while a workspace from before the index (or
     * from another way of cutting words) waits for {@link WorkspaceWrites#buildSearchIndexIfMissing}.
     * Searches meanwhile answer from what the index holds.
     */
    boolean searchIndexReady();

    /**
     * What other people changed lately, as pulls brought it: the rows of customers whose server
     * copy was last changed by someone other than {@code userId}, at or after {@code since} (by the
     * server's clock), newest first. The user's own edits coming back from the server are not among
     * them, nor rows whose author the server did not say, nor deletions.
     */
    List<RemoteChange> changesByOthers(String userId, Instant since);

    /** The user's edits waiting to be sent, oldest first. */
    List<OutboxEntry> pendingEdits();

    /** How many edits wait to be sent. */
    int pendingCount();

    /** The edits the server answered with a conflict or refused, waiting for the user's decision. */
    List<OutboxEntry> problems();

    /** Adds a listener, told after each committed change on the thread that made it. */
    void addListener(StoreListener listener);

    /** Removes a listener added before. */
    void removeListener(StoreListener listener);
}
