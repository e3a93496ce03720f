package ftop.app.tenant;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.customer.CustomerEdits;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.testkit.ViewWindow;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.change.EntityKind;
import ftop.core.dataset.DemoUsers;
import ftop.core.store.LocalStore;
import ftop.core.store.OutboxEntry;
import ftop.core.tenant.EnterpriseLevel;
import ftop.core.tenant.Tenant;
import ftop.core.validation.Problem;

/**
 * The tenant's Flags section on a real local store, clicked through as each role would: the health
 * FM sets Is Enterprise but not the winner flag, the SLT Watchlist member the winner flag only,
 * someone with neither right sees no pencil; Esc cancels; and the Enterprise Status fields follow
 * the Is Enterprise flag. Every saved flag is a queued edit in the outbox, as offline.
 */
class TenantFlagsTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final ViewWindow window = new ViewWindow();

    private final Clock clock = AppFixtures.clock();
    private StoreWorkspace workspace;
    private LocalStore store;
    private BackgroundTasks tasks;
    private TenantViewModel model;

    private void start(String user) throws Exception {
        workspace = window.open(home, Optional.of(user));
        store = workspace.store();
        tasks = window.tasks();
        window.show(1280, 800, () -> {
            model = new TenantViewModel(workspace, tasks, new CustomerEdits(workspace, tasks, clock),
                    tpid -> { });
            return new TenantView(model, (owner, title, question, yes) -> true);
        });
    }

    @Test
    void theHealthFmSetsIsEnterpriseAndTheStatusFieldsFollowIt() throws Exception {
        start(DemoUsers.DEMO_USER);
        Tenant winner = winnerOf("Contoso");
        open(winner);
        assertThat(lookup("#newSummary").query().isDisabled()).isFalse();
        assertThat(lookup("#statusDisabledReason").query().isVisible()).isFalse();

        clickOn("#tenantFlagsEdit");
        assertThat(combo().isDisabled()).isFalse();
        assertThat(lookup("#winnerFlagCheck").queryAs(CheckBox.class).isDisabled()).isTrue();
        assertThat(text("#winnerFlagLocked")).contains("SLT Watchlist security group");
        assertThat(elided("#tenantFlagsSection")).as("cut off at 1280x800").isEmpty();
        int queued = store.pendingCount();
        choose(Optional.empty());
        clickOn("#tenantFlagsSave");
        waitUntil("the flag saved", () -> store.tenants().get(winner.tenantId().toString()).orElseThrow()
                .enterpriseLevel().isEmpty() && text("#tenantEnterprise").equals("Is Enterprise: No"));

        assertThat(store.pendingCount()).isEqualTo(queued + 1);
        assertThat(lastQueued().mutation().kind()).isEqualTo(EntityKind.TENANT);
        waitUntil("the status fields off", () -> lookup("#newSummary").query().isDisabled());
        assertThat(text("#statusDisabledReason")).contains("Is Enterprise").contains("\"No\"").contains("Level 3");

        int notes = store.notes().byTpid(winner.tpid()).size();
        List<List<Problem>> answered = new ArrayList<>();
        interact(() -> model.saveNote("Written anyway", "", "", answered::add));
        assertThat(answered).hasSize(1);
        assertThat(answered.get(0)).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("Is Enterprise"));
        assertThat(store.notes().byTpid(winner.tpid())).hasSize(notes);

        clickOn("#tenantFlagsEdit");
        choose(Optional.of(EnterpriseLevel.forUserCount(winner.userCount())));
        clickOn("#tenantFlagsSave");
        waitUntil("the status fields back", () -> !lookup("#newSummary").query().isDisabled());
        assertThat(text("#statusDisabledReason")).isEmpty();
    }

    @Test
    void aLevelThatContradictsTheUserCountIsRefusedAndEscCancels() throws Exception {
        start(DemoUsers.DEMO_USER);
        Tenant winner = winnerOf("Contoso");
        open(winner);
        EnterpriseLevel wrong = EnterpriseLevel.forUserCount(winner.userCount()) == EnterpriseLevel.LEVEL_4
                ? EnterpriseLevel.LEVEL_3 : EnterpriseLevel.LEVEL_4;
        int queued = store.pendingCount();

        clickOn("#tenantFlagsEdit");
        choose(Optional.of(wrong));
        clickOn("#tenantFlagsSave");
        waitUntil("the refusal", () -> !text("#enterpriseLevelError").isEmpty());
        assertThat(text("#enterpriseLevelError")).contains("users is Level");
        assertThat(store.tenants().get(winner.tenantId().toString()).orElseThrow()).isEqualTo(winner);
        assertThat(store.pendingCount()).isEqualTo(queued);

        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown("#tenantFlagsSave")).isFalse();
        assertThat(text("#tenantEnterprise")).isEqualTo("Is Enterprise: " + FlagsSection.label(winner.enterpriseLevel()));
        assertThat(store.pendingCount()).isEqualTo(queued);
    }

    @Test
    void theSltWatchlistMemberSetsTheWinnerFlagOnly() throws Exception {
        start(DemoUsers.PATTI_FERNANDEZ);
        long tpid = store.assignments().all().stream().filter(a -> a.userId().equals(DemoUsers.PATTI_FERNANDEZ))
                .findFirst().orElseThrow().tpid();
        Tenant winner = store.tenants().byTpid(tpid).stream().filter(Tenant::winner).findFirst().orElseThrow();
        open(winner);

        clickOn("#tenantFlagsEdit");
        assertThat(combo().isDisabled()).isTrue();
        assertThat(text("#enterpriseLevelLocked")).contains("Is Enterprise");
        CheckBox flag = lookup("#winnerFlagCheck").queryAs(CheckBox.class);
        assertThat(flag.isDisabled()).isFalse();
        assertThat(flag.isSelected()).isTrue();
        clickOn("#winnerFlagCheck");
        clickOn("#tenantFlagsSave");
        waitUntil("the winner flag cleared", () -> !store.tenants().get(winner.tenantId().toString()).orElseThrow()
                .winner() && lookup("#tenantWinnerFlag").tryQuery().isEmpty());
        assertThat(lastQueued().mutation().fields()).containsKey("winner");
    }

    @Test
    void someoneWhoMayChangeNoFlagSeesNoPencil() throws Exception {
        start(DemoUsers.LIDIA_HOLLOWAY);
        long tpid = store.assignments().all().stream().filter(a -> a.userId().equals(DemoUsers.LIDIA_HOLLOWAY))
                .findFirst().orElseThrow().tpid();
        Tenant seen = store.assignments().all().stream().filter(a -> a.userId().equals(DemoUsers.LIDIA_HOLLOWAY)
                && a.tpid() == tpid).flatMap(a -> a.tenantIds().stream()).findFirst()
                .flatMap(id -> store.tenants().get(id.toString())).orElseThrow();
        open(seen);

        assertThat(shown("#tenantFlagsEdit")).isFalse();
        assertThat(text("#tenantEnterprise")).startsWith("Is Enterprise: ");
        int queued = store.pendingCount();
        List<List<Problem>> answered = new ArrayList<>();
        interact(() -> model.saveFlags(Optional.empty(), !seen.winner(), answered::add));
        assertThat(answered.get(0)).extracting(Problem::field).contains("winner");
        assertThat(store.pendingCount()).isEqualTo(queued);
    }

    private void open(Tenant tenant) {
        interact(() -> model.open(tenant.tenantId()));
        waitUntil("the tenant", () -> tenant.name().equals(text("#tenantName")));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Optional<EnterpriseLevel>> combo() {
        return lookup("#enterpriseLevelChoice").queryAs(ComboBox.class);
    }

    /** Picks {@code level} from the Is Enterprise list with the keyboard, as a person would. */
    private void choose(Optional<EnterpriseLevel> level) {
        clickOn("#enterpriseLevelChoice");
        WaitForAsyncUtils.waitForFxEvents();
        int target = combo().getItems().indexOf(level);
        int current = Math.max(0, combo().getSelectionModel().getSelectedIndex());
        KeyCode key = target > current ? KeyCode.DOWN : KeyCode.UP;
        for (int i = 0; i < Math.abs(target - current); i++) {
            type(key);
        }
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(combo().getValue()).isEqualTo(level);
    }

    private OutboxEntry lastQueued() {
        List<OutboxEntry> pending = store.pendingEdits();
        return pending.get(pending.size() - 1);
    }

    private Tenant winnerOf(String customer) {
        long tpid = store.customers().all().stream().filter(c -> c.name().equals(customer)).findFirst().orElseThrow()
                .tpid();
        return store.tenants().byTpid(tpid).stream().filter(Tenant::winner).findFirst().orElseThrow();
    }

    /** The texts of shown labels and buttons under {@code id} that are cut off ("…") at this window size. */
    private List<String> elided(String id) {
        List<String> cut = new ArrayList<>();
        for (Node n : lookup(id).lookup((Node node) -> node instanceof Labeled).queryAll()) {
            Labeled l = (Labeled) n;
            Node shownText = l.lookup(".text");
            if (l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                    && shownText instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText())) {
                cut.add(l.getText() + " -> " + t.getText());
            }
        }
        return cut;
    }

    /** True when the node and every parent are visible: on screen for a person. */
    private boolean shown(String id) {
        for (Node n = lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String text(String id) {
        return lookup(id).tryQuery().filter(n -> shown(id)).map(n -> n instanceof Labeled l ? l.getText() : "")
                .orElse("");
    }
}
