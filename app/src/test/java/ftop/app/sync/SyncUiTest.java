package ftop.app.sync;

import static ftop.app.testkit.Ui.FIRST_SYNC;
import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.waitForLabel;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppOptions;
import ftop.app.ElidedText;
import ftop.app.FtopApplication;
import ftop.app.testkit.DesktopApp;
import ftop.app.widgets.FieldMarker;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.assignment.Assignment;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerStatus;
import ftop.core.store.LocalStore;
import ftop.core.store.OutboxState;
import ftop.sync.demo.EmbeddedDemo;
import ftop.sync.client.SyncClient;
import ftop.sync.client.SyncEngine;

/**
 * The real app with real sync: the demo workspace runs its embedded central server on loopback
 * and is filled by its first sync; a second workspace on the same server makes real conflicts; a
 * separate server takes real sign-ins.
 */
class SyncUiTest extends FxRobot {

    @TempDir
    Path home;
    @TempDir
    Path other;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopApplication app;
    private EmbeddedDemo server;
    private LocalStore second;

    private void startApp(AppOptions options) throws Exception {
        startApp(options, SyncEngine.Options.defaults());
    }

    /** Sync options under which a save waits in the outbox for an hour unless a sync starts. */
    private static SyncEngine.Options pushesHeldBack() {
        SyncEngine.Options defaults = SyncEngine.Options.defaults();
        return new SyncEngine.Options(defaults.interval(), Duration.ofHours(1), Duration.ofHours(1),
                defaults.backoffBase(), defaults.backoffMax());
    }

