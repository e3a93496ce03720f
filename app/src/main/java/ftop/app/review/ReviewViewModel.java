package ftop.app.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.print.Printer;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.widgets.Plurals;
import ftop.core.health.HealthRules;
import ftop.core.review.BriefSection;
import ftop.core.review.CustomerBrief;
import ftop.core.review.CustomerBriefs;
import ftop.core.review.MeetingPack;
import ftop.app.review.export.MeetingPackExporter;
import ftop.core.review.ReviewItem;
import ftop.core.review.ReviewQueue;
import ftop.core.review.ReviewSource;

/**
 * The state of the Review tab: the review queue, the brief being edited, the customers nominated for
 * the meeting, and what the last action did. Changed only through its commands ({@link #refresh},
 * {@link #open}, {@link #edit}, {@link #nominate}, {@link #export}...). Reads and writes run on
 * {@link BackgroundTasks}; the edits live here until the pack is exported, so switching between
 * customers never loses one.
 */
public final class ReviewViewModel {

    private final Callable<ReviewSource> sources;
    private final HealthRules rules;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ReviewQueue queueRules;
    private final CustomerBriefs briefs;

    /** The source the queue was built from; briefs are generated from the same data. */
    private volatile ReviewSource source;
    /** Every brief generated or edited this session, by TPID: edits survive opening another customer. */
    private final Map<Long, CustomerBrief> kept = new HashMap<>();
    /** The TPIDs whose brief the presenter changed: these are kept in the draft file. */
    private final Set<Long> edited = new HashSet<>();
    /** Where edits and nominations are kept between sessions; empty keeps them in memory only. */
    private final Optional<Path> draft;
    private boolean draftRead;
    /** Which customer the person asked for last; a slower, older answer must not replace it. */
    private long wanted = -1;
    /** Fetches a customer's field history from the server into the workspace; null when not connected. */
    private HistoryFetch historyFetch;
    private BackgroundTasks network;
    /** The customers whose history was fetched (or tried) since the app started: once each is enough for a meeting. */
    private final Set<Long> historyAsked = new HashSet<>();

    /** Fetches a customer's field history from the server into the workspace; blocks; never on the FX thread. */
    @FunctionalInterface
    public interface HistoryFetch {
        void fetch(long tpid) throws Exception;
    }

    private final ObservableList<ReviewItem> queue = FXCollections.observableArrayList();
    private final ObservableSet<Long> nominated = FXCollections.observableSet(new LinkedHashSet<>());
    // one read-only view each, kept here: the views hold listeners on them, which a throw-away
    // wrapper would lose as soon as it is collected
    private final ObservableList<ReviewItem> queueView = FXCollections.unmodifiableObservableList(queue);
    private final ObservableSet<Long> nominatedView = FXCollections.unmodifiableObservableSet(nominated);
    private final ReadOnlyObjectWrapper<CustomerBrief> brief = new ReadOnlyObjectWrapper<>(this, "brief");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper printer = new ReadOnlyBooleanWrapper(this, "printerAvailable");
    private final StringProperty title = new SimpleStringProperty(this, "title", "Customer Health Review");

    /**
     * @param sources reads the data to review; called in the background, once per {@link #refresh}
     * @param rules   the health rules: colours and review cadence
     * @param tasks   where reads and exports run
     * @param clock   what "today" and the meeting day are
     */
    public ReviewViewModel(Callable<ReviewSource> sources, HealthRules rules, BackgroundTasks tasks, Clock clock) {
        this(sources, rules, tasks, clock, Optional.empty());
    }

    /**
     * As {@link #ReviewViewModel(Callable, HealthRules, BackgroundTasks, Clock)}, keeping the edited briefs,
     * the meeting title and the nominations in {@code draft} (and its {@code .nominated} twin) after every
     * change, and reading them back on the first {@link #refresh}: closing the app loses no edit.
     */
    public ReviewViewModel(Callable<ReviewSource> sources, HealthRules rules, BackgroundTasks tasks, Clock clock,
            Optional<Path> draft) {
        this.draft = Objects.requireNonNull(draft, "draft");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queueRules = new ReviewQueue(rules, clock.getZone());
        this.briefs = new CustomerBriefs(rules, clock.getZone());
        nominated.addListener((SetChangeListener<Long>) c -> saveDraft());
        title.addListener((obs, old, now) -> saveDraft());
    }

    /**
     * Fetches each customer's field history from {@code fetch} on {@code network} when its brief is first
     * opened, and writes the brief again with it unless the presenter has edited it. Without this (or
     * offline) a brief's "since the previous review" section uses the history the workspace holds.
     */
    public void connectHistory(HistoryFetch fetch, BackgroundTasks network) {
        this.historyFetch = Objects.requireNonNull(fetch, "fetch");
        this.network = Objects.requireNonNull(network, "network");
    }

