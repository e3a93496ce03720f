package ftop.app.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.widgets.FieldMarker;
import ftop.app.widgets.Theme;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.Json;
import ftop.core.Labelled;
import ftop.core.assignment.Assignment;
import ftop.core.change.EntityCodec;
import ftop.core.change.EntityKind;
import ftop.core.change.FieldChange;
import ftop.core.change.Mutation;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerStatus;
import ftop.core.health.CxpWatchlist;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.store.ConflictField;
import ftop.core.store.LocalStore;
import ftop.core.store.OutboxState;
import ftop.core.store.RemoteRow;
import ftop.core.tenant.Tenant;

/**
 * The Customer tab over a real local store: edits the server refused or that conflict are marked on
 * their field with what settles them, and a change pulled while a section is open leaves what the
 * person typed and says what changed. The server's answers are recorded as the sync client records
 * them (the outbox's mark methods, a pull page).
 */
class FieldMarkersTest extends FxRobot {

    @TempDir
    Path home;

    private final Clock clock = AppFixtures.clock();
    private StoreWorkspace workspace;
    private LocalStore store;
    private BackgroundTasks tasks;
    private CustomerViewModel model;
    private Customer contoso;
    private String tpid;
    private long revision = 1_000_000;

    @BeforeEach
    void start() throws Exception {
        workspace = StoreWorkspace.open("demo", Optional.of(home), AppFixtures.TODAY, clock);
        store = workspace.store();
        contoso = store.customers().all().stream().filter(c -> c.name().equals("Contoso")).findFirst().orElseThrow();
        tpid = Long.toString(contoso.tpid());
        tasks = BackgroundTasks.create();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.apply(false);
            model = new CustomerViewModel(workspace, tasks, clock);
            CustomerView view = new CustomerView(model, (owner, title, question, yes) -> false);
            var screen = Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(view, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        interact(() -> model.select(contoso.tpid()));
        waitFor("Contoso", () -> "Contoso".equals(text("#customerName")));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        workspace.close();
    }

    @Test
    void aRefusedEditIsMarkedOnItsFieldWithTodaysReasonAndCanBeSentAgainOnceItCouldPass() {
        CxpWatchlist before = health().progress().cxpWatchlist().orElse(null);
        CxpWatchlist mine = before == CxpWatchlist.CRITICAL ? CxpWatchlist.GRADUATED : CxpWatchlist.CRITICAL;
        Mutation edit = saveWatchlist(mine);
        List<Assignment> megans = store.assignments().byTpid(contoso.tpid()).stream()
                .filter(a -> a.userId().equals(DemoUsers.DEMO_USER)).toList();
        assertThat(megans).isNotEmpty();
        // the server refused it while Megan was off Contoso, and the pull that follows says so
        store.outbox().markRejected(edit.id(), "Forbidden: Megan Bowen is not assigned to Contoso, so cannot see it.");
        pull(megans.stream().map(a -> new RemoteRow(EntityKind.ASSIGNMENT, a.id().toString(), a.tpid(), ++revision,
                null)).toList());

        waitFor("the refusal on the field", () -> marker("#cxpWatchlistMarker") == FieldMarker.Kind.REJECTED);
        assertThat(text("#cxpWatchlist")).isEqualTo(mine.label());
        assertThat(text("#cxpWatchlistMarkerText")).startsWith("Not saved on the server.")
                .contains("is not assigned to Contoso").doesNotContain("Forbidden");
        assertThat(lookup("#cxpWatchlistKeepMine").tryQuery()).isPresent();
        assertThat(lookup("#cxpWatchlistDiscard").tryQuery()).isPresent();
        assertThat(lookup("#cxpWatchlistSendAgain").tryQuery()).isEmpty();
        // only the field the edit changed is marked
        assertThat(marker("#customerStatusMarker")).isNull();

        // Megan is back on Contoso: the stale reason goes, and she may send it again
        pull(megans.stream().map(a -> new RemoteRow(EntityKind.ASSIGNMENT, a.id().toString(), a.tpid(), ++revision,
                Json.mapper().valueToTree(a))).toList());
        waitFor("Send again", () -> lookup("#cxpWatchlistSendAgain").tryQuery().isPresent());
        assertThat(text("#cxpWatchlistMarkerText")).contains("but you may make it now");
        reveal("#cxpWatchlistSendAgain");
        clickOn("#cxpWatchlistSendAgain");

        waitFor("the mark to go", () -> marker("#cxpWatchlistMarker") == null);
        assertThat(store.outbox().problems()).isEmpty();
        assertThat(store.outbox().pending(10)).singleElement()
                .satisfies(e -> assertThat(e.mutation().fields()).containsKey("progress.cxpWatchlist"));
        assertThat(text("#cxpWatchlist")).isEqualTo(mine.label());
    }

    @Test
    void discardingARefusedEditShowsTheServersValueAgain() {
        CxpWatchlist before = health().progress().cxpWatchlist().orElseThrow();
        CxpWatchlist mine = before == CxpWatchlist.CRITICAL ? CxpWatchlist.GRADUATED : CxpWatchlist.CRITICAL;
        Mutation edit = saveWatchlist(mine);
        store.outbox().markRejected(edit.id(), "The CXP Watchlist cannot be set for this customer.");
        interact(model::refresh);

        waitFor("the refusal on the field", () -> marker("#cxpWatchlistMarker") == FieldMarker.Kind.REJECTED);
        assertThat(text("#cxpWatchlistMarkerText"))
                .isEqualTo("Not saved on the server. The CXP Watchlist cannot be set for this customer.");
        reveal("#cxpWatchlistDiscard");
        clickOn("#cxpWatchlistDiscard");

        waitFor("the server's value", () -> before.label().equals(text("#cxpWatchlist")));
        assertThat(marker("#cxpWatchlistMarker")).isNull();
        assertThat(store.outbox().problems()).isEmpty();
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void keepMineOnARefusalKeepsTheValueAsAPendingEdit() {
        CxpWatchlist before = health().progress().cxpWatchlist().orElseThrow();
        CxpWatchlist mine = before == CxpWatchlist.CRITICAL ? CxpWatchlist.GRADUATED : CxpWatchlist.CRITICAL;
        Mutation edit = saveWatchlist(mine);
        store.outbox().markRejected(edit.id(), "The CXP Watchlist cannot be set for this customer.");
        interact(model::refresh);

        waitFor("the refusal on the field", () -> marker("#cxpWatchlistMarker") == FieldMarker.Kind.REJECTED);
        reveal("#cxpWatchlistKeepMine");
        clickOn("#cxpWatchlistKeepMine");

        waitFor("the mark to go", () -> marker("#cxpWatchlistMarker") == null);
        assertThat(text("#cxpWatchlist")).isEqualTo(mine.label());
        assertThat(store.outbox().problems()).isEmpty();
        assertThat(store.outbox().pending(10)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(OutboxState.PENDING);
            assertThat(e.mutation().id()).isNotEqualTo(edit.id());
            assertThat(e.mutation().fields().get("progress.cxpWatchlist").asText()).isEqualTo(mine.name());
        });
    }

    @Test
    void aConflictIsMarkedOnItsFieldInTheGuidesWordsAndKeepMineSendsMineAgain() {
        CxpWatchlist before = health().progress().cxpWatchlist().orElseThrow();
        CxpWatchlist mine = before == CxpWatchlist.CRITICAL ? CxpWatchlist.GRADUATED : CxpWatchlist.CRITICAL;
        CxpWatchlist theirs = before == CxpWatchlist.ON_WATCHLIST ? CxpWatchlist.NOT_ON_WATCHLIST : CxpWatchlist.ON_WATCHLIST;
        Mutation edit = saveWatchlist(mine);
        CustomerHealth server = EntityCodec.apply(health(), Map.of("progress.cxpWatchlist", TextNode.valueOf(theirs.name())));
        store.outbox().markConflict(edit.id(), List.of(new ConflictField("progress.cxpWatchlist",
                TextNode.valueOf(mine.name()), TextNode.valueOf(theirs.name()), DemoUsers.ALEX_WILBER,
                Instant.parse("2021-05-03T09:00:00Z"))), ++revision, Json.mapper().valueToTree(server));
        interact(model::refresh);

        waitFor("the conflict on the field", () -> marker("#cxpWatchlistMarker") == FieldMarker.Kind.CONFLICT);
        // the form shows theirs until the user decides; the marker says both, as the form words them
        assertThat(text("#cxpWatchlist")).isEqualTo(theirs.label());
        assertThat(text("#cxpWatchlistMarkerText")).startsWith("Alex Wilber saved " + theirs.label())
                .contains("yours is " + mine.label()).doesNotContain("CRITICAL").doesNotContain(DemoUsers.ALEX_WILBER);
        assertThat(lookup("#cxpWatchlistTakeTheirs").tryQuery()).isPresent();
        reveal("#cxpWatchlistKeepMine");
        clickOn("#cxpWatchlistKeepMine");

        waitFor("mine on the form", () -> mine.label().equals(text("#cxpWatchlist")));
        assertThat(marker("#cxpWatchlistMarker")).isNull();
        assertThat(store.outbox().pending(10)).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(OutboxState.PENDING));
    }

