package ftop.core.review;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.health.CustomerHealth;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * A {@link ReviewSource} over an in-memory {@link Dataset}: a demo workspace, a generated scale set or a
 * test fixture. The rows are indexed by TPID once, so building briefs for many customers stays linear.
 */
public final class DatasetReviewSource implements ReviewSource {

    private static final Comparator<EnterpriseStatusNote> NEWEST_FIRST =
            Comparator.comparing(EnterpriseStatusNote::createdAt).reversed();

    private final List<Customer> customers;
    private final Map<Long, Customer> customersByTpid;
    private final Map<Long, CustomerHealth> health;
    private final Map<Long, List<EnterpriseStatusNote>> notes;
    private final Map<Long, List<WorkloadUsage>> usage;
    private final Map<Long, List<Forecast>> forecasts;
    private final Map<Long, List<Tenant>> tenants;
    private final Map<Long, List<Contact>> contacts;
    private final Map<String, String> userNames;

    /** Indexes the rows of {@code data} by customer; the data set itself is not copied. */
    public DatasetReviewSource(Dataset data) {
        customers = data.customers();
        customersByTpid = new HashMap<>();
        for (Customer c : customers) {
            customersByTpid.put(c.tpid(), c);
        }
        health = new HashMap<>();
        for (CustomerHealth h : data.health()) {
            health.put(h.tpid(), h);
        }
        notes = byTpid(data.notes(), EnterpriseStatusNote::tpid, NEWEST_FIRST);
        usage = byTpid(data.usage(), WorkloadUsage::tpid, null);
        forecasts = byTpid(data.forecasts(), Forecast::tpid,
                Comparator.comparing(Forecast::quarter).thenComparing(Forecast::workload));
        tenants = byTpid(data.tenants(), Tenant::tpid, null);
        contacts = byTpid(data.contacts(), Contact::tpid, null);
        userNames = new HashMap<>();
        for (User u : data.users()) {
            userNames.put(u.userId(), u.displayName());
        }
    }

    private static <T> Map<Long, List<T>> byTpid(List<T> rows, ToLongFunction<T> tpid, Comparator<T> order) {
        return rows.stream().collect(Collectors.groupingBy(tpid::applyAsLong, Collectors.collectingAndThen(
                Collectors.toList(), list -> order == null ? List.copyOf(list) : list.stream().sorted(order).toList())));
    }

    @Override
    public List<Customer> customers() {
        return customers;
    }

    @Override
    public Optional<Customer> customer(long tpid) {
        return Optional.ofNullable(customersByTpid.get(tpid));
    }

    @Override
    public Optional<CustomerHealth> health(long tpid) {
        return Optional.ofNullable(health.get(tpid));
    }

    @Override
    public List<EnterpriseStatusNote> notes(long tpid) {
        return notes.getOrDefault(tpid, List.of());
    }

    @Override
    public List<WorkloadUsage> usage(long tpid) {
        return usage.getOrDefault(tpid, List.of());
    }

    @Override
    public List<Forecast> forecasts(long tpid) {
        return forecasts.getOrDefault(tpid, List.of());
    }

    @Override
    public List<Tenant> tenants(long tpid) {
        return tenants.getOrDefault(tpid, List.of());
    }

    @Override
    public List<Contact> contacts(long tpid) {
        return contacts.getOrDefault(tpid, List.of());
    }

    @Override
    public String userName(String userId) {
        return userNames.getOrDefault(userId, userId);
    }
}
