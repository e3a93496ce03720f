package ftop.core.validation;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link ValidationContext} over rows held in memory, for tests of any module. Build it with
 * the {@code with} methods or from a {@link Dataset}; later rows with the same id replace earlier
 * ones.
 */
public final class InMemoryValidationContext implements ValidationContext {

    private final LocalDate today;
    private final Map<Long, Customer> customers = new LinkedHashMap<>();
    private final Map<UUID, Tenant> tenants = new LinkedHashMap<>();
    private final Map<UUID, Contact> contacts = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();

    public InMemoryValidationContext(LocalDate today) {
        this.today = today;
    }

    /** A context holding the customers, tenants, contacts and users of {@code dataset}. */
    public static InMemoryValidationContext of(Dataset dataset, LocalDate today) {
        InMemoryValidationContext context = new InMemoryValidationContext(today);
        dataset.customers().forEach(context::with);
        dataset.tenants().forEach(context::with);
        dataset.contacts().forEach(context::with);
        dataset.users().forEach(context::with);
        return context;
    }

    public InMemoryValidationContext with(Customer customer) {
        customers.put(customer.tpid(), customer);
        return this;
    }

    public InMemoryValidationContext with(Tenant tenant) {
        tenants.put(tenant.tenantId(), tenant);
        return this;
    }

    public InMemoryValidationContext with(Contact contact) {
        contacts.put(contact.id(), contact);
        return this;
    }

    public InMemoryValidationContext with(User user) {
        users.put(user.userId(), user);
        return this;
    }

    /** Adds every row, whatever its kind among customer, tenant, contact and user. */
    public InMemoryValidationContext withAll(Object... rows) {
        for (Object row : rows) {
            if (row instanceof Customer c) {
                with(c);
            } else if (row instanceof Tenant t) {
                with(t);
            } else if (row instanceof Contact c) {
                with(c);
            } else if (row instanceof User u) {
                with(u);
            } else {
                throw new IllegalArgumentException("A validation context holds no " + row.getClass().getSimpleName());
            }
        }
        return this;
    }

    /** The same rows, judged on another day. */
    public InMemoryValidationContext on(LocalDate day) {
        InMemoryValidationContext copy = new InMemoryValidationContext(day);
        copy.customers.putAll(customers);
        copy.tenants.putAll(tenants);
        copy.contacts.putAll(contacts);
        copy.users.putAll(users);
        return copy;
    }

    @Override
    public Optional<Customer> customer(long tpid) {
        return Optional.ofNullable(customers.get(tpid));
    }

    @Override
    public List<Contact> contactsOf(long tpid) {
        List<Contact> out = new ArrayList<>();
        contacts.values().forEach(c -> {
            if (c.tpid() == tpid) {
                out.add(c);
            }
        });
        return out;
    }

    @Override
    public List<Tenant> tenantsOf(long tpid) {
        List<Tenant> out = new ArrayList<>();
        tenants.values().forEach(t -> {
            if (t.tpid() == tpid) {
                out.add(t);
            }
        });
        return out;
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
