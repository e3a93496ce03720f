package ftop.app.workspace;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import ftop.core.assignment.Assignment;
import ftop.core.contact.Contact;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.health.CustomerHealth;
import ftop.core.health.HealthRules;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;

/**
 * A read-only workspace over a {@link Dataset} held in memory: what a view sees of a data set
 * that is not (yet) in a local store, e.g. in tests of views and view models. It never changes, so
 * nothing is ever pending. Settings live in memory for as long as the workspace.
 */
public class DatasetWorkspace implements Workspace {

    private final String profile;
    private volatile String userId;
    private final Dataset data;
    private final HealthRules rules;
    private final Map<Long, Customer> customers;
    private final Map<Long, CustomerHealth> health;
    private final Map<String, String> settings = new java.util.concurrent.ConcurrentHashMap<>();

    public DatasetWorkspace(String profile, String userId, Dataset data, HealthRules rules) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.data = Objects.requireNonNull(data, "data");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.customers = data.customers().stream().collect(Collectors.toMap(Customer::tpid, Function.identity()));
        this.health = data.health().stream().collect(Collectors.toMap(CustomerHealth::tpid, Function.identity()));
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public String location() {
        return "in memory";
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public void signedIn(String userId) {
        this.userId = Objects.requireNonNull(userId, "userId");
    }

    @Override
    public HealthRules rules() {
        return rules;
    }

    @Override
    public List<Customer> customers() {
        return data.customers();
    }

    @Override
    public List<Tenant> tenants() {
        return data.tenants();
    }

    @Override
    public List<CustomerHealth> health() {
        return data.health();
    }

    @Override
    public List<WorkloadUsage> usage() {
        return data.usage();
    }

    @Override
    public Optional<Customer> customer(long tpid) {
        return Optional.ofNullable(customers.get(tpid));
    }

    @Override
    public Optional<CustomerHealth> health(long tpid) {
        return Optional.ofNullable(health.get(tpid));
    }

    @Override
    public List<Tenant> tenantsOf(long tpid) {
        return data.tenants().stream().filter(t -> t.tpid() == tpid).toList();
    }

    @Override
    public List<Contact> contactsOf(long tpid) {
        return data.contacts().stream().filter(c -> c.tpid() == tpid).toList();
    }

    @Override
    public List<WorkloadUsage> usageOf(long tpid) {
        return data.usage().stream().filter(u -> u.tpid() == tpid).toList();
    }

    @Override
    public List<Assignment> assignments() {
        return data.assignments();
    }

    @Override
    public List<User> users() {
        return data.users();
    }

    @Override
    public Optional<Tenant> tenant(java.util.UUID tenantId) {
        return data.tenants().stream().filter(t -> t.tenantId().equals(tenantId)).findFirst();
    }

    @Override
    public List<EnterpriseStatusNote> notesOf(long tpid) {
        return data.notes().stream().filter(n -> n.tpid() == tpid).toList();
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public void putSetting(String key, String value) {
        settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public int pendingChanges() {
        return 0;
    }

    @Override
    public void addChangeListener(java.util.function.Consumer<java.util.Set<ftop.core.change.EntityKind>> listener) {
        // an in-memory data set never changes
    }

    @Override
    public void close() {
        // nothing to release
    }
}
