package ftop.core.validation;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a validation rule may need to know about the rest of the data. The local store, the
 * server and the CSV import each answer it from their own storage, so one rule serves all three.
 */
public interface ValidationContext {

    Optional<Customer> customer(long tpid);

    List<Contact> contactsOf(long tpid);

    List<Tenant> tenantsOf(long tpid);

    Optional<Tenant> tenant(UUID tenantId);

    Optional<User> user(String userId);

    /** Today, in the user's zone; rules about dates are relative to it. */
    LocalDate today();
}
