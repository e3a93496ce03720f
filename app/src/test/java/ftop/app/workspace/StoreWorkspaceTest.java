package ftop.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.health.HealthRules;
import ftop.core.store.LocalStore;
import ftop.core.store.StoreException;

class StoreWorkspaceTest {

    @TempDir
    Path home;

    private final Dataset demo = DatasetGenerator.demo(AppFixtures.TODAY);

    @Test
    void theDemoProfileStartsWithTheDemoWorkspaceOnce() {
        try (StoreWorkspace workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY,
                AppFixtures.clock())) {
            assertThat(workspace.customers()).hasSameSizeAs(demo.customers());
            assertThat(workspace.tenants()).hasSameSizeAs(demo.tenants());
            assertThat(workspace.userId()).isEqualTo("megan.bowen");
            assertThat(workspace.pendingChanges()).isZero();
            assertThat(workspace.location()).isEqualTo(home.toAbsolutePath().normalize().toString());
            long tpid = demo.customers().get(0).tpid();
            assertThat(workspace.customer(tpid)).contains(demo.customers().get(0));
            assertThat(workspace.tenantsOf(tpid)).isNotEmpty().allSatisfy(t -> assertThat(t.tpid()).isEqualTo(tpid));
            assertThat(workspace.usageOf(tpid)).isNotEmpty();
            assertThat(workspace.health(tpid)).isPresent();
        }
        // a second start on another day finds the data it left, not a fresh demo
        try (StoreWorkspace again = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY.plusDays(30),
                AppFixtures.clock())) {
            assertThat(again.customers()).hasSameSizeAs(demo.customers());
            assertThat(again.health()).containsExactlyInAnyOrderElementsOf(demo.health());
        }
    }

    @Test
    void anotherProfileStartsEmpty() {
        try (StoreWorkspace workspace = StoreWorkspace.open("emea", Optional.of(home), AppFixtures.TODAY,
                AppFixtures.clock())) {
            assertThat(workspace.customers()).isEmpty();
            assertThat(workspace.profile()).isEqualTo("emea");
        }
    }

    @Test
    void rulesTheServerHandedOutAreUsedAndBrokenOnesFallBackToTheShippedRules() {
        String custom = HealthRules.defaultJson().replace("FTOP default Customer Health rules", "FY21 rules");
        try (LocalStore store = LocalStore.open(home)) {
            store.putSetting(StoreWorkspace.RULES_SETTING, custom);
        }
        try (StoreWorkspace workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY)) {
            assertThat(workspace.rules().name()).isEqualTo("FY21 rules");
        }
        try (LocalStore store = LocalStore.open(home)) {
            store.putSetting(StoreWorkspace.RULES_SETTING, "{ not json");
        }
        try (StoreWorkspace workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY)) {
            assertThat(workspace.rules()).isEqualTo(HealthRules.defaults());
        }
    }

    @Test
    void aWorkspaceOpenElsewhereIsRefusedWithAMessageForPeople() {
        try (LocalStore first = LocalStore.open(home)) {
            assertThatThrownBy(() -> StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY))
                    .isInstanceOf(StoreException.class)
                    .hasMessage(LocalStore.ALREADY_OPEN_MESSAGE);
        }
    }

    @Test
    void unsyncedEditsAreCountedPerCustomerFromTheOutbox() {
        try (StoreWorkspace workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY,
                AppFixtures.clock())) {
            assertThat(workspace.unsyncedEdits()).isEmpty();
            long first = demo.customers().get(0).tpid();
            long second = demo.customers().get(1).tpid();
            var store = workspace.store();
            var health = store.health().get(Long.toString(first)).orElseThrow();
            var status = java.util.Arrays.stream(ftop.core.health.CustomerStatus.values())
                    .filter(s -> !health.progress().status().equals(Optional.of(s))).findFirst().orElseThrow();
            store.save(ftop.core.change.EntityCodec.apply(health,
                    java.util.Map.of("progress.status", com.fasterxml.jackson.databind.node.TextNode.valueOf(status.name()))));
            var refused = rename(store, workspace.contactsOf(first).get(0));
            var tenant = workspace.tenantsOf(second).get(0);
            store.save(ftop.core.change.EntityCodec.apply(tenant,
                    java.util.Map.of("name", com.fasterxml.jackson.databind.node.TextNode.valueOf("eu-" + tenant.name()))));

            assertThat(workspace.unsyncedEdits()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                    first, new UnsyncedEdits(2, 0), second, new UnsyncedEdits(1, 0)));

            store.outbox().markRejected(refused.id(), "Forbidden: not your customer");
            assertThat(workspace.unsyncedEdits()).containsEntry(first, new UnsyncedEdits(1, 1));
        }
    }

    private static ftop.core.change.Mutation rename(LocalStore store, ftop.core.contact.Contact contact) {
        return store.save(new ftop.core.contact.Contact(contact.id(), contact.tpid(), contact.kind(), contact.name(),
                "Intune CAT", contact.email(), contact.phone()));
    }

    @Test
    void listenersHearOfEveryCommittedChange() {
        try (StoreWorkspace workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY,
                AppFixtures.clock())) {
            int[] heard = new int[1];
            workspace.addChangeListener(() -> heard[0]++);
            var contact = workspace.contactsOf(demo.customers().get(0).tpid()).get(0);
            workspace.store().save(new ftop.core.contact.Contact(contact.id(), contact.tpid(), contact.kind(),
                    contact.name(), "Intune CAT", contact.email(), contact.phone()));
            assertThat(heard[0]).isEqualTo(1);
            assertThat(workspace.pendingChanges()).isEqualTo(1);
        }
    }
}
