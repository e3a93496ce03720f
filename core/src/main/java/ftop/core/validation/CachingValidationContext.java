package ftop.core.validation;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import ftop.core.validation.ValidationContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A validation context for the length of one batch (a store write, a batch assignment, a CSV
 * import): remembers each answer so rows that point at the same users, customers and tenants read
 * and parse each of them once. Not for keeping: it sees no change made behind its back.
 *
 * <p>It stays true to "validated against the store as it stands after the rows before it":
 * {@link #written(Object)} forgets every answer the written row could change. Only valid while the
 * write holds the store's monitor, so no other thread can change the rows underneath.
 */
public final class CachingValidationContext implements ValidationContext {

    private final ValidationContext store;
    private final Map<Long, Optional<Customer>> customers = new HashMap<>();
    private final Map<Long, List<Contact>> contacts = new HashMap<>();
    private final Map<Long, List<Tenant>> tenantsByTpid = new HashMap<>();
    private final Map<UUID, Optional<Tenant>> tenants = new HashMap<>();
    private final Map<String, Optional<User>> users = new HashMap<>();

    public CachingValidationContext(ValidationContext store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<Customer> customer(long tpid) {
        return customers.computeIfAbsent(tpid, store::customer);
    }

    @Override
    public List<Contact> contactsOf(long tpid) {
        return contacts.computeIfAbsent(tpid, store::contactsOf);
    }

    @Override
    public List<Tenant> tenantsOf(long tpid) {
        return tenantsByTpid.computeIfAbsent(tpid, k -> {
            List<Tenant> list = List.copyOf(store.tenantsOf(k));
            list.forEach(t -> tenants.put(t.tenantId(), Optional.of(t)));
            return list;
        });
    }

    @Override
    public Optional<Tenant> tenant(UUID tenantId) {
        return tenants.computeIfAbsent(tenantId, store::tenant);
    }

    @Override
    public Optional<User> user(String userId) {
        return users.computeIfAbsent(userId, store::user);
    }

    @Override
    public LocalDate today() {
        return store.today();
    }

    /**
     * Forgets the answers {@code entity}, just written, may have changed. Contacts and tenants can
     * move between customers, so their lists are forgotten for every customer.
     */
    public void written(Object entity) {
        if (entity instanceof Customer customer) {
            customers.remove(customer.tpid());
        } else if (entity instanceof Contact) {
            contacts.clear();
        } else if (entity instanceof Tenant) {
            tenantsByTpid.clear();
            tenants.clear();
        } else if (entity instanceof User user) {
            users.remove(user.userId());
        }
    }
}