    @Test
    void aChangePulledWhileASectionIsOpenKeepsWhatWasTypedAndSaysWhoChangedWhat() {
        CxpWatchlist before = health().progress().cxpWatchlist().orElseThrow();
        CxpWatchlist theirs = before == CxpWatchlist.CRITICAL ? CxpWatchlist.GRADUATED : CxpWatchlist.CRITICAL;
        CustomerStatus status = health().progress().status().orElse(null);
        CustomerStatus typed = status == CustomerStatus.NO_INTENT ? CustomerStatus.IN_PROGRESS : CustomerStatus.NO_INTENT;
        CustomerStatus other = Arrays.stream(CustomerStatus.values()).filter(s -> s != status && s != typed)
                .findFirst().orElseThrow();
        reveal("#customerProgressEdit");
        clickOn("#customerProgressEdit");
        pick("#customerStatusField", typed.label());

        // Alex changes the CXP Watchlist and the status meanwhile; the pull brings both
        CustomerHealth server = EntityCodec.apply(health(), Map.of(
                "progress.cxpWatchlist", TextNode.valueOf(theirs.name()),
                "progress.status", TextNode.valueOf(other.name())));
        long at = ++revision;
        store.addHistory(contoso.tpid(), List.of(new FieldChange(at, Instant.parse("2021-05-03T09:00:00Z"),
                DemoUsers.ALEX_WILBER, EntityKind.HEALTH.wireName(), tpid, "progress.cxpWatchlist",
                TextNode.valueOf(before.name()), TextNode.valueOf(theirs.name()))), at, Instant.now(clock));
        pull(List.of(new RemoteRow(EntityKind.HEALTH, tpid, contoso.tpid(), at, Json.mapper().valueToTree(server))));

        waitFor("the notice", () -> marker("#cxpWatchlistMarker") == FieldMarker.Kind.CHANGED);
        assertThat(text("#cxpWatchlistMarkerText"))
                .isEqualTo("Changed by Alex Wilber while you were editing: " + theirs.label());
        assertThat(text("#customerStatusMarkerText"))
                .isEqualTo("Changed by someone else while you were editing: " + other.label());
        // what was typed and what was loaded stay as they were
        assertThat(combo("#customerStatusField")).isEqualTo(typed.label());
        assertThat(combo("#cxpWatchlistField")).isEqualTo(before.label());

        reveal("#cxpWatchlistUseTheirs");
        clickOn("#cxpWatchlistUseTheirs");
        waitFor("their value in the editor", () -> theirs.label().equals(combo("#cxpWatchlistField")));
        assertThat(marker("#cxpWatchlistMarker")).isNull();
        reveal("#customerStatusKeepTyped");
        clickOn("#customerStatusKeepTyped");
        waitFor("the status notice to go", () -> marker("#customerStatusMarker") == null);

        reveal("#customerProgressSave");
        clickOn("#customerProgressSave");
        waitFor("the saved section", () -> typed.label().equals(text("#customerStatus")));
        assertThat(health().progress().status()).contains(typed);
        assertThat(health().progress().cxpWatchlist()).contains(theirs);
    }

