package ftop.app.sync;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.control.Labeled;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.testkit.ViewWindow;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.Json;
import ftop.core.change.EntityCodec;
import ftop.core.change.Mutation;
import ftop.core.customer.Customer;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CxpWatchlist;
import ftop.core.store.ConflictField;
import ftop.core.store.LocalStore;
import ftop.core.store.OutboxState;

/**
 * The Conflicts tab over a real local store: fields and values in the guide's words, and a refusal
 * that the rules allow today offered to be sent again. Answers are recorded as the sync client does.
 */
class ConflictsViewTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final ViewWindow window = new ViewWindow();

    private StoreWorkspace workspace;
    private LocalStore store;
    private BackgroundTasks tasks;
    private ConflictsView view;
    private Customer contoso;
    private final AtomicInteger decisions = new AtomicInteger();

    @BeforeEach
    void open() {
        workspace = window.open(home);
        store = workspace.store();
        contoso = window.customer("Contoso");
        tasks = window.tasks();
    }

    private void show() throws Exception {
        window.show(900, 600, () -> {
            view = new ConflictsView(store, () -> Optional.of(DemoUsers.DEMO_USER), tasks, decisions::incrementAndGet);
            return view;
        });
        waitUntil("a card", () -> lookup(".conflict-card").tryQuery().isPresent());
    }

    @Test
    void aConflictReadsInTheGuidesWordsNotIdsAndCodes() throws Exception {
        Mutation edit = save(CxpWatchlist.CRITICAL);
        CustomerHealth server = EntityCodec.apply(health(), Map.of("progress.cxpWatchlist",
                TextNode.valueOf(CxpWatchlist.GRADUATED.name())));
        store.outbox().markConflict(edit.id(), List.of(new ConflictField("progress.cxpWatchlist",
                TextNode.valueOf("CRITICAL"), TextNode.valueOf("GRADUATED"), DemoUsers.ALEX_WILBER,
                Instant.parse("2021-05-03T09:00:00Z"))), 1_000_000, Json.mapper().valueToTree(server));
        show();

        assertThat(label(".conflict-card .text-bold")).isEqualTo("Health form of Contoso");
        assertThat(label(".conflict-field")).isEqualTo("CXP Watchlist");
        assertThat(label(".conflict-mine")).isEqualTo("Critical");
        assertThat(label(".conflict-theirs")).isEqualTo("Graduated");
        assertThat(lookup(".conflict-grid .label").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .anySatisfy(t -> assertThat(t).startsWith("Alex Wilber, "))
                .noneSatisfy(t -> assertThat(t).contains("progress."))
                .noneSatisfy(t -> assertThat(t).contains("CRITICAL"));
    }

    @Test
    void aRefusalTheRulesAllowTodayIsOfferedToBeSentAgain() throws Exception {
        Mutation edit = save(CxpWatchlist.CRITICAL);
        store.outbox().markRejected(edit.id(), "Forbidden: Megan Bowen is not assigned to Contoso, so cannot see it.");
        show();

        assertThat(label(".conflict-reason")).contains("refused this change earlier").contains("send it again");
        assertThat(label(".conflict-change")).isEqualTo("Your change: CXP Watchlist: Critical");
        assertThat(lookup("#keepMine").tryQuery()).isEmpty();
        clickOn("#sendAgain");

        waitUntil("the card to go", () -> lookup(".conflict-card").tryQuery().isEmpty());
        assertThat(decisions.get()).isEqualTo(1);
        assertThat(store.outbox().problems()).isEmpty();
        assertThat(store.outbox().pending(10)).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(OutboxState.PENDING));
        assertThat(health().progress().cxpWatchlist()).contains(CxpWatchlist.CRITICAL);
    }

    private Mutation save(CxpWatchlist value) {
        return store.save(EntityCodec.apply(health(), Map.of("progress.cxpWatchlist", TextNode.valueOf(value.name()))));
    }

    private CustomerHealth health() {
        return store.health().get(Long.toString(contoso.tpid())).orElseThrow();
    }
}
