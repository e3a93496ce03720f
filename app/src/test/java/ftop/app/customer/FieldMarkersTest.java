package ftop.app.customer;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.testkit.ViewWindow;
import ftop.app.widgets.FieldMarker;
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

    @RegisterExtension
    final ViewWindow window = new ViewWindow();

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
        workspace = window.open(home);
        store = workspace.store();
        contoso = window.customer("Contoso");
        tpid = Long.toString(contoso.tpid());
        tasks = window.tasks();
        window.show(1400, 900, () -> {
            model = new CustomerViewModel(workspace, tasks, clock);
            return new CustomerView(model, (owner, title, question, yes) -> false);
        });
        interact(() -> model.select(contoso.tpid()));
        waitUntil("Contoso", () -> "Contoso".equals(label("#customerName")));
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

        waitUntil("the refusal on the field", () -> marker("#cxpWatchlistMarker") == FieldMarker.Kind.REJECTED);
        assertThat(label("#cxpWatchlist")).isEqualTo(mine.label());
        assertThat(label("#cxpWatchlistMarkerText")).startsWith("Not saved on the server.")
                .contains("is not assigned to Contoso").doesNotContain("Forbidden");
        assertThat(lookup("#cxpWatchlistKeepMine").tryQuery()).isPresent();
        assertThat(lookup("#cxpWatchlistDiscard").tryQuery()).isPresent();
        assertThat(lookup("#cxpWatchlistSendAgain").tryQuery()).isEmpty();
        // only the field the edit changed is marked
        assertThat(marker("#customerStatusMarker")).isNull();

        // Megan is back on Contoso: the stale reason goes, and she may send it again
        pull(megans.stream().map(a -> new RemoteRow(EntityKind.ASSIGNMENT, a.id().toString(), a.tpid(), ++revision,
                Json.mapper().valueToTree(a))).toList());
        waitUntil("Send again", () -> lookup("#cxpWatchlistSendAgain").tryQuery().isPresent());
        assertThat(label("#cxpWatchlistMarkerText")).contains("but you may make it now");
        reveal("#cxpWatchlistSendAgain");
        clickOn("#cxpWatchlistSendAgain");

        waitUntil("the mark to go", () -> marker("#cxpWatchlistMarker") == null);
        assertThat(store.outbox().problems()).isEmpty();
        assertThat(store.outbox().pending(10)).singleElement()
                .satisfies(e -> assertThat(e.mutation().fields()).containsKey("progress.cxpWatchlist"));
        assertThat(label("#cxpWatchlist")).isEqualTo(mine.label());
    }

    @Test
    void discardingARefusedEditShowsTheServersValueAgain() {
        CxpWatchlist before = health().progress().cxpWatchlist().orElseThrow();
        CxpWatchlist mine = before == CxpWatchlist.CRITICAL ? CxpWatchlist.GRADUATED : CxpWatchlist.CRITICAL;
        Mutation edit = saveWatchlist(mine);
        store.outbox().markRejected(edit.id(), "The CXP Watchlist cannot be set for this customer.");
        interact(model::refresh);

        waitUntil("the refusal on the field", () -> marker("#cxpWatchlistMarker") == FieldMarker.Kind.REJECTED);
        assertThat(label("#cxpWatchlistMarkerText"))
                .isEqualTo("Not saved on the server. The CXP Watchlist cannot be set for this customer.");
        reveal("#cxpWatchlistDiscard");
        clickOn("#cxpWatchlistDiscard");

        waitUntil("the server's value", () -> before.label().equals(label("#cxpWatchlist")));
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

        waitUntil("the refusal on the field", () -> marker("#cxpWatchlistMarker") == FieldMarker.Kind.REJECTED);
        reveal("#cxpWatchlistKeepMine");
        clickOn("#cxpWatchlistKeepMine");

        waitUntil("the mark to go", () -> marker("#cxpWatchlistMarker") == null);
        assertThat(label("#cxpWatchlist")).isEqualTo(mine.label());
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

        waitUntil("the conflict on the field", () -> marker("#cxpWatchlistMarker") == FieldMarker.Kind.CONFLICT);
        // the form shows theirs until the user decides; the marker says both, as the form words them
        assertThat(label("#cxpWatchlist")).isEqualTo(theirs.label());
        assertThat(label("#cxpWatchlistMarkerText")).startsWith("Alex Wilber saved " + theirs.label())
                .contains("yours is " + mine.label()).doesNotContain("CRITICAL").doesNotContain(DemoUsers.ALEX_WILBER);
        assertThat(lookup("#cxpWatchlistTakeTheirs").tryQuery()).isPresent();
        reveal("#cxpWatchlistKeepMine");
        clickOn("#cxpWatchlistKeepMine");

        waitUntil("mine on the form", () -> mine.label().equals(label("#cxpWatchlist")));
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

        waitUntil("the notice", () -> marker("#cxpWatchlistMarker") == FieldMarker.Kind.CHANGED);
        assertThat(label("#cxpWatchlistMarkerText"))
                .isEqualTo("Changed by Alex Wilber while you were editing: " + theirs.label());
        assertThat(label("#customerStatusMarkerText"))
                .isEqualTo("Changed by someone else while you were editing: " + other.label());
        // what was typed and what was loaded stay as they were
        assertThat(combo("#customerStatusField")).isEqualTo(typed.label());
        assertThat(combo("#cxpWatchlistField")).isEqualTo(before.label());

        reveal("#cxpWatchlistUseTheirs");
        clickOn("#cxpWatchlistUseTheirs");
        waitUntil("their value in the editor", () -> theirs.label().equals(combo("#cxpWatchlistField")));
        assertThat(marker("#cxpWatchlistMarker")).isNull();
        reveal("#customerStatusKeepTyped");
        clickOn("#customerStatusKeepTyped");
        waitUntil("the status notice to go", () -> marker("#customerStatusMarker") == null);

        reveal("#customerProgressSave");
        clickOn("#customerProgressSave");
        waitUntil("the saved section", () -> typed.label().equals(label("#customerStatus")));
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

        waitUntil("the refusal under the note", () -> marker("#latestNoteMarker") == FieldMarker.Kind.REJECTED);
        assertThat(label("#latestSummary")).isEqualTo("Teams rollout paused.");
        assertThat(label("#latestNoteMarkerText")).contains("but you may make it now");
        reveal("#latestNoteDiscard");
        clickOn("#latestNoteDiscard");

        waitUntil("the note to go", () -> !"Teams rollout paused.".equals(label("#latestSummary")));
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
}