    /** The meeting day: today. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Reads the data again and rebuilds the queue; kept edits and nominations stay. */
    public CompletableFuture<List<ReviewItem>> refresh() {
        loading.set(true);
        LocalDate today = today();
        boolean readDraft = !draftRead && draft.isPresent();
        return tasks.run(() -> {
            ReviewSource read = sources.call();
            List<ReviewItem> items = queueRules.build(read, today);
            source = read;
            Optional<Draft> saved = Optional.empty();
            String problem = "";
            if (readDraft) {
                try {
                    saved = Draft.read(draft.get());
                } catch (IOException | RuntimeException e) {
                    problem = "Your saved brief edits could not be read: " + reason(e);
                }
            }
            return new Loaded(items, saved, problem);
        }, loadedNow -> {
            loading.set(false);
            loaded.set(true);
            queue.setAll(loadedNow.items());
            // from now on the draft file may be written: what it held is merged in
            draftRead = true;
            restore(loadedNow.draft());
            if (!loadedNow.problem().isEmpty()) {
                say(loadedNow.problem(), true);
            } else {
                say(loadedNow.items().isEmpty() ? "No customer needs a review this week." : "", false);
            }
        }, failure -> {
            loading.set(false);
            say("The review queue could not be read: " + reason(failure), true);
        }).thenApply(Loaded::items);
    }

    private record Loaded(List<ReviewItem> items, Optional<Draft> draft, String problem) {
    }

    /** Shows the brief of {@code tpid}: as last edited, or generated from the data. */
    public CompletableFuture<CustomerBrief> open(long tpid) {
        wanted = tpid;
        CustomerBrief edited = kept.get(tpid);
        if (edited != null) {
            brief.set(edited);
            return CompletableFuture.completedFuture(edited);
        }
        LocalDate today = today();
        return tasks.run(() -> briefs.of(tpid, source(), today), made -> {
            // an edit may have been kept while this was generating (it cannot, but never overwrite one)
            CustomerBrief current = kept.putIfAbsent(tpid, made);
            if (wanted == tpid) {
                brief.set(current == null ? made : current);
            }
            fetchHistory(tpid, today);
        }, failure -> say("The brief could not be written: " + reason(failure), true));
    }

    /** Brings the customer's history up to date once, then writes its brief again if nobody edited it. */
    private void fetchHistory(long tpid, LocalDate today) {
        HistoryFetch fetch = historyFetch;
        if (fetch == null || !historyAsked.add(tpid)) {
            return;
        }
        network.run(() -> {
            fetch.fetch(tpid);
            return tpid;
        }, fetched -> tasks.run(() -> briefs.of(tpid, source(), today), fresh -> {
            if (edited.contains(tpid) || !kept.containsKey(tpid)) {
                return;
            }
            kept.put(tpid, fresh);
            if (brief.get() != null && brief.get().tpid() == tpid) {
                brief.set(fresh);
            }
        }, failure -> { }), failure -> {
            // offline or refused: the brief keeps the history the workspace holds, and says so
        });
    }

    /** Looks for a printer in the background (asking the system can take a while); see {@link #printerAvailableProperty()}. */
    public void findPrinter() {
        tasks.run(() -> Printer.getDefaultPrinter() != null, printer::set, failure -> printer.set(false));
    }

    /** The presenter changed a section of the brief showing. */
    public void edit(BriefSection section, String text) {
        CustomerBrief current = brief.get();
        if (current == null || current.text(section).equals(text == null ? "" : text.strip())) {
            return;
        }
        CustomerBrief changed = current.with(section, text);
        kept.put(changed.tpid(), changed);
        edited.add(changed.tpid());
        brief.set(changed);
        saveDraft();
    }

    private void restore(Optional<Draft> read) {
        read.ifPresent(d -> {
            // edits made while the draft was being read win over the saved ones
            for (CustomerBrief saved : d.pack().briefs()) {
                if (!edited.contains(saved.tpid())) {
                    kept.put(saved.tpid(), saved);
                    edited.add(saved.tpid());
                }
            }
            CustomerBrief showing = brief.get();
            if (showing != null && kept.get(showing.tpid()) != showing) {
                brief.set(kept.get(showing.tpid()));
            }
            title.set(d.pack().title());
            nominated.addAll(d.nominated());
        });
    }

    /** Writes the edits, title and nominations to the draft file, in the background, in the order made. */
    private void saveDraft() {
        // never write the draft before the one kept from last time is read, or its edits would be lost
        if (draft.isEmpty() || !draftRead) {
            return;
        }
        List<CustomerBrief> changed = edited.stream().map(kept::get).filter(Objects::nonNull).toList();
        Draft snapshot = new Draft(MeetingPack.of(title.get(), today(), changed), List.copyOf(nominated));
        Path file = draft.get();
        tasks.run(() -> snapshot.write(file), ignored -> { },
                failure -> say("Your brief edits could not be saved to " + file + ": " + reason(failure), true));
    }

    /** Throws away the edits of the brief showing and writes it again from the data. */
    public CompletableFuture<CustomerBrief> regenerate() {
        CustomerBrief current = brief.get();
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        kept.remove(current.tpid());
        edited.remove(current.tpid());
        saveDraft();
        return open(current.tpid());
    }

