package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static ftop.core.store.StoreTestData.contoso;
import static ftop.core.store.StoreTestData.renamed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftop.core.Json;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.dataset.Dataset;
import ftop.core.search.SearchHit;
import ftop.core.search.SearchKind;
import ftop.core.search.SearchResults;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.validation.Contoso;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's search index on a real H2 workspace: what it finds, and that it follows edits and pulls. */
class SearchIndexTest {

    private static final UUID LICENSING_NOTE = UUID.fromString("00000000-0000-0000-0000-00000000d0a1");

    @TempDir
    Path dir;

    private LocalStore loaded() {
        LocalStore store = LocalStore.open(dir, CLOCK);
        store.bulkLoad(contoso(), 10);
        return store;
    }

    private static EnterpriseStatusNote licensingNote() {
        return new EnterpriseStatusNote(LICENSING_NOTE, Contoso.TPID, Contoso.WINNER_TENANT_ID,
                "Teams rollout on plan.", "The licensing renewal is late; procurement waits for the budget.",
                "Nothing new.", Contoso.FM.userId(), Instant.parse("2021-05-03T09:45:00Z"));
    }

    private static List<SearchHit> hits(SearchResults results, SearchKind kind) {
        return results.groups().getOrDefault(kind, List.of());
    }

    @Test
    void findsAStatusNoteByAWordOfItsRisksWithTheWordsToHighlight() {
        try (LocalStore store = loaded()) {
            SearchResults results = store.search("network", 10);

            assertThat(results.groups()).containsOnlyKeys(SearchKind.STATUS_NOTE);
            SearchHit hit = hits(results, SearchKind.STATUS_NOTE).get(0);
            assertThat(hit.id()).isEqualTo(Contoso.note().id().toString());
            assertThat(hit.field()).isEqualTo("Risks");
            assertThat(hit.text()).isEqualTo("Network upgrade late.");
            assertThat(hit.matchedWords()).containsExactly("Network");
            assertThat(hit.customerName()).isEqualTo("Contoso");
            assertThat(hit.tenantId()).contains(Contoso.WINNER_TENANT_ID);
            assertThat(hit.writtenAt()).contains(Instant.parse("2021-05-03T09:30:00Z"));
        }
    }

    @Test
    void matchesPrefixesAsTheUserTypesAndEveryWordOfTheQuery() {
        try (LocalStore store = loaded()) {
            for (String typed : List.of("c", "co", "con", "cont", "conto", "contos", "contoso", "CONTOSO")) {
                assertThat(hits(store.search(typed, 10), SearchKind.CUSTOMER))
                        .as(typed).extracting(SearchHit::title).containsExactly("Contoso");
            }
            // two words: both must start words of the same row
            assertThat(hits(store.search("netw la", 10), SearchKind.STATUS_NOTE)).hasSize(1);
            assertThat(store.search("netw early", 10).isEmpty()).isTrue();
            assertThat(store.search("  ,;  ", 10).isEmpty()).isTrue();
        }
    }

    @Test
    void findsCustomersByTpidTenantsByIdAndContactsByNameAndEmail() {
        try (LocalStore store = loaded()) {
            assertThat(hits(store.search("1001", 10), SearchKind.CUSTOMER)).extracting(SearchHit::title)
                    .containsExactly("Contoso");
            SearchHit tenant = hits(store.search("00000000-0000-0000-0000-00000000b001", 10), SearchKind.TENANT).get(0);
            assertThat(tenant.title()).isEqualTo("fabrikam.com");
            assertThat(tenant.customerName()).isEqualTo("Fabrikam");
            assertThat(hits(store.search("contosolabs", 10), SearchKind.TENANT)).extracting(SearchHit::title)
                    .containsExactly("contosolabs.onmicrosoft.com");
            assertThat(hits(store.search("patti", 10), SearchKind.CONTACT)).extracting(SearchHit::title)
                    .containsExactly("Patti Fernandez");
            SearchHit byMail = hits(store.search("isaiah@micro", 10), SearchKind.CONTACT).get(0);
            assertThat(byMail.title()).isEqualTo("Isaiah Langer");
            assertThat(byMail.text()).isEqualTo("isaiah@microsoft.com");
            assertThat(byMail.matchedWords()).contains("Isaiah", "isaiah", "microsoft");
        }
    }

