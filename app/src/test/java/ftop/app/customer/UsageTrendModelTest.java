package ftop.app.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.LongNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.change.FieldChange;
import ftop.core.store.LocalStore;
import ftop.core.usage.WorkloadUsage;
import ftop.core.validation.Contoso;
import ftop.sync.client.SyncException;
import ftop.sync.client.SyncFailure;

/** The trend's state and its note, without a window: tasks run at once, on a real workspace. */
class UsageTrendModelTest {

    @TempDir
    Path dir;

    private final Clock clock = AppFixtures.clock();
    private StoreWorkspace workspace;
    private UsageTrendModel model;
    private final List<WorkloadUsage> usage = AppFixtures.contosoUsage();

    @BeforeEach
    void open() {
        LocalStore store = LocalStore.open(dir, clock);
        store.bulkLoad(AppFixtures.dataset(), 1);
        workspace = StoreWorkspace.attach("test", store);
        model = new UsageTrendModel(workspace, BackgroundTasks.immediate(), clock);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    /** Exchange's figures three months ago, as the server would have recorded them. */
    private List<FieldChange> exchangeThreeMonthsAgo() {
        Instant at = clock.instant().atZone(ZoneOffset.UTC).minusMonths(3).toInstant();
        return List.of(new FieldChange(7, at, "usage-feed", "usage", Contoso.TPID + ":EXCHANGE", "active", null,
                        LongNode.valueOf(100)),
                new FieldChange(7, at, "usage-feed", "usage", Contoso.TPID + ":EXCHANGE", "entitled", null,
                        LongNode.valueOf(1000)));
    }

    @Test
    void withoutAServerTheCachedHistoryIsShownAndSaysHowOldItIs() {
        model.show(Contoso.TPID, usage);
        assertThat(model.trendProperty().get().points()).hasSize(1);
        assertThat(model.noteProperty().get()).isEqualTo("No history yet");

        workspace.store().addHistory(Contoso.TPID, exchangeThreeMonthsAgo(), 7,
                clock.instant().minus(Duration.ofMinutes(5)));
        model.show(Contoso.TPID, usage);
        assertThat(model.trendProperty().get().hasHistory()).isTrue();
        assertThat(model.noteProperty().get()).isEqualTo("Last fetched 5 min ago");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aFetchDrawsAgainAndAFailedOneKeepsWhatWasCachedAndSaysWhy() {
        List<Long> asked = new ArrayList<>();
        model.connect(tpid -> {
            asked.add(tpid);
            workspace.store().addHistory(tpid, exchangeThreeMonthsAgo(), 7, clock.instant());
        }, BackgroundTasks.immediate());
        model.show(Contoso.TPID, usage);
        assertThat(asked).containsExactly(Contoso.TPID);
        assertThat(model.trendProperty().get().points()).hasSize(4);
        assertThat(model.noteProperty().get()).isEqualTo("From the server's history, fetched just now");

        AtomicInteger tries = new AtomicInteger();
        model.connect(tpid -> {
            tries.incrementAndGet();
            throw new SyncException(SyncFailure.UNREACHABLE, "Cannot reach the server");
        }, BackgroundTasks.immediate());
        model.show(Contoso.TPID, usage);
        assertThat(tries).hasValue(1);
        assertThat(model.trendProperty().get().points()).hasSize(4);
        assertThat(model.noteProperty().get()).isEqualTo("Last fetched just now, offline");

        // a customer never fetched, and a server that refuses rather than being away
        model.connect(tpid -> {
            throw new SyncException(SyncFailure.SERVER_ERROR, 403, "Forbidden", null);
        }, BackgroundTasks.immediate());
        model.show(Contoso.FABRIKAM_TPID, List.of());
        assertThat(model.trendProperty().get().points()).isEmpty();
        assertThat(model.noteProperty().get()).isEqualTo("No history yet, the server did not send newer history");
        assertThat(model.loadingProperty().get()).isFalse();
    }
}