    /** Nominates {@code tpid} for the meeting, or takes it off. */
    public void nominate(long tpid, boolean on) {
        if (on) {
            nominated.add(tpid);
        } else {
            nominated.remove(tpid);
        }
    }

    /** Nominates every customer of {@code tpids}, e.g. all the queue shows. */
    public void nominateAll(Collection<Long> tpids) {
        nominated.addAll(tpids);
    }

    /** Takes every customer off the meeting. */
    public void clearNominations() {
        nominated.clear();
    }

    /**
     * The meeting pack of the nominated customers, in queue order (customers nominated but no longer in
     * the queue last), with every edit kept so far.
     */
    public CompletableFuture<MeetingPack> pack() {
        Optional<PackRequest> request = packRequest();
        if (request.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing nominated"));
        }
        busy.set(true);
        return tasks.run(() -> makePack(request.get()), pack -> busy.set(false), failure -> {
            busy.set(false);
            say("The meeting pack could not be put together: " + reason(failure), true);
        });
    }

    /** Writes the meeting pack of the nominated customers to {@code file} with {@code exporter}. */
    public CompletableFuture<Path> export(MeetingPackExporter exporter, Path file) {
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(file, "file");
        Optional<PackRequest> request = packRequest();
        if (request.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing nominated"));
        }
        List<Long> order = request.get().order();
        busy.set(true);
        say("Exporting " + count(order.size()) + " to " + file.getFileName() + "…", false);
        return tasks.run(() -> {
            exporter.write(makePack(request.get()), file);
            return file;
        }, written -> {
            busy.set(false);
            say("Exported " + count(order.size()) + " to " + written.toAbsolutePath() + ".", false);
        }, failure -> {
            busy.set(false);
            say("The meeting pack was not exported to " + file + ": " + reason(failure), true);
        });
    }

    /** What a pack is made of, taken on the FX thread before the work goes to the background. */
    private record PackRequest(List<Long> order, Map<Long, CustomerBrief> edits, String meeting, LocalDate today) {
    }

    /** The nominated customers with the edits and title of now; empty (and said why) when none is nominated. */
    private Optional<PackRequest> packRequest() {
        List<Long> order = nominationOrder();
        if (order.isEmpty()) {
            say("Nominate at least one customer for the meeting first.", true);
            return Optional.empty();
        }
        return Optional.of(new PackRequest(order, Map.copyOf(kept), title.get(), today()));
    }

    private MeetingPack makePack(PackRequest request) throws Exception {
        ReviewSource from = source();
        List<CustomerBrief> list = new ArrayList<>(request.order().size());
        for (long tpid : request.order()) {
            CustomerBrief edited = request.edits().get(tpid);
            list.add(edited != null ? edited : briefs.of(tpid, from, request.today()));
        }
        return MeetingPack.of(request.meeting(), request.today(), list);
    }

    private ReviewSource source() throws Exception {
        ReviewSource read = source;
        if (read == null) {
            read = sources.call();
            source = read;
        }
        return read;
    }

    private List<Long> nominationOrder() {
        List<Long> order = new ArrayList<>();
        for (ReviewItem item : queue) {
            if (nominated.contains(item.tpid())) {
                order.add(item.tpid());
            }
        }
        for (long tpid : nominated) {
            if (!order.contains(tpid)) {
                order.add(tpid);
            }
        }
        return order;
    }

    private static String count(int customers) {
        return Plurals.count(customers, "customer");
    }

    private void say(String text, boolean problem) {
        message.set(text);
        failed.set(problem);
    }

    /** Shows a line in the message bar, e.g. after printing. */
    public void report(String text, boolean problem) {
        say(text, problem);
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause.getMessage() == null
                || cause instanceof CompletionException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** The customers whose review is due, most urgent first. */
    public ObservableList<ReviewItem> queue() {
        return queueView;
    }

    /** The TPIDs nominated for the meeting; change them with {@link #nominate}. */
    public ObservableSet<Long> nominated() {
        return nominatedView;
    }

    /** The brief showing, with the presenter's edits; {@code null} before one is opened. */
    public ReadOnlyObjectProperty<CustomerBrief> briefProperty() {
        return brief.getReadOnlyProperty();
    }

    /** The brief kept for {@code tpid}, edited or generated, if one was opened. */
    public Optional<CustomerBrief> kept(long tpid) {
        return Optional.ofNullable(kept.get(tpid));
    }

    /** True while the queue is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True once the queue has been read at least once. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True while a pack is being put together or exported. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last action did, or why it failed; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} reports a problem. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** True once a printer has been found. */
    public ReadOnlyBooleanProperty printerAvailableProperty() {
        return printer.getReadOnlyProperty();
    }

    /** The meeting's title, printed on the pack. */
    public StringProperty titleProperty() {
        return title;
    }

    /** The rules the queue and briefs are judged by. */
    public HealthRules rules() {
        return rules;
    }
}
