package ftop.core.assignment;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import ftop.core.validation.ValidationContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers what validation asked, for the length of one batch or one import: the same users,
 * customers and tenants are looked up again and again, and a store would answer each from disk.
 * Not for keeping: it does not see later changes.
 */
final class RememberingContext implements ValidationContext {

    private final ValidationContext inner;
    private final Map<Long, Optional<Customer>> customers = new HashMap<>();
    private final Map<Long, List<Tenant>> tenantsOf = new HashMap<>();
    private final Map<UUID, Optional<Tenant>> tenants = new HashMap<>();
    private final Map<String, Optional<User>> users = new HashMap<>();

    RememberingContext(ValidationContext inner) {
        this.inner = inner;
    }

    @Override
    public Optional<Customer> customer(long tpid) {
        return customers.computeIfAbsent(tpid, inner::customer);
    }

    @Override
    public List<Contact> contactsOf(long tpid) {
        return inner.contactsOf(tpid);
    }

    @Override
    public List<Tenant> tenantsOf(long tpid) {
        return tenantsOf.computeIfAbsent(tpid, k -> {
            List<Tenant> list = List.copyOf(inner.tenantsOf(k));
            list.forEach(t -> tenants.put(t.tenantId(), Optional.of(t)));
            return list;
        });
    }

    @Override
    public Optional<Tenant> tenant(UUID tenantId) {
        return tenants.computeIfAbsent(tenantId, inner::tenant);
    }

    @Override
    public Optional<User> user(String userId) {
        return users.computeIfAbsent(userId, inner::user);
    }

    @Override
    public LocalDate today() {
        return inner.today();
    }
}