    @Test
    void aLocalEditIsFoundAsSoonAsItIsSaved() {
        try (LocalStore store = loaded()) {
            assertThat(store.search("licensing", 10).isEmpty()).isTrue();

            store.save(licensingNote());
            SearchHit hit = hits(store.search("lic ren", 10), SearchKind.STATUS_NOTE).get(0);
            assertThat(hit.id()).isEqualTo(LICENSING_NOTE.toString());
            assertThat(hit.field()).isEqualTo("Risks");
            assertThat(hit.matchedWords()).containsExactlyInAnyOrder("licensing", "renewal");

            store.save(renamed(Contoso.CUSTOMER, "Contoso Pharmaceuticals"));
            assertThat(hits(store.search("pharma", 10), SearchKind.CUSTOMER)).extracting(SearchHit::title)
                    .containsExactly("Contoso Pharmaceuticals");
            // a note shows its customer's name as it is now
            assertThat(hits(store.search("licensing", 10), SearchKind.STATUS_NOTE).get(0).customerName())
                    .isEqualTo("Contoso Pharmaceuticals");

            store.delete(EntityKind.CONTACT, Contoso.CUSTOMER_CONTACT_ID.toString());
            assertThat(store.search("patti", 10).isEmpty()).isTrue();
        }
    }

    @Test
    void aPullIsFoundAsSoonAsItsPageIsApplied() {
        try (LocalStore store = loaded()) {
            Contact newContact = new Contact(UUID.fromString("00000000-0000-0000-0000-00000000c0f1"), Contoso.TPID,
                    ContactKind.CUSTOMER, "Adele Vance", "CFO", "adele@contoso.com", "");
            store.applyPull(List.of(row(licensingNote(), 11), row(newContact, 12),
                    row(renamed(Contoso.FABRIKAM, "Fabrikam Retail"), 13),
                    new RemoteRow(EntityKind.CONTACT, Contoso.FABRIKAM_CONTACT_ID.toString(), Contoso.FABRIKAM_TPID, 14,
                            NullNode.getInstance())), Set.of(), 14);

            assertThat(hits(store.search("renewal", 10), SearchKind.STATUS_NOTE)).hasSize(1);
            assertThat(hits(store.search("adele", 10), SearchKind.CONTACT)).extracting(SearchHit::title)
                    .containsExactly("Adele Vance");
            assertThat(hits(store.search("retail", 10), SearchKind.CUSTOMER)).hasSize(1);
            assertThat(store.search("lee", 10).isEmpty()).isTrue();

            // a customer leaving the cache takes its rows out of the search
            store.applyPull(List.of(), Set.of(Contoso.TPID), 15);
            assertThat(store.search("contoso", 10).isEmpty()).isTrue();
            assertThat(store.search("renewal", 10).isEmpty()).isTrue();
        }
    }

    @Test
    void aPulledRowUnderALocalEditIsFoundByWhatTheUserSees() {
        try (LocalStore store = loaded()) {
            store.save(renamed(Contoso.CUSTOMER, "Contoso Pharmaceuticals"));
            store.applyPull(List.of(row(renamed(Contoso.CUSTOMER, "Contoso Retail"), 11),
                    row(renamed(Contoso.FABRIKAM, "Fabrikam Foods"), 12)), Set.of(), 12);

            assertThat(hits(store.search("pharma", 10), SearchKind.CUSTOMER)).extracting(SearchHit::title)
                    .containsExactly("Contoso Pharmaceuticals");
            assertThat(store.search("retail", 10).isEmpty()).isTrue();
            assertThat(hits(store.search("foods", 10), SearchKind.CUSTOMER)).extracting(SearchHit::title)
                    .containsExactly("Fabrikam Foods");
            assertThat(store.search("fabrikam", 10).groups().get(SearchKind.CUSTOMER)).hasSize(1);
        }
    }

