package ftop.core.review;

import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.store.CustomerHistory;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import java.util.List;
import java.util.Optional;

/**
 * What review preparation reads: the customers and, for one customer, everything a brief is made of.
 * Kept small so that a {@link ftop.core.dataset.Dataset}, the local store or a test can each serve it
 * with a thin adapter. Implementations return immutable lists and never {@code null}.
 */
public interface ReviewSource {

    /** Every customer the reader may see. */
    List<Customer> customers();

    /** One customer, or empty when it is not known here. */
    Optional<Customer> customer(long tpid);

    /** The customer's health record, or empty when none has been written yet. */
    Optional<CustomerHealth> health(long tpid);

    /** The customer's Enterprise Status notes, newest first. */
    List<EnterpriseStatusNote> notes(long tpid);

    /** The customer's usage rows, as the usage feed reported them. */
    List<WorkloadUsage> usage(long tpid);

    /** The customer's forecasts, in quarter order. */
    List<Forecast> forecasts(long tpid);

    /** The customer's tenants. */
    List<Tenant> tenants(long tpid);

    /** The customer's contacts, customer and Microsoft alike. */
    List<Contact> contacts(long tpid);

    /** The customer's field history as held here; none unless the source keeps history. */
    default CustomerHistory history(long tpid) {
        return new CustomerHistory(tpid, List.of(), 0, Optional.empty());
    }

    /** The name of the person with user ID {@code userId}; the ID itself when not known here. */
    default String userName(String userId) {
        return userId;
    }
}
