package ftop.core.review;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.health.CustomerHealth;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.store.CustomerHistory;
import ftop.core.store.WorkspaceReads;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ReviewSource} over a workspace's {@link WorkspaceReads read port}: the local view (server copy plus the user's pending
 * edits), so review preparation works offline and shows the user's own unsynced changes. Each call reads
 * the store; run it off the UI thread.
 *
 * <p>Reading one customer at a time suits a brief or a pack. The review queue looks at every customer;
 * for it, {@link #snapshot(WorkspaceReads)} reads each kind of row once instead of once per customer.
 */
public final class StoreReviewSource implements ReviewSource {

    private final WorkspaceReads store;

    /** Reads from {@code store}, which stays open and owned by the caller. */
    public StoreReviewSource(WorkspaceReads store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The local view as it is now, for the review queue of a whole portfolio: customers, health, usage
     * and Enterprise Status notes are read in one pass per kind and held in memory; tenants, contacts
     * and forecasts, which only a brief needs, are still read per customer from the store. Later edits
     * to the rows held are not seen; take a new snapshot.
     */
    public static ReviewSource snapshot(WorkspaceReads store) {
        StoreReviewSource live = new StoreReviewSource(store);
        DatasetReviewSource held = new DatasetReviewSource(new Dataset(store.users().all(), store.customers().all(), List.of(),
                store.health().all(), store.notes().all(), List.of(), List.of(), store.usage().all(), List.of()));
        return new ReviewSource() {
            @Override
            public List<Customer> customers() {
                return held.customers();
            }

            @Override
            public Optional<Customer> customer(long tpid) {
                return held.customer(tpid);
            }

            @Override
            public Optional<CustomerHealth> health(long tpid) {
                return held.health(tpid);
            }

            @Override
            public List<EnterpriseStatusNote> notes(long tpid) {
                return held.notes(tpid);
            }

            @Override
            public List<WorkloadUsage> usage(long tpid) {
                return held.usage(tpid);
            }

            @Override
            public List<Forecast> forecasts(long tpid) {
                return live.forecasts(tpid);
            }

            @Override
            public List<Tenant> tenants(long tpid) {
                return live.tenants(tpid);
            }

            @Override
            public List<Contact> contacts(long tpid) {
                return live.contacts(tpid);
            }

            @Override
            public CustomerHistory history(long tpid) {
                return live.history(tpid);
            }

            @Override
            public String userName(String userId) {
                return held.userName(userId);
            }
        };
    }

    @Override
    public List<Customer> customers() {
        return store.customers().all();
    }

    @Override
    public Optional<Customer> customer(long tpid) {
        return store.customers().get(Long.toString(tpid));
    }

    @Override
    public Optional<CustomerHealth> health(long tpid) {
        return store.health().get(Long.toString(tpid));
    }

    @Override
    public List<EnterpriseStatusNote> notes(long tpid) {
        return store.notes().byTpid(tpid).stream()
                .sorted(Comparator.comparing(EnterpriseStatusNote::createdAt).reversed())
                .toList();
    }

    @Override
    public List<WorkloadUsage> usage(long tpid) {
        return store.usage().byTpid(tpid);
    }

    @Override
    public List<Forecast> forecasts(long tpid) {
        return store.forecasts().byTpid(tpid).stream()
                .sorted(Comparator.comparing(Forecast::quarter).thenComparing(Forecast::workload))
                .toList();
    }

    @Override
    public List<Tenant> tenants(long tpid) {
        return store.tenants().byTpid(tpid);
    }

    @Override
    public List<Contact> contacts(long tpid) {
        return store.contacts().byTpid(tpid);
    }

    @Override
    public CustomerHistory history(long tpid) {
        return store.history(tpid);
    }

    @Override
    public String userName(String userId) {
        return store.users().get(userId).map(User::displayName).orElse(userId);
    }
}
