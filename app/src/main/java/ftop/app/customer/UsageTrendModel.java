package ftop.app.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.widgets.DateText;
import ftop.app.workspace.Workspace;
import ftop.core.change.FieldChange;
import ftop.core.health.UsageTrend;
import ftop.core.store.CustomerHistory;
import ftop.core.usage.WorkloadUsage;
import ftop.sync.client.SyncException;
import ftop.sync.client.SyncFailure;

/**
 * The usage trend of the customer the Customer tab shows, month by month from the server's history.
 * It draws at once from the history the workspace last fetched (so it works offline and switching
 * customers stays quick), then fetches what is new from the server, off the FX thread and off the
 * store's own thread, and draws again. {@link #noteProperty() The note} says where the trend stands:
 * fetching, up to date, last fetched while offline, or no history yet.
 */
public final class UsageTrendModel {

    /** Fetches a customer's history from the server into the workspace; blocks; never on the FX thread. */
    @FunctionalInterface
    public interface HistorySource {
        void fetch(long tpid) throws Exception;
    }


    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<UsageTrend> trend =
            new ReadOnlyObjectWrapper<>(this, "trend", new UsageTrend(List.of()));
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    private HistorySource source;
    private BackgroundTasks network;
    /**
     * Counts customers shown, so that a late answer about one never draws over the next; read by
     * the network thread to skip fetches nobody waits for any more.
     */
    private volatile long generation;

    UsageTrendModel(Workspace workspace, BackgroundTasks tasks, Clock clock) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Fetches history from {@code source} on {@code network} from now on. The network work has its own
     * executor so that a slow or absent server never holds up reading the workspace.
     */
    public void connect(HistorySource source, BackgroundTasks network) {
        this.source = Objects.requireNonNull(source, "source");
        this.network = Objects.requireNonNull(network, "network");
    }

    /** Shows the trend of the customer {@code tpid} whose usage is {@code usage} now; on the FX thread. */
    void show(long tpid, List<WorkloadUsage> usage) {
        long request = ++generation;
        List<WorkloadUsage> current = List.copyOf(usage);
        HistorySource fetcher = source;
        loading.set(true);
        tasks.run(() -> read(tpid, current),
                cached -> {
                    if (request != generation) {
                        return;
                    }
                    trend.set(cached.trend());
                    note.set(fetcher == null ? localNote(cached) : fetchingNote(cached));
                    if (fetcher != null) {
                        fetch(request, fetcher, tpid, current, cached);
                    } else {
                        loading.set(false);
                    }
                },
                failure -> {
                    if (request == generation) {
                        note.set("The usage history could not be read from the workspace.");
                        loading.set(false);
                    }
                });
    }

    private void fetch(long request, HistorySource fetcher, long tpid, List<WorkloadUsage> current, Cached cached) {
        network.run(() -> {
                    if (request != generation) {
                        // Switched on before this fetch's turn came: an absent server would
                        // otherwise make each customer passed by wait out its timeout in turn.
                        return null;
                    }
                    fetcher.fetch(tpid);
                    return read(tpid, current);
                },
                fresh -> {
                    if (fresh != null && request == generation) {
                        loading.set(false);
                        trend.set(fresh.trend());
                        note.set(fresh.trend().hasHistory() ? "From the server's history, fetched just now" : "No history yet");
                    }
                },
                failure -> {
                    if (request == generation) {
                        loading.set(false);
                        note.set(failedNote(cached, failure));
                    }
                });
    }

    /** The trend from the workspace's cache, and when that was fetched. */
    private record Cached(UsageTrend trend, Optional<Instant> fetchedAt) {
    }

    private Cached read(long tpid, List<WorkloadUsage> current) {
        CustomerHistory cached = workspace.reads().history(tpid);
        List<FieldChange> history = cached.entries();
        Optional<Instant> fetchedAt = cached.fetchedAt();
        ZoneId zone = clock.getZone();
        UsageTrend built = UsageTrend.of(history, current, workspace.rules(), YearMonth.now(clock), zone,
                UsageTrend.DEFAULT_MONTHS);
        return new Cached(built, fetchedAt);
    }

    private String localNote(Cached cached) {
        if (!cached.trend().hasHistory()) {
            return "No history yet";
        }
        return cached.fetchedAt().map(at -> "Last fetched " + ago(at)).orElse("");
    }

    private String fetchingNote(Cached cached) {
        if (cached.fetchedAt().isEmpty()) {
            return "Fetching the usage history…";
        }
        return localNote(cached);
    }

    private String failedNote(Cached cached, Throwable failure) {
        boolean offline = failure instanceof SyncException e && e.failure() == SyncFailure.UNREACHABLE;
        String why = offline ? "offline" : "the server did not send newer history";
        if (cached.fetchedAt().isEmpty()) {
            return "No history yet, " + why;
        }
        return "Last fetched " + ago(cached.fetchedAt().get()) + ", " + why;
    }

    /** "just now", "5 min ago", "3 h ago", "on Nov 25". */
    private String ago(Instant at) {
        Duration since = Duration.between(at, clock.instant());
        if (since.isNegative() || since.toSeconds() < 60) {
            return "just now";
        }
        if (since.toMinutes() < 60) {
            return since.toMinutes() + " min ago";
        }
        if (since.toHours() < 24) {
            return since.toHours() + " h ago";
        }
        return "on " + DateText.dayAndMonth(at.atZone(clock.getZone()).toLocalDate());
    }

    /** The trend of the customer shown; empty points before the first customer. */
    public ReadOnlyObjectProperty<UsageTrend> trendProperty() {
        return trend.getReadOnlyProperty();
    }

    /** True from showing a customer until its trend is read and, when connected, fetched (or failed to). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Where the trend comes from and how fresh it is, for people; may be empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