    @Test
    void aRefusedNewStatusNoteSaysSoUnderItAndDiscardTakesItAway() {
        Tenant winner = store.tenants().byTpid(contoso.tpid()).stream().filter(Tenant::winner).findFirst().orElseThrow();
        EnterpriseStatusNote note = new EnterpriseStatusNote(UUID.randomUUID(), contoso.tpid(), winner.tenantId(),
                "Teams rollout paused.", "", "", DemoUsers.DEMO_USER, Instant.now(clock).plusSeconds(60));
        Mutation added = store.save(note);
        store.outbox().markRejected(added.id(), "Forbidden: Megan Bowen is not assigned to Contoso, so cannot see it.");
        interact(model::refresh);

        waitFor("the refusal under the note", () -> marker("#latestNoteMarker") == FieldMarker.Kind.REJECTED);
        assertThat(text("#latestSummary")).isEqualTo("Teams rollout paused.");
        assertThat(text("#latestNoteMarkerText")).contains("but you may make it now");
        reveal("#latestNoteDiscard");
        clickOn("#latestNoteDiscard");

        waitFor("the note to go", () -> !"Teams rollout paused.".equals(text("#latestSummary")));
        assertThat(marker("#latestNoteMarker")).isNull();
        assertThat(store.notes().get(note.id().toString())).isEmpty();
        assertThat(store.outbox().problems()).isEmpty();
    }

    private Mutation saveWatchlist(CxpWatchlist value) {
        return store.save(EntityCodec.apply(health(), Map.of("progress.cxpWatchlist", TextNode.valueOf(value.name()))));
    }

    /** A pull page as the sync client applies it; the shell reads the customer again after it. */
    private void pull(List<RemoteRow> rows) {
        store.applyPull(rows, Set.of(), revision);
        interact(model::refresh);
    }

    private CustomerHealth health() {
        return store.health().get(tpid).orElseThrow();
    }

    private FieldMarker.Kind marker(String id) {
        return lookup(id).tryQuery().map(n -> ((FieldMarker) n).getKind()).orElse(null);
    }

    private String text(String id) {
        return lookup(id).tryQuery().map(n -> n instanceof Labeled l ? l.getText() : "").orElse("");
    }

    private String combo(String id) {
        Object value = lookup(id).queryAs(ComboBox.class).getValue();
        return value instanceof Choice<?> c && c.value() instanceof Labelled l ? l.label() : String.valueOf(value);
    }

    private void pick(String comboId, String label) {
        reveal(comboId);
        clickOn(comboId);
        clickOn(lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(label)).queryAs(Node.class));
        assertThat(combo(comboId)).isEqualTo(label);
    }

    private void reveal(String id) {
        interact(() -> {
            Node node = lookup(id).query();
            ScrollPane scroll = lookup("#customerScroll").queryAs(ScrollPane.class);
            Node content = scroll.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
        });
    }

    private static void waitFor(String what, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::get);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
