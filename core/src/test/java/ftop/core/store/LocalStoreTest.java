package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static ftop.core.store.StoreTestData.contoso;
import static ftop.core.store.StoreTestData.renamed;
import static ftop.core.store.StoreTestData.withArea;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.tenant.Tenant;
import ftop.core.validation.Contoso;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyDatabaseFile() throws Exception {
        // An H2 file that exists but holds no tables, as a crash right after creating it would leave.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("ftop"), "sa", "")) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThat(Files.exists(dir.resolve("ftop.mv.db"))).isTrue();

        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            assertThat(store.customers().count()).isZero();
            assertThat(store.cursor()).isZero();
            assertThat(store.outbox().pendingCount()).isZero();
            try (Connection c = DriverManager.getConnection(store.jdbcUrl(), "sa", "");
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" = '1'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void createsTheFolderOfANewWorkspace() {
        Path nested = dir.resolve("profiles").resolve("demo");
        try (LocalStore store = LocalStore.open(nested, CLOCK)) {
            assertThat(store.directory()).isEqualTo(nested.toAbsolutePath());
        }
        assertThat(Files.isDirectory(nested)).isTrue();
    }

    @Test
    void aSecondOpenOfTheSameWorkspaceFailsWithAClearMessage() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            assertThatThrownBy(() -> LocalStore.open(dir, CLOCK))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("already open in another FTOP window");
            // The first store is unharmed.
            store.save(Contoso.FABRIKAM);
            assertThat(store.customers().count()).isEqualTo(1);
        }
        // Once closed, the workspace opens again.
        try (LocalStore again = LocalStore.open(dir, CLOCK)) {
            assertThat(again.customers().count()).isEqualTo(1);
        }
    }

    @Test
    void aFileWhereTheFolderShouldBeIsExplained() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> LocalStore.open(file, CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a folder");
    }

    @Test
    void keepsAViewSnapshotOfAnySizeAcrossRestartsOutsideTheOutbox() {
        // larger than a setting may be: the Portfolio of a big workspace
        String big = "x".repeat(3_000_000) + "ü";
        List<StoreChange> told = new java.util.ArrayList<>();
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 42);
            store.addListener(told::add);
            assertThat(store.viewSnapshot("portfolio")).isEmpty();
            store.putViewSnapshot("portfolio", "first");
            store.putViewSnapshot("portfolio", big);
            assertThat(store.pendingCount()).isZero();
        }
        assertThat(told).isEmpty();
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            assertThat(store.viewSnapshot("portfolio")).contains(big);
            assertThat(store.viewSnapshot("review")).isEmpty();
        }
    }

    @Test
    void reopeningKeepsRowsOutboxCursorAndSettings() {
        UUID mutationId;
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 42);
            mutationId = store.save(renamed(Contoso.CUSTOMER, "Contoso Ltd")).id();
            store.putSetting("server.url", "https://ftop.example.com");
        }
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            assertThat(store.customers().get("1001")).map(Customer::name).contains("Contoso Ltd");
            assertThat(store.tenants().count()).isEqualTo(3);
            assertThat(store.cursor()).isEqualTo(42);
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(42);
            assertThat(store.setting("server.url")).contains("https://ftop.example.com");
            assertThat(store.setting("missing")).isEmpty();
            store.putSetting("server.url", "https://other.example.com");
            assertThat(store.setting("server.url")).contains("https://other.example.com");
            store.removeSetting("server.url");
            assertThat(store.setting("server.url")).isEmpty();
            List<OutboxEntry> pending = store.outbox().pending(10);
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).mutation().id()).isEqualTo(mutationId);
            assertThat(pending.get(0).mutation().fields()).containsOnlyKeys("name");
            assertThat(pending.get(0).mutation().createdAt()).isEqualTo(CLOCK.instant());
        }
    }

    @Test
    void aNewRowIsWrittenWithAnOutboxEntryOfAllItsFields() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            Mutation mutation = store.save(Contoso.FABRIKAM);

            assertThat(store.customers().get("2002")).contains(Contoso.FABRIKAM);
            assertThat(mutation.kind()).isEqualTo(EntityKind.CUSTOMER);
            assertThat(mutation.entityId()).isEqualTo("2002");
            assertThat(mutation.baseRevision()).isZero();
            assertThat(mutation.op()).isEqualTo(Mutation.Op.UPSERT);
            assertThat(mutation.fields()).containsKeys("tpid", "name", "segment", "region", "area");
            assertThat(store.outbox().pending(10)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.mutation()).isEqualTo(mutation);
                        assertThat(e.state()).isEqualTo(OutboxState.PENDING);
                    });
        }
    }

    @Test
    void anEditQueuesOnlyTheChangedFieldsOnTheServerRevision() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 7);
            Mutation mutation = store.save(withArea(Contoso.CUSTOMER, "US West"));

            assertThat(mutation.baseRevision()).isEqualTo(7);
            assertThat(mutation.fields()).containsOnlyKeys("area");
            assertThat(mutation.fields().get("area")).isEqualTo(TextNode.valueOf("US West"));
            assertThat(store.customers().get("1001")).map(Customer::area).contains("US West");
            // The server copy is untouched until the server accepts the edit.
            assertThat(store.revisionOf(EntityKind.CUSTOMER, "1001")).isEqualTo(7);
        }
    }

    @Test
    void savingAnUnchangedRowWritesNothing() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 7);
            List<Set<EntityKind>> heard = new ArrayList<>();
            store.addListener(change -> heard.add(change.kinds()));

            Mutation mutation = store.save(Contoso.CUSTOMER);

            assertThat(mutation.fields()).isEmpty();
            assertThat(store.outbox().pendingCount()).isZero();
            assertThat(heard).isEmpty();
        }
    }

    @Test
    void aRowThatBreaksARuleIsRefusedAndNothingIsWritten() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 7);
            Tenant secondWinner = Contoso.SECOND_TENANT.withWinner(true);

            assertThatThrownBy(() -> store.save(secondWinner))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).problems())
                            .anySatisfy(p -> assertThat(p.field()).isEqualTo("winner")));

            assertThat(store.tenants().get(Contoso.SECOND_TENANT_ID.toString())).contains(Contoso.SECOND_TENANT);
            assertThat(store.outbox().pendingCount()).isZero();
        }
    }

    @Test
    void saveAllValidatesRowsAgainstTheRowsSavedBeforeThem() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 7);
            Customer northwind = renamed(Contoso.FABRIKAM, "Northwind");
            northwind = new Customer(3003, "Northwind", northwind.segment(), northwind.region(), northwind.vertical(),
                    "", northwind.phase(), List.of());
            Contact contact = new Contact(UUID.randomUUID(), 3003, ContactKind.CUSTOMER, "Nestor Wilke", "CTO",
                    "nestor@northwind.com", "");

            List<Mutation> mutations = store.saveAll(List.of(northwind, contact), List.of());

            assertThat(mutations).extracting(Mutation::kind).containsExactly(EntityKind.CUSTOMER, EntityKind.CONTACT);
            assertThat(store.contacts().byTpid(3003)).containsExactly(contact);
            assertThat(store.outbox().pendingCount()).isEqualTo(2);
        }
    }

    @Test
    void saveAllJudgesEachRowOnTheRowsWrittenBeforeItEvenAfterAskingAboutThemOnce() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 7);
            Tenant secondWinner = Contoso.SECOND_TENANT.withWinner(true);
            Tenant formerWinner = Contoso.WINNER_TENANT.withWinner(false);

            // The first row is judged while the winner tenant is still the winner; the third after
            // the second row cleared it, so only the first breaks the one-winner rule.
            assertThatThrownBy(() -> store.saveAll(List.of(secondWinner, formerWinner, secondWinner), List.of()))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.problems()).hasSize(1));

            assertThat(store.tenants().get(Contoso.WINNER_TENANT_ID.toString())).contains(Contoso.WINNER_TENANT);
            assertThat(store.outbox().pendingCount()).isZero();
            List<Mutation> mutations = store.saveAll(List.of(formerWinner, secondWinner), List.of());
            assertThat(mutations).hasSize(2);
            assertThat(store.tenants().get(Contoso.SECOND_TENANT_ID.toString())).contains(secondWinner);
            assertThat(store.tenants().get(Contoso.WINNER_TENANT_ID.toString())).contains(formerWinner);
        }
    }

    @Test
    void saveAllWithOneBadRowWritesNoneOfThem() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 7);
            Customer renamed = renamed(Contoso.CUSTOMER, "Contoso Ltd");
            Tenant secondWinner = Contoso.SECOND_TENANT.withWinner(true);

            assertThatThrownBy(() -> store.saveAll(List.of(renamed, secondWinner),
                    List.of(new RowRef(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString()))))
                    .isInstanceOf(ValidationException.class);

            assertThat(store.customers().get("1001")).contains(Contoso.CUSTOMER);
            assertThat(store.contacts().get(Contoso.MICROSOFT_CONTACT_ID.toString())).isPresent();
            assertThat(store.outbox().pendingCount()).isZero();
        }
    }

    @Test
    void anSqlFailureInTheMiddleOfSaveAllLeavesNeitherRowNorOutboxEntry() throws Exception {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 7);
            // A real constraint violation on the second row, raised by the database itself.
            try (Connection c = DriverManager.getConnection(store.jdbcUrl(), "sa", "");
                 Statement st = c.createStatement()) {
                st.execute("ALTER TABLE entity_row ADD CONSTRAINT no_fabrikam_edits "
                        + "CHECK (local_body IS NULL OR local_body NOT LIKE '%Fabrikam Inc%')");
            }
            Customer first = renamed(Contoso.CUSTOMER, "Contoso Ltd");
            Customer second = renamed(Contoso.FABRIKAM, "Fabrikam Inc");
            List<Set<EntityKind>> heard = new ArrayList<>();
            store.addListener(change -> heard.add(change.kinds()));

            assertThatThrownBy(() -> store.saveAll(List.of(first, second), List.of()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("could not be saved");

            assertThat(store.customers().get("1001")).contains(Contoso.CUSTOMER);
            assertThat(store.customers().get("2002")).contains(Contoso.FABRIKAM);
            assertThat(store.outbox().pendingCount()).isZero();
            assertThat(heard).isEmpty();
            // The store still works after the failure.
            store.save(first);
            assertThat(store.outbox().pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void deleteHidesTheRowAndQueuesADelete() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 7);
            String id = Contoso.MICROSOFT_CONTACT_ID.toString();

            Mutation mutation = store.delete(EntityKind.CONTACT, id);

            assertThat(mutation.op()).isEqualTo(Mutation.Op.DELETE);
            assertThat(mutation.baseRevision()).isEqualTo(7);
            assertThat(store.contacts().get(id)).isEmpty();
            assertThat(store.contacts().byTpid(Contoso.TPID)).containsExactly(Contoso.CUSTOMER_CONTACT);
            assertThat(store.contacts().count()).isEqualTo(2);
            assertThat(store.outbox().pending(10)).extracting(e -> e.mutation().op()).containsExactly(Mutation.Op.DELETE);
            assertThatThrownBy(() -> store.delete(EntityKind.CONTACT, id))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("no contact");
            assertThat(store.outbox().pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void listenersHearOfCommittedChangesWithTheKindsTouched() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 7);
            List<Set<EntityKind>> heard = new ArrayList<>();
            List<String> seenNames = new ArrayList<>();
            List<StoreChange.Origin> origins = new ArrayList<>();
            store.addListener(change -> {
                heard.add(change.kinds());
                origins.add(change.origin());
                seenNames.add(store.customers().get("1001").orElseThrow().name());
            });

            store.save(renamed(Contoso.CUSTOMER, "Contoso Ltd"));
            store.delete(EntityKind.CONTACT, Contoso.MICROSOFT_CONTACT_ID.toString());

            assertThat(heard).containsExactly(Set.of(EntityKind.CUSTOMER), Set.of(EntityKind.CONTACT));
            assertThat(seenNames).containsExactly("Contoso Ltd", "Contoso Ltd");
            assertThat(origins).containsOnly(StoreChange.Origin.LOCAL_EDIT);
        }
    }

    @Test
    void bulkLoadReplacesEveryRowAsTheServerCopy() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.save(Contoso.FABRIKAM);
            store.outbox().discard(store.outbox().pending(1).get(0).mutation().id());
            store.bulkLoad(contoso(), 3);
            store.bulkLoad(contoso(), 5);

            assertThat(store.customers().all()).containsExactly(Contoso.CUSTOMER, Contoso.FABRIKAM);
            assertThat(store.users().count()).isEqualTo(3);
            assertThat(store.health().get("1001")).contains(Contoso.health());
            assertThat(store.assignments().byTpid(Contoso.TPID)).containsExactly(Contoso.primaryFm());
            assertThat(store.notes().byTpid(Contoso.TPID)).containsExactly(Contoso.note());
            assertThat(store.tenants().byTpid(Contoso.FABRIKAM_TPID)).containsExactly(Contoso.FABRIKAM_TENANT);
            assertThat(store.revisionOf(EntityKind.TENANT, Contoso.WINNER_TENANT_ID.toString())).isEqualTo(5);
            assertThat(store.cursor()).isEqualTo(5);
            assertThat(store.outbox().pendingCount()).isZero();
        }
    }

    @Test
    void bulkLoadKeepsPendingEditsOnTop() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 3);
            store.save(withArea(Contoso.CUSTOMER, "US West"));

            store.bulkLoad(contoso(), 9);

            assertThat(store.customers().get("1001")).map(Customer::area).contains("US West");
            assertThat(store.outbox().pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void theValidationContextReadsTheLocalView() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 3);
            var context = store.validationContext(Contoso.TODAY);

            assertThat(context.customer(Contoso.TPID)).contains(Contoso.CUSTOMER);
            assertThat(context.customer(9999)).isEmpty();
            assertThat(context.contactsOf(Contoso.TPID)).containsExactlyInAnyOrder(Contoso.CUSTOMER_CONTACT,
                    Contoso.MICROSOFT_CONTACT);
            assertThat(context.tenantsOf(Contoso.FABRIKAM_TPID)).containsExactly(Contoso.FABRIKAM_TENANT);
            assertThat(context.tenant(Contoso.WINNER_TENANT_ID)).contains(Contoso.WINNER_TENANT);
            assertThat(context.user("megan.bowen")).contains(Contoso.FM);
            assertThat(context.today()).isEqualTo(Contoso.TODAY);
        }
    }

    @Test
    void aClosedStoreSaysSo() {
        LocalStore store = LocalStore.open(dir, CLOCK);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.customers().count())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void theDefaultDirectoryIsUnderTheHomeFolderPerProfile() {
        Path path = LocalStore.defaultDirectory("demo");
        assertThat(path.getFileName().toString()).isEqualTo("demo");
        assertThatThrownBy(() -> LocalStore.defaultDirectory("../etc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profile name");
    }

    @Test
    void repositoryRefusesTypesItDoesNotKeep() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            assertThat(store.repository(Customer.class).count()).isZero();
            assertThatThrownBy(() -> store.repository(String.class))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void concurrentEditsFromSeveralThreadsAreAllKept() throws Exception {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 1);
            int threads = 4;
            int perThread = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            store.save(new Contact(new UUID(thread, i), Contoso.TPID, ContactKind.CUSTOMER,
                                    "Contact " + thread + "." + i, "", "", ""));
                            store.contacts().byTpid(Contoso.TPID);
                        }
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(store.contacts().byTpid(Contoso.TPID)).hasSize(2 + threads * perThread);
            assertThat(store.outbox().pendingCount()).isEqualTo(threads * perThread);
        }
    }

    @Test
    void aBulkLoadWithTwoRowsUnderOneIdChangesNothing() {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 4);
            Dataset twice = new Dataset(List.of(), List.of(Contoso.CUSTOMER, renamed(Contoso.CUSTOMER, "Again")),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

            assertThatThrownBy(() -> store.bulkLoad(twice, 9)).isInstanceOf(StoreException.class);

            assertThat(store.customers().all()).containsExactly(Contoso.CUSTOMER, Contoso.FABRIKAM);
            assertThat(store.tenants().count()).isEqualTo(3);
            assertThat(store.cursor()).isEqualTo(4);
        }
    }

    @Test
    void aReaderInterruptedMidReadDoesNotBreakTheWorkspace() throws Exception {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(contoso(), 1);
            // A UI cancels background work by interrupting its thread; the database must survive it.
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger rounds = new AtomicInteger();
            Thread reader = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        store.customers().all();
                        store.save(withArea(Contoso.CUSTOMER, "Area " + i));
                    } catch (RuntimeException e) {
                        // an interrupted call may fail; the workspace must not
                    }
                    rounds.incrementAndGet();
                }
            });
            reader.start();
            for (int i = 0; i < 100; i++) {
                reader.interrupt();
                // the next interrupt lands in a later read or write, once this one is through
                int seen = rounds.get();
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(1)).until(() -> rounds.get() > seen);
            }
            stop.set(true);
            reader.join();

            store.save(withArea(Contoso.CUSTOMER, "After the interrupts"));
            assertThat(store.customers().get("1001")).map(Customer::area).contains("After the interrupts");
        }
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            assertThat(store.customers().get("1001")).map(Customer::area).contains("After the interrupts");
        }
    }
}
