package ftop.core.dataset;

import ftop.core.assignment.Assignment;
import ftop.core.change.EntityKind;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole body of data: a demo workspace, a generated scale set, or what a first sync brings.
 * Lists are immutable.
 */
public record Dataset(
        List<User> users,
        List<Customer> customers,
        List<Tenant> tenants,
        List<CustomerHealth> health,
        List<EnterpriseStatusNote> notes,
        List<Contact> contacts,
        List<Assignment> assignments,
        List<WorkloadUsage> usage,
        List<Forecast> forecasts) {

    public Dataset {
        users = List.copyOf(users);
        customers = List.copyOf(customers);
        tenants = List.copyOf(tenants);
        health = List.copyOf(health);
        notes = List.copyOf(notes);
        contacts = List.copyOf(contacts);
        assignments = List.copyOf(assignments);
        usage = List.copyOf(usage);
        forecasts = List.copyOf(forecasts);
    }

    /** The rows of every kind, in an order where a row never comes before the rows it refers to. */
    public Map<EntityKind, List<?>> byKind() {
        var map = new LinkedHashMap<EntityKind, List<?>>();
        map.put(EntityKind.USER, users);
        map.put(EntityKind.CUSTOMER, customers);
        map.put(EntityKind.TENANT, tenants);
        map.put(EntityKind.CONTACT, contacts);
        map.put(EntityKind.HEALTH, health);
        map.put(EntityKind.STATUS_NOTE, notes);
        map.put(EntityKind.ASSIGNMENT, assignments);
        map.put(EntityKind.USAGE, usage);
        map.put(EntityKind.FORECAST, forecasts);
        return map;
    }

    /** Number of rows of all kinds. */
    public int size() {
        return byKind().values().stream().mapToInt(List::size).sum();
    }
}
