package ftop.core.change;

import ftop.core.assignment.Assignment;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Forecast;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Every kind of row that the local store keeps and the server syncs, with how to find its id and
 * the customer (TPID) it belongs to. The TPID decides who may see a row.
 */
public enum EntityKind {
    CUSTOMER("customer", Customer.class, Customer::tpid, c -> Long.toString(c.tpid())),
    TENANT("tenant", Tenant.class, Tenant::tpid, t -> t.tenantId().toString()),
    HEALTH("health", CustomerHealth.class, CustomerHealth::tpid, h -> Long.toString(h.tpid())),
    STATUS_NOTE("statusNote", EnterpriseStatusNote.class, EnterpriseStatusNote::tpid, n -> n.id().toString()),
    CONTACT("contact", Contact.class, Contact::tpid, c -> c.id().toString()),
    ASSIGNMENT("assignment", Assignment.class, Assignment::tpid, a -> a.id().toString()),
    USAGE("usage", WorkloadUsage.class, WorkloadUsage::tpid, WorkloadUsage::id),
    FORECAST("forecast", Forecast.class, Forecast::tpid, Forecast::id),
    /** The directory of people; not owned by any customer (TPID 0). */
    USER("user", User.class, u -> 0L, User::userId);

    private final String wireName;
    private final Class<?> type;
    private final ToLongFunction<Object> tpid;
    private final Function<Object, String> id;

    <T> EntityKind(String wireName, Class<T> type, ToLongFunction<T> tpid, Function<T, String> id) {
        this.wireName = wireName;
        this.type = type;
        this.tpid = entity -> tpid.applyAsLong(type.cast(entity));
        this.id = entity -> id.apply(type.cast(entity));
    }

    /** The name used on the wire and in the store, e.g. {@code statusNote}. */
    public String wireName() {
        return wireName;
    }

    /** The record class that holds rows of this kind. */
    public Class<?> type() {
        return type;
    }

    /** The id of {@code entity}, unique within its kind. */
    public String idOf(Object entity) {
        return id.apply(entity);
    }

    /** The customer {@code entity} belongs to, or 0 for rows that belong to no customer. */
    public long tpidOf(Object entity) {
        return tpid.applyAsLong(entity);
    }

    public static Optional<EntityKind> fromWireName(String name) {
        for (EntityKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static EntityKind of(Object entity) {
        for (EntityKind kind : values()) {
            if (kind.type.isInstance(entity)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Not a synced entity: " + entity.getClass().getName());
    }
}
