package ftop.core.store.bench;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.change.EntityCodec;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.health.CustomerHealth;
import ftop.core.health.Workload;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.store.LocalStore;
import ftop.core.tenant.Tenant;
import ftop.core.tenant.TenantOrigin;
import ftop.core.usage.Forecast;
import ftop.core.usage.Quarter;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.core.validation.Contoso;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Bulk-loads a data set of the S1500 scale (1,500 customers, 6,000 tenants, 5,000 contacts,
 * 10,000 assignments, 30,000 status notes, plus health, usage and forecasts) into a fresh local
 * store and prints the time and rows per second. Each round uses a new workspace folder; the
 * first round warms the JVM up and is reported apart.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ftop.core.store.bench.BulkLoadBenchmark
 * </pre>
 * The rows are built from the Contoso test fixture, varied per customer.
 */
public final class BulkLoadBenchmark {

    private static final int CUSTOMERS = 1_500;
    private static final int ROUNDS = 4;

    private BulkLoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Dataset data = s1500();
        System.out.printf("Data set: %,d rows (%,d customers, %,d tenants, %,d contacts, %,d assignments, %,d notes)%n",
                data.size(), data.customers().size(), data.tenants().size(), data.contacts().size(),
                data.assignments().size(), data.notes().size());
        for (int i = 0; i < 3; i++) {
            long jsonStart = System.nanoTime();
            long chars = 0;
            for (List<?> rows : data.byKind().values()) {
                for (Object row : rows) {
                    chars += EntityCodec.toJson(row).length();
                }
            }
            System.out.printf("JSON of every row alone: %.2f s (%,d characters)%n",
                    (System.nanoTime() - jsonStart) / 1e9, chars);
        }
        Path root = Files.createTempDirectory("ftop-bulkload-");
        try {
            List<Double> seconds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Path dir = root.resolve("round-" + round);
                try (LocalStore store = LocalStore.open(dir)) {
                    long start = System.nanoTime();
                    store.bulkLoad(data, 1);
                    double took = (System.nanoTime() - start) / 1e9;
                    if (store.tenants().count() != data.tenants().size()) {
                        throw new IllegalStateException("Loaded " + store.tenants().count() + " tenants");
                    }
                    System.out.printf("%s: bulk load %.2f s, %,.0f rows/s%n",
                            round == 0 ? "warm-up" : "round " + round, took, data.size() / took);
                    if (round > 0) {
                        seconds.add(took);
                    }
                    if (round == ROUNDS - 1) {
                        long readStart = System.nanoTime();
                        int notes = store.notes().byTpid(data.customers().get(0).tpid()).size();
                        int customers = store.customers().all().size();
                        System.out.printf("reads: all %,d customers + %d notes of one customer in %.0f ms%n",
                                customers, notes, (System.nanoTime() - readStart) / 1e6);
                    }
                }
            }
            double best = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            System.out.printf("S1500 bulk load: best %.2f s, %,.0f rows/s%n", best, data.size() / best);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An S1500-sized data set: the Contoso fixture repeated with varied ids, names and numbers. */
    static Dataset s1500() {
        List<User> users = new ArrayList<>();
        for (int u = 0; u < 60; u++) {
            users.add(new User("user." + u, "User " + u, "user" + u + "@microsoft.com",
                    Set.of(u % 2 == 0 ? UserRole.FM : UserRole.FTA), Optional.empty(), false));
        }
        List<Customer> customers = new ArrayList<>();
        List<Tenant> tenants = new ArrayList<>();
        List<CustomerHealth> health = new ArrayList<>();
        List<EnterpriseStatusNote> notes = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        List<WorkloadUsage> usage = new ArrayList<>();
        List<Forecast> forecasts = new ArrayList<>();
        Customer template = Contoso.CUSTOMER;
        CustomerHealth healthTemplate = Contoso.health();
        LocalDate asOf = LocalDate.of(2021, 4, 30);
        for (int c = 0; c < CUSTOMERS; c++) {
            long tpid = 100_000 + c;
            customers.add(new Customer(tpid, "Customer " + c, template.segment(), template.region(), template.vertical(),
                    "Area " + (c % 12), template.phase(), template.renewalDates()));
            List<UUID> tenantIds = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                UUID id = new UUID(tpid, t);
                tenantIds.add(id);
                tenants.add(new Tenant(id, "customer" + c + "-" + t + ".onmicrosoft.com", tpid, t == 0,
                        Optional.empty(), Optional.empty(), 1_000L * (t + 1) + c, TenantOrigin.COMMERCE_FEED));
            }
            UUID ownerContact = null;
            int contactCount = c % 3 == 0 ? 4 : 3;
            for (int k = 0; k < contactCount && contacts.size() < 5_000; k++) {
                UUID id = new UUID(tpid, 100 + k);
                ownerContact = ownerContact == null ? id : ownerContact;
                contacts.add(new Contact(id, tpid, k == 0 ? ContactKind.CUSTOMER : ContactKind.MICROSOFT,
                        "Contact " + c + "." + k, "Title " + k, "contact" + k + "@customer" + c + ".com", ""));
            }
            health.add(new CustomerHealth(tpid, healthTemplate.progress(), healthTemplate.perspective()));
            int assignmentCount = c % 3 == 0 ? 8 : 6;
            for (int a = 0; a < assignmentCount && assignments.size() < 10_000; a++) {
                assignments.add(new Assignment(new UUID(tpid, 200 + a), tpid, AssignmentArea.CUSTOMER_HEALTH,
                        a % 2 == 0 ? Role.FM : Role.FTA, users.get((c + a) % users.size()).userId(), a == 0,
                        Set.of(tenantIds.get(a % tenantIds.size())), a < 2));
            }
            for (int n = 0; n < 20; n++) {
                EnterpriseStatusNote note = Contoso.note();
                notes.add(new EnterpriseStatusNote(new UUID(tpid, 1_000 + n), tpid, tenantIds.get(0),
                        note.executiveSummary() + " Week " + n + ".", note.risks(), note.awareness(),
                        users.get(c % users.size()).userId(), Instant.parse("2021-01-04T09:00:00Z").plusSeconds(604_800L * n)));
            }
            for (Workload workload : Workload.values()) {
                long entitled = 1_000L + c;
                usage.add(new WorkloadUsage(tpid, workload, (entitled * (workload.ordinal() + c % 7)) / 12, entitled, asOf));
                for (int q = 1; q <= 4; q++) {
                    forecasts.add(new Forecast(tpid, workload, new Quarter(2021, q), entitled * q / 5));
                }
            }
        }
        return new Dataset(users, customers, tenants, health, notes, contacts, assignments, usage, forecasts);
    }
}