    @Test
    void searchesOfflineFromTheWorkspaceAloneAndRebuildsAMissingIndex() throws Exception {
        try (LocalStore store = loaded()) {
            store.save(licensingNote());
            try (Connection c = DriverManager.getConnection(store.jdbcUrl(), "sa", "");
                 Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM search_word");
                st.executeUpdate("DELETE FROM search_entry");
                st.executeUpdate("DELETE FROM search_state");
            }
            assertThat(store.search("licensing", 10).isEmpty()).isTrue();
        }
        // no server anywhere: the reopened workspace opens at once, then rebuilds its index from its
        // own rows, edits included
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            assertThat(store.searchIndexReady()).isFalse();
            assertThat(store.buildSearchIndexIfMissing()).isTrue();
            assertThat(store.searchIndexReady()).isTrue();
            assertThat(store.buildSearchIndexIfMissing()).isFalse();
            assertThat(hits(store.search("licensing", 10), SearchKind.STATUS_NOTE)).hasSize(1);
            assertThat(hits(store.search("patti", 10), SearchKind.CONTACT)).hasSize(1);
            assertThat(hits(store.search("contoso", 10), SearchKind.TENANT)).hasSize(2);
        }
    }

    @Test
    void aNewWorkspaceHasItsIndexReadyFromTheStart() {
        try (LocalStore store = LocalStore.open(dir.resolve("new"), CLOCK)) {
            assertThat(store.searchIndexReady()).isTrue();
            assertThat(store.buildSearchIndexIfMissing()).isFalse();
        }
    }

    @Test
    void caseAndAccentsDoNotCountAndEachKindStopsAtItsLimit() {
        try (LocalStore store = loaded()) {
            for (int i = 0; i < 5; i++) {
                store.save(new Contact(UUID.randomUUID(), Contoso.TPID, ContactKind.CUSTOMER, "Jürgen Müller " + i, "",
                        "", ""));
            }
            SearchResults results = store.search("MULLER", 3);
            assertThat(hits(results, SearchKind.CONTACT)).hasSize(3);
            assertThat(results.more()).containsExactly(SearchKind.CONTACT);
            assertThat(hits(results, SearchKind.CONTACT).get(0).matchedWords()).containsExactly("Müller");
        }
    }

    @Test
    void aBulkLoadOfManyRowsIsFoundWholeAndKeepsFollowingEdits() throws Exception {
        Dataset base = contoso();
        List<Contact> contacts = new ArrayList<>(base.contacts());
        for (int i = 0; i < 2_500; i++) {
            contacts.add(new Contact(new UUID(0xC0, i), Contoso.TPID, ContactKind.CUSTOMER, "Person" + i + " A",
                    "Buyer", "person" + i + "@contoso.com", ""));
        }
        Dataset many = new Dataset(base.users(), base.customers(), base.tenants(), base.health(), base.notes(),
                contacts, base.assignments(), base.usage(), base.forecasts());
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(many, 10);

            // entries of the first, a middle and the last batch, by name and by e-mail
            for (int i : List.of(0, 999, 1_000, 2_499)) {
                assertThat(hits(store.search("person" + i + "@", 10), SearchKind.CONTACT))
                        .as("person %d", i).extracting(SearchHit::title).containsExactly("Person" + i + " A");
            }
            assertThat(hits(store.search("patti", 10), SearchKind.CONTACT)).hasSize(1);
            assertThat(hits(store.search("network", 10), SearchKind.STATUS_NOTE)).hasSize(1);
            // a one-letter word has no row of the key, yet still narrows a query led by a longer word
            assertThat(hits(store.search("person2498 a", 10), SearchKind.CONTACT)).hasSize(1);
            try (Connection c = DriverManager.getConnection(store.jdbcUrl(), "sa", "");
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM search_word WHERE CHAR_LENGTH(word) < 2")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }

            // after the bulk load the trigger keeps the index again
            store.save(licensingNote());
            assertThat(hits(store.search("licensing", 10), SearchKind.STATUS_NOTE)).hasSize(1);
            store.delete(EntityKind.CONTACT, new UUID(0xC0, 2_499).toString());
            assertThat(store.search("person2499", 10).isEmpty()).isTrue();
        }
    }

    private static RemoteRow row(Object entity, long revision) {
        EntityKind kind = EntityKind.of(entity);
        ObjectNode node = Json.mapper().createObjectNode();
        EntityCodec.fields(entity).forEach(node::set);
        return new RemoteRow(kind, kind.idOf(entity), kind.tpidOf(entity), revision, node);
    }
}
