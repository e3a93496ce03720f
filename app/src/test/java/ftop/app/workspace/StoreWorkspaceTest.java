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
