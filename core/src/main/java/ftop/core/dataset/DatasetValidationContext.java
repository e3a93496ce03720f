package ftop.core.dataset;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import ftop.core.validation.ValidationContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link ValidationContext} answered from a {@link Dataset}: the rows a dataset's own rows refer
 * to. Built once (indexes by TPID, tenant and user, in time linear in the dataset's size) so that
 * validating every row of a large set stays linear too. Used to check a generated or imported set
 * before it is loaded, and by anything that holds a whole dataset in memory.
 */
public final class DatasetValidationContext implements ValidationContext {

    private final LocalDate today;
    private final Map<Long, Customer> customers;
    private final Map<Long, List<Contact>> contactsByTpid;
    private final Map<Long, List<Tenant>> tenantsByTpid;
    private final Map<UUID, Tenant> tenants;
    private final Map<String, User> users;

    private DatasetValidationContext(LocalDate today, Map<Long, Customer> customers,
            Map<Long, List<Contact>> contactsByTpid, Map<Long, List<Tenant>> tenantsByTpid, Map<UUID, Tenant> tenants,
            Map<String, User> users) {
        this.today = today;
        this.customers = customers;
        this.contactsByTpid = contactsByTpid;
        this.tenantsByTpid = tenantsByTpid;
        this.tenants = tenants;
        this.users = users;
    }

    /**
     * A context over the customers, tenants, contacts and users of {@code dataset}, judging dates
     * relative to {@code today}. When two rows share an id the later one counts, as it would after
     * loading them in order.
     */
    public static DatasetValidationContext of(Dataset dataset, LocalDate today) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(today, "today");
        Map<Long, Customer> customers = new HashMap<>();
        dataset.customers().forEach(c -> customers.put(c.tpid(), c));

        Map<UUID, Tenant> tenants = new HashMap<>();
        dataset.tenants().forEach(t -> tenants.put(t.tenantId(), t));
        Map<Long, List<Tenant>> tenantsByTpid = new HashMap<>();
        tenants.values().forEach(t -> tenantsByTpid.computeIfAbsent(t.tpid(), k -> new ArrayList<>()).add(t));

        Map<UUID, Contact> contacts = new HashMap<>();
        dataset.contacts().forEach(c -> contacts.put(c.id(), c));
        Map<Long, List<Contact>> contactsByTpid = new HashMap<>();
        contacts.values().forEach(c -> contactsByTpid.computeIfAbsent(c.tpid(), k -> new ArrayList<>()).add(c));

        Map<String, User> users = new HashMap<>();
        dataset.users().forEach(u -> users.put(u.userId(), u));
        return new DatasetValidationContext(today, customers, freeze(contactsByTpid), freeze(tenantsByTpid), tenants,
                users);
    }

    /** The same rows, judged on another day. */
    public DatasetValidationContext on(LocalDate day) {
        return new DatasetValidationContext(Objects.requireNonNull(day, "day"), customers, contactsByTpid,
                tenantsByTpid, tenants, users);
    }

    private static <T> Map<Long, List<T>> freeze(Map<Long, List<T>> map) {
        map.replaceAll((k, v) -> List.copyOf(v));
        return map;
    }

    @Override
    public Optional<Customer> customer(long tpid) {
        return Optional.ofNullable(customers.get(tpid));
    }

    @Override
    public List<Contact> contactsOf(long tpid) {
        return contactsByTpid.getOrDefault(tpid, List.of());
    }

    @Override
    public List<Tenant> tenantsOf(long tpid) {
        return tenantsByTpid.getOrDefault(tpid, List.of());
    }

    @Override
    public Optional<Tenant> tenant(UUID tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    @Override
    public Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    @Override
    public LocalDate today() {
        return today;
    }
}
