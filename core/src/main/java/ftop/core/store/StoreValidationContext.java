package ftop.core.store;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import ftop.core.validation.ValidationContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers validation from the store's local view. Inside a write it sees the rows written so far
 * by that write, which lets {@link LocalStore#saveAll} validate rows that refer to each other.
 */
final class StoreValidationContext implements ValidationContext {

    private final LocalStore store;
    private final LocalDate today;

    StoreValidationContext(LocalStore store, LocalDate today) {
        this.store = store;
        this.today = Objects.requireNonNull(today, "today");
    }

    @Override
    public Optional<Customer> customer(long tpid) {
        return store.customers().get(Long.toString(tpid));
    }

    @Override
    public List<Contact> contactsOf(long tpid) {
        return store.contacts().byTpid(tpid);
    }

    @Override
    public List<Tenant> tenantsOf(long tpid) {
        return store.tenants().byTpid(tpid);
    }

    @Override
    public Optional<Tenant> tenant(UUID tenantId) {
        return store.tenants().get(tenantId.toString());
    }

    @Override
    public Optional<User> user(String userId) {
        return store.users().get(userId);
    }

    @Override
    public LocalDate today() {
        return today;
    }
}