    private void startApp(AppOptions options, SyncEngine.Options sync) throws Exception {
        app = desktop.launch(() -> new FtopApplication(options, StoreWorkspace::open, Clock.systemDefaultZone(), true)
                .withSyncOptions(sync));
        // the demo's server is created and its first sync runs before the window shows: slow on a cold, busy JVM
        waitUntil("the window", () -> lookup("#syncState").tryQuery().isPresent(), FIRST_SYNC);
    }

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
        if (second != null) {
            second.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDemoIsFilledByARealFirstSyncAndTheStatusBarFollowsTheServer() throws Exception {
        startApp(AppOptions.inDirectory(home));
        SyncSession session = app.syncSession().orElseThrow();
        assertThat(session.demo()).isPresent();
        assertThat(session.store().cursor()).isPositive();
        waitForLabel("#syncState", "Online");
        waitUntil("the portfolio", () -> lookup("#portfolioTable").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        assertThat(label("#syncLast")).isEqualTo("Synced just now");
        assertThat(label("#syncPending")).isEqualTo("No pending changes");
        // the engine's first sync checks the cache against the server, and the status bar says when
        waitUntil("the cache check", () -> lookup("#syncCacheCheck").query().isVisible()
                && label("#syncCacheCheck").startsWith("Cache verified "));
        assertThat(lookup("#syncConflicts").query().isVisible()).isFalse();
        assertThat(lookup("#statusSync").tryQuery()).isEmpty();

        // an edit goes up by itself, shortly after it is made
        CustomerHealth health = session.store().health().all().get(0);
        session.store().save(EntityCodec.apply(health,
                Map.of("progress.status", TextNode.valueOf(otherThan(health).name()))));
        waitUntil("the edit to reach the server", () -> session.store().outbox().pendingCount() == 0
                && label("#syncPending").equals("No pending changes"));

        // the server goes away: Sync now says offline and why, and keeps the edit
        session.demo().orElseThrow().close();
        session.store().save(EntityCodec.apply(session.store().health().get(Long.toString(health.tpid())).orElseThrow(),
                Map.of("progress.status", TextNode.valueOf(health.progress().status().orElse(CustomerStatus.NO_INTENT)
                        .name()))));
        clickOn("#syncNow");
        waitForLabel("#syncState", "Offline");
        waitForLabel("#syncPending", "1 pending change");
        Labeled state = lookup("#syncState").queryLabeled();
        assertThat(state.getTooltip().getText()).contains("Cannot reach the server");
        assertThat(session.store().outbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void conflictsAreListedWithBothValuesAndSettledEitherWay() throws Exception {
        // My saves wait in the outbox, as if offline, until a sync starts: the colleague's save,
        // which the live wait brings in at once, starts it, and the two meet.
        startApp(AppOptions.inDirectory(home), pushesHeldBack());
        SyncSession session = app.syncSession().orElseThrow();
        waitForLabel("#syncState", "Online");
        LocalStore mine = session.store();

        // a colleague on the same server changes the same field first
        second = LocalStore.open(other);
        SyncClient colleague = new SyncClient(session.demo().orElseThrow().url(), second);
        colleague.login(DemoUsers.ALEX_WILBER, DemoUsers.DEMO_PASSWORD);
        colleague.sync(p -> { });
        CustomerHealth shared = mine.health().all().stream()
                .filter(h -> second.health().get(Long.toString(h.tpid())).isPresent()).findFirst().orElseThrow();
        String id = Long.toString(shared.tpid());
        CustomerStatus[] two = twoOtherThan(shared);
        mine.save(EntityCodec.apply(shared, Map.of("progress.status", TextNode.valueOf(two[1].name()))));
        second.save(EntityCodec.apply(second.health().get(id).orElseThrow(),
                Map.of("progress.status", TextNode.valueOf(two[0].name()))));
        colleague.sync(p -> { });

        clickOn("#syncNow");
        waitForLabel("#syncConflicts", "1 conflict");
        assertThat(mine.outbox().problems()).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(OutboxState.CONFLICT));
        // the form marks the field itself, in the guide's words
        interact(() -> app.shell().openCustomer(shared.tpid()));
        waitUntil("the conflict on the field", () -> lookup("#customerStatusMarker").tryQuery()
                .map(n -> ((FieldMarker) n).getKind() == FieldMarker.Kind.CONFLICT).orElse(false));
        assertThat(label("#customerStatusMarkerText")).startsWith("Alex Wilber saved " + two[0].label())
                .contains("yours is " + two[1].label());

        clickOn("#syncConflicts");
        waitUntil("the conflict card", () -> lookup(".conflict-card").tryQuery().isPresent());
        assertThat(label(".conflict-field")).isEqualTo("Customer Status");
        assertThat(label(".conflict-mine")).isEqualTo(two[1].label());
        assertThat(label(".conflict-theirs")).isEqualTo(two[0].label());
        assertThat(lookup(".conflict-grid .label").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .anySatisfy(t -> assertThat(t).startsWith("Alex Wilber, "));

        clickOn("#keepMine");
        waitUntil("the conflict to be settled on the server", () -> mine.outbox().problems().isEmpty()
                && mine.outbox().pendingCount() == 0);
        waitUntil("the list to empty", () -> lookup(".conflict-card").tryQuery().isEmpty());
        assertThat(label("#conflictsSummary")).startsWith("No conflicts");
        colleague.sync(p -> { });
        assertThat(second.health().get(id).orElseThrow().progress().status()).contains(two[1]);
        assertThat(mine.health().get(id).orElseThrow().progress().status()).contains(two[1]);

        // a second clash on the same field, settled the other way: Take theirs
        CustomerStatus third = java.util.Arrays.stream(CustomerStatus.values())
                .filter(s -> s != two[0] && s != two[1]).findFirst().orElseThrow();
        mine.save(EntityCodec.apply(mine.health().get(id).orElseThrow(),
                Map.of("progress.status", TextNode.valueOf(third.name()))));
        second.save(EntityCodec.apply(second.health().get(id).orElseThrow(),
                Map.of("progress.status", TextNode.valueOf(two[0].name()))));
        colleague.sync(p -> { });
        clickOn("#syncNow");
        waitForLabel("#syncConflicts", "1 conflict");
        clickOn("#syncConflicts");
        waitUntil("the new conflict card", () -> label(".conflict-mine").equals(third.label()));
        assertThat(label(".conflict-theirs")).isEqualTo(two[0].label());
        clickOn("#takeTheirs");
        waitUntil("the conflict to be settled", () -> mine.outbox().problems().isEmpty()
                && mine.outbox().pendingCount() == 0 && lookup(".conflict-card").tryQuery().isEmpty());
        assertThat(mine.health().get(id).orElseThrow().progress().status()).contains(two[0]);
        waitUntil("the status bar to drop the conflict", () -> !lookup("#syncConflicts").query().isVisible());
    }

    @Test
    void anEditRefusedWhileTheCustomerLeftMyScopeIsKeptAndSentAgainFromTheFieldOnceItIsBack() throws Exception {
        startApp(AppOptions.inDirectory(home), pushesHeldBack());
        SyncSession session = app.syncSession().orElseThrow();
        waitForLabel("#syncState", "Online");
        LocalStore mine = session.store();

        // the assignment team, on the same server
        second = LocalStore.open(other);
        SyncClient team = new SyncClient(session.demo().orElseThrow().url(), second);
        team.login(DemoUsers.LEE_GU, DemoUsers.DEMO_PASSWORD);
        team.sync(p -> { });
        long tpid = customersOf(mine, DemoUsers.DEMO_USER).stream().sorted().findFirst().orElseThrow();
        String id = Long.toString(tpid);

        // Megan changes its health; before her edit goes up, the team takes her off the customer:
        // the server refuses her edit and her copy drops the customer
        CustomerHealth health = mine.health().get(id).orElseThrow();
        CustomerStatus status = otherThan(health);
        mine.save(EntityCodec.apply(health, Map.of("progress.status", TextNode.valueOf(status.name()))));
        List<Assignment> megans = second.assignments().byTpid(tpid).stream()
                .filter(a -> a.userId().equals(DemoUsers.DEMO_USER)).toList();
        megans.forEach(a -> second.delete(EntityKind.ASSIGNMENT, a.id().toString()));
        team.sync(p -> { });
        clickOn("#syncNow");
        waitUntil("the refusal", () -> mine.outbox().problems().size() == 1 && mine.customers().get(id).isEmpty());
        assertThat(mine.outbox().problems().get(0).state()).isEqualTo(OutboxState.REJECTED);

        // she is assigned again: the next sync brings the customer back with her edit still on top
        megans.forEach(second::save);
        team.sync(p -> { });
        clickOn("#syncNow");
        waitUntil("the customer to come back", () -> mine.customers().get(id).isPresent());
        interact(() -> app.shell().openCustomer(tpid));
        waitUntil("Send again on the field", () -> lookup("#customerStatusSendAgain").tryQuery().isPresent());
        assertThat(label("#customerStatus")).isEqualTo(status.label());
        assertThat(label("#customerStatusMarkerText")).contains("but you may make it now");
        clickOn("#customerStatusSendAgain");
        clickOn("#syncNow"); // the pushes of this test wait for a sync

        waitUntil("the edit to reach the server", () -> mine.outbox().problems().isEmpty()
                && mine.outbox().pendingCount() == 0);
        waitUntil("the mark to go", () -> lookup("#customerStatusMarker").tryQuery()
                .map(n -> ((FieldMarker) n).getKind() == null).orElse(false));
        team.sync(p -> { });
        assertThat(second.health().get(id).orElseThrow().progress().status()).contains(status);
    }

    @Test
    void theLoginDialogSaysWhatIsWrongAndConnectsOnSuccess() throws Exception {
        server = EmbeddedDemo.start(other);
        startApp(new AppOptions("work", Optional.of(home), Optional.empty(), false, Optional.empty()));
        SyncSession session = app.syncSession().orElseThrow();
        assertThat(session.connected()).isFalse();
        waitForLabel("#syncState", "Local only");

        clickOn("#connectToServer");
        waitUntil("the login dialog", () -> lookup("#loginDialog").tryQuery().isPresent());
        clickOn("#loginUrl").write("http://127.0.0.1:1");
        clickOn("#loginUser").write(DemoUsers.DEMO_USER);
        clickOn("#loginPassword").write("not-the-password");
        clickOn("#loginConnect");
        waitUntil("the unreachable message", () -> label("#loginError").startsWith(
                "Cannot reach the server at http://127.0.0.1:1"));
        // the message reads in full: the dialog grows to it
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ElidedText.under(lookup("#loginDialog").queryAs(Parent.class))).isEmpty();

        doubleClickOn("#loginUrl").eraseText(40).write(server.url().toString());
        clickOn("#loginConnect");
        waitForLabel("#loginError", LoginDialog.WRONG_CREDENTIALS);
        assertThat(session.connected()).isFalse();

        doubleClickOn("#loginPassword").eraseText(40).write(DemoUsers.DEMO_PASSWORD);
        clickOn("#loginConnect");
        waitUntil("the dialog to close", () -> lookup("#loginDialog").tryQuery().isEmpty());
        waitForLabel("#syncState", "Online");
        waitUntil("the first sync to fill the portfolio", () -> lookup("#portfolioTable").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        assertThat(session.store().setting(SyncClient.SERVER_URL)).contains(server.url().toString());
        assertThat(session.store().setting(SyncClient.USER_ID)).contains(DemoUsers.DEMO_USER);
        assertThat(session.store().setting(SyncSession.DEMO_SETTING)).isEmpty();
    }

    @Test
    void signingInAsSomeoneElseIsFollowedAtOnceByTheStatusBarMineOnlyAndPermissions() throws Exception {
        server = EmbeddedDemo.start(other);
        // a workspace Alex signed in to once, before anything was synced into it
        try (LocalStore seeded = LocalStore.open(home)) {
            seeded.putSetting(StoreWorkspace.USER_SETTING, DemoUsers.ALEX_WILBER);
            seeded.putSetting(SyncClient.USER_ID, DemoUsers.ALEX_WILBER);
        }
        startApp(new AppOptions("work", Optional.of(home), Optional.empty(), false, Optional.empty()));
        SyncSession session = app.syncSession().orElseThrow();
        waitForLabel("#statusUser", DemoUsers.ALEX_WILBER);

        clickOn("#connectToServer");
        waitUntil("the login dialog", () -> lookup("#loginDialog").tryQuery().isPresent());
        assertThat(lookup("#loginUser").queryAs(TextField.class).getText()).isEqualTo(DemoUsers.ALEX_WILBER);
        clickOn("#loginUrl").write(server.url().toString());
        interact(() -> lookup("#loginUser").queryAs(TextField.class).clear());
        clickOn("#loginUser").write(DemoUsers.DEMO_USER);
        clickOn("#loginPassword").write(DemoUsers.DEMO_PASSWORD);
        clickOn("#loginConnect");
        waitUntil("the dialog to close", () -> lookup("#loginDialog").tryQuery().isEmpty());

        // no restart: the status bar names Megan, "Mine only" is hers, and so are the permissions
        waitForLabel("#statusUser", DemoUsers.DEMO_USER);
        waitForLabel("#syncState", "Online");
        waitUntil("the first sync to fill the portfolio", () -> !portfolio().getItems().isEmpty());
        java.util.Set<Long> megans = customersOf(session.store(), DemoUsers.DEMO_USER);
        java.util.Set<Long> alexs = customersOf(session.store(), DemoUsers.ALEX_WILBER);
        assertThat(megans).as("the demo gives Megan other customers than Alex").isNotEqualTo(alexs).isNotEmpty();
        clickOn("#mineFilter");
        waitUntil("Megan's customers", () -> shownTpids().equals(megans));
        assertThat(lookup("#mineFilter").queryAs(javafx.scene.control.ToggleButton.class).getTooltip().getText())
                .isEqualTo("Only what megan.bowen is assigned to");

        // a customer Alex may not edit, whose health Megan owns
        long notAlexs = megans.stream().filter(tpid -> !alexs.contains(tpid)).findFirst().orElseThrow();
        String name = session.store().customers().get(Long.toString(notAlexs)).orElseThrow().name();
        interact(() -> app.shell().openCustomer(notAlexs));
        waitForLabel("#customerName", name);
        assertThat(lookup("#customerReadOnly").query().isVisible()).isFalse();
        assertThat(app.shell().workspace().userId()).isEqualTo(DemoUsers.DEMO_USER);
    }

    private static java.util.Set<Long> customersOf(LocalStore store, String user) {
        return store.assignments().all().stream().filter(a -> a.userId().equals(user))
                .map(ftop.core.assignment.Assignment::tpid).collect(java.util.stream.Collectors.toSet());
    }

    private java.util.Set<Long> shownTpids() {
        return portfolio().getItems().stream().map(r -> ((ftop.app.portfolio.PortfolioRow) r).tpid())
                .collect(java.util.stream.Collectors.toSet());
    }

    private TableView<?> portfolio() {
        return lookup("#portfolioTable").queryAs(TableView.class);
    }

    private static CustomerStatus otherThan(CustomerHealth health) {
        return twoOtherThan(health)[0];
    }

    private static CustomerStatus[] twoOtherThan(CustomerHealth health) {
        CustomerStatus current = health.progress().status().orElse(null);
        return java.util.Arrays.stream(CustomerStatus.values()).filter(s -> s != current).limit(2)
                .toArray(CustomerStatus[]::new);
    }

    @SuppressWarnings("unused")
    private Node node(String query) {
        return lookup(query).query();
    }
}
