package ftop.app.review;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

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

import ftop.app.tasks.BackgroundTasks;
import ftop.core.health.HealthRules;
import ftop.core.review.BriefSection;
import ftop.core.review.CustomerBrief;
import ftop.core.review.CustomerBriefs;
import ftop.core.review.MeetingPack;
import ftop.core.review.MeetingPackExporter;
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
    /** Which customer the person asked for last; a slower, older answer must not replace it. */
    private long wanted = -1;

    private final ObservableList<ReviewItem> queue = FXCollections.observableArrayList();
    private final ObservableSet<Long> nominated = FXCollections.observableSet(new LinkedHashSet<>());
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
        this.sources = Objects.requireNonNull(sources, "sources");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queueRules = new ReviewQueue(rules, clock.getZone());
        this.briefs = new CustomerBriefs(rules, clock.getZone());
    }

    /** The meeting day: today. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Reads the data again and rebuilds the queue; kept edits and nominations stay. */
    public CompletableFuture<List<ReviewItem>> refresh() {
        loading.set(true);
        LocalDate today = today();
        return tasks.run(() -> {
            ReviewSource read = sources.call();
            List<ReviewItem> items = queueRules.build(read, today);
            source = read;
            return items;
        }, items -> {
            loading.set(false);
            loaded.set(true);
            queue.setAll(items);
            say(items.isEmpty() ? "No customer needs a review this week." : "", false);
        }, failure -> {
            loading.set(false);
            say("The review queue could not be read: " + reason(failure), true);
        });
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
        }, failure -> say("The brief could not be written: " + reason(failure), true));
    }

    /** Looks for a printer in the background (asking the system can take a while); see {@link #printerAvailableProperty()}. */
    public void findPrinter() {
        tasks.run(() -> javafx.print.Printer.getDefaultPrinter() != null, printer::set, failure -> printer.set(false));
    }

    /** The presenter changed a section of the brief showing. */
    public void edit(BriefSection section, String text) {
        CustomerBrief current = brief.get();
        if (current == null || current.text(section).equals(text == null ? "" : text.strip())) {
            return;
        }
        CustomerBrief edited = current.with(section, text);
        kept.put(edited.tpid(), edited);
        brief.set(edited);
    }

    /** Throws away the edits of the brief showing and writes it again from the data. */
    public CompletableFuture<CustomerBrief> regenerate() {
        CustomerBrief current = brief.get();
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        kept.remove(current.tpid());
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
        List<Long> order = nominationOrder();
        if (order.isEmpty()) {
            say("Nominate at least one customer for the meeting first.", true);
            return CompletableFuture.failedFuture(new IllegalStateException("nothing nominated"));
        }
        Map<Long, CustomerBrief> edits = Map.copyOf(kept);
        String meeting = title.get();
        LocalDate today = today();
        busy.set(true);
        return tasks.run(() -> makePack(order, edits, meeting, today), pack -> busy.set(false), failure -> {
            busy.set(false);
            say("The meeting pack could not be put together: " + reason(failure), true);
        });
    }

    /** Writes the meeting pack of the nominated customers to {@code file} with {@code exporter}. */
    public CompletableFuture<Path> export(MeetingPackExporter exporter, Path file) {
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(file, "file");
        List<Long> order = nominationOrder();
        if (order.isEmpty()) {
            say("Nominate at least one customer for the meeting first.", true);
            return CompletableFuture.failedFuture(new IllegalStateException("nothing nominated"));
        }
        Map<Long, CustomerBrief> edits = Map.copyOf(kept);
        String meeting = title.get();
        LocalDate today = today();
        busy.set(true);
        say("Exporting " + count(order.size()) + " to " + file.getFileName() + "…", false);
        return tasks.run(() -> {
            exporter.write(makePack(order, edits, meeting, today), file);
            return file;
        }, written -> {
            busy.set(false);
            say("Exported " + count(order.size()) + " to " + written.toAbsolutePath() + ".", false);
        }, failure -> {
            busy.set(false);
            say("The meeting pack was not exported to " + file + ": " + reason(failure), true);
        });
    }

    private MeetingPack makePack(List<Long> order, Map<Long, CustomerBrief> edits, String meeting, LocalDate today)
            throws Exception {
        ReviewSource from = source();
        List<CustomerBrief> list = new ArrayList<>(order.size());
        for (long tpid : order) {
            CustomerBrief edited = edits.get(tpid);
            list.add(edited != null ? edited : briefs.of(tpid, from, today));
        }
        return MeetingPack.of(meeting, today, list);
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
        return customers == 1 ? "1 customer" : customers + " customers";
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
                || cause instanceof java.util.concurrent.CompletionException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** The customers whose review is due, most urgent first. */
    public ObservableList<ReviewItem> queue() {
        return FXCollections.unmodifiableObservableList(queue);
    }

    /** The TPIDs nominated for the meeting; change them with {@link #nominate}. */
    public ObservableSet<Long> nominated() {
        return FXCollections.unmodifiableObservableSet(nominated);
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
