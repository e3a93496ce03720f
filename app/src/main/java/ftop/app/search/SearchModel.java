package ftop.app.search;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import ftop.app.tasks.BackgroundTasks;
import ftop.core.search.SearchResults;
import ftop.core.search.SearchText;
import ftop.core.store.WorkspaceReads;
import ftop.core.store.WorkspaceWrites;

/**
 * The state of the search popup: the query typed and what it found. Each query runs in the
 * background against the workspace's search index; the latest query wins, so results of a query
 * the user has typed past are never shown, and a query typed past before it started is skipped.
 */
public final class SearchModel {

    /** Hits shown per kind: enough to pick from, few enough to draw within a frame. */
    public static final int PER_KIND = 6;

    private final WorkspaceReads reads;
    private final BackgroundTasks tasks;
    private final AtomicLong latest = new AtomicLong();
    private final ReadOnlyStringWrapper query = new ReadOnlyStringWrapper(this, "query", "");
    private final ReadOnlyObjectWrapper<SearchResults> results =
            new ReadOnlyObjectWrapper<>(this, "results", SearchResults.none(""));
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper indexing = new ReadOnlyBooleanWrapper(this, "indexing");

    /**
     * @param reads the workspace's read port
     * @param tasks where queries run; best its own thread, so that a search never waits behind a
     *              Portfolio load
     */
    public SearchModel(WorkspaceReads reads, BackgroundTasks tasks) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Searches for {@code text}; the results follow when the index answers, unless another query came first. */
    public void search(String text) {
        String typed = text == null ? "" : text;
        long mine = latest.incrementAndGet();
        query.set(typed);
        error.set("");
        if (SearchText.terms(typed).isEmpty()) {
            searching.set(false);
            results.set(SearchResults.none(typed));
            return;
        }
        searching.set(true);
        tasks.run(() -> mine == latest.get() ? reads.search(typed, PER_KIND) : null,
                found -> {
                    if (found != null && mine == latest.get()) {
                        searching.set(false);
                        results.set(found);
                    }
                },
                failure -> {
                    if (mine == latest.get()) {
                        searching.set(false);
                        error.set("The search could not read the workspace. Try again; if it keeps failing, "
                                + "Help › Copy diagnostics tells us why.");
                    }
                });
    }

    /**
     * Makes the search index when the workspace has none yet (one from before the index): checked,
     * and built, on {@code builder}, apart from the queries, which meanwhile answer from what the
     * index holds while {@link #indexingProperty()} says so. When it is done the latest query runs again.
     */
    public void buildIndexIfMissing(WorkspaceWrites writes, BackgroundTasks builder) {
        Objects.requireNonNull(writes, "writes");
        builder.run(writes::searchIndexReady, ready -> {
            if (ready) {
                return;
            }
            indexing.set(true);
            builder.run(writes::buildSearchIndexIfMissing, built -> {
                indexing.set(false);
                search(query.get());
            }, failure -> {
                indexing.set(false);
                error.set("The search index could not be made, so the search finds only part of the workspace. "
                        + "Restart FTOP to try again; Help › Copy diagnostics tells us why.");
            });
        }, failure -> error.set("The search index could not be checked: " + failure.getMessage()));
    }

    /** True while the search index is being made; queries then find only what it holds so far. */
    public ReadOnlyBooleanProperty indexingProperty() {
        return indexing.getReadOnlyProperty();
    }

    /** The query as typed last. */
    public ReadOnlyStringProperty queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** What the latest query found; its {@link SearchResults#query()} says which query that was. */
    public ReadOnlyObjectProperty<SearchResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** True while the latest query runs. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Why the latest query failed, for people; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
