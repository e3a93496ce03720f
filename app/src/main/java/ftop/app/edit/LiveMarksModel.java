package ftop.app.edit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.Scheduler;
import ftop.app.workspace.Workspace;
import ftop.core.store.RemoteChange;
import ftop.core.user.User;

/**
 * What colleagues changed while the app was open, for the quiet marks "Updated by Lee Gu just now"
 * on a Portfolio row and on the Customer tab's sections. Only changes by someone other than the
 * signed-in user count (the user's own edits coming back from the server never mark anything), and
 * only those that arrived after the first look at the workspace: what was there already is no news.
 *
 * <p>A customer's mark stays until the customer is opened ({@link #seeCustomer}); a section's until
 * the person edits that section ({@link #seeSection}) or for {@link #SECTION_SHOWN_FOR}. The time in
 * the text ("just now", "5 min ago", "at 14:05") follows the injected clock, and the scheduler
 * brings a new {@link #versionProperty() version} each minute while a mark shows, so the views
 * write it again.
 */
public final class LiveMarksModel {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMarksModel.class);

    /** How long a section's mark shows at most. */
    public static final Duration SECTION_SHOWN_FOR = Duration.ofMinutes(10);
    /** How far back a customer's mark in the Portfolio reaches: a working day. */
    static final Duration CUSTOMER_SHOWN_FOR = Duration.ofHours(12);
    private static final Duration TICK = Duration.ofMinutes(1);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * One mark.
     *
     * @param who  the display name of the person who made the change; empty when the directory does not know them
     * @param at   when the server committed it
     * @param text what the mark says, e.g. "Updated by Lee Gu 5 min ago"
     */
    public record Mark(String who, Instant at, String text) {
    }

    private record Read(List<RemoteChange> changes, Map<String, String> names) {
    }

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final Scheduler scheduler;
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");

    private List<RemoteChange> changes = List.of();
    private Map<String, String> names = Map.of();
    /** Changes at or before this were in the workspace at the first look; null until then. */
    private Instant baseline;
    private final Map<Long, Instant> seenCustomers = new HashMap<>();
    private final Map<String, Instant> seenSections = new HashMap<>();
    private Scheduler.Scheduled tick;

    public LiveMarksModel(Workspace workspace, BackgroundTasks tasks, Clock clock, Scheduler scheduler) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Changes whenever what the marks say may have changed: redraw them. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** Reads again, in the background, what colleagues changed lately. Call on the FX thread. */
    public void refresh() {
        Instant since = clock.instant().minus(CUSTOMER_SHOWN_FOR);
        tasks.run(() -> {
            // a workspace nobody signed in to yet: everything synced is someone else's
            String me = Objects.requireNonNullElse(workspace.userId(), "");
            List<RemoteChange> read = workspace.reads().changesByOthers(me, since);
            Map<String, String> known = new HashMap<>();
            if (!read.isEmpty()) {
                for (User user : workspace.users()) {
                    known.put(user.userId(), user.displayName());
                }
            }
            return new Read(read, known);
        }, this::show, failure -> LOG.warn("What colleagues changed lately could not be read", failure));
    }

    private void show(Read read) {
        if (baseline == null) {
            baseline = read.changes().stream().map(RemoteChange::changedAt).max(Instant::compareTo).orElse(Instant.MIN);
        }
        List<RemoteChange> fresh = read.changes().stream().filter(c -> c.changedAt().isAfter(baseline)).toList();
        // most refreshes (any save, any sync) bring nothing new: the views are not redrawn for them
        if (!fresh.equals(changes) || !read.names().equals(names)) {
            changes = fresh;
            names = read.names();
            version.set(version.get() + 1);
            planTick();
        }
    }

    /**
     * Plans the next redraw for when the first of the texts changes ("just now" becomes "1 min ago",
     * a mark's time is up): each text changes on the whole minutes after its change.
     */
    private void planTick() {
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
        Instant now = clock.instant();
        Duration next = null;
        for (RemoteChange change : changes) {
            Duration ago = Duration.between(change.changedAt(), now);
            Duration until = ago.isNegative() ? TICK.minus(ago)
                    : TICK.minusMillis(ago.toMillis() % TICK.toMillis());
            next = next == null || until.compareTo(next) < 0 ? until : next;
        }
        if (next != null) {
            tick = scheduler.after(next, () -> {
                tick = null;
                Instant oldest = clock.instant().minus(CUSTOMER_SHOWN_FOR);
                changes = changes.stream().filter(c -> c.changedAt().isAfter(oldest)).toList();
                version.set(version.get() + 1);
                planTick();
            });
        }
    }

    /** The mark of the customer {@code tpid} in the Portfolio: its latest change by someone else not yet looked at. */
    public Optional<Mark> customerMark(long tpid) {
        Instant seen = seenCustomers.getOrDefault(tpid, Instant.MIN);
        Instant oldest = clock.instant().minus(CUSTOMER_SHOWN_FOR);
        return latest(c -> c.tpid() == tpid && c.changedAt().isAfter(seen) && c.changedAt().isAfter(oldest));
    }

    /** The customer was opened: its Portfolio mark goes, until the next change by someone else. */
    public void seeCustomer(long tpid) {
        customerMark(tpid).ifPresent(mark -> {
            seenCustomers.put(tpid, mark.at());
            version.set(version.get() + 1);
        });
    }

    /**
     * The mark of one section of the customer {@code tpid}: the latest change by someone else of the
     * rows {@code inSection} accepts, not older than {@link #SECTION_SHOWN_FOR} and not yet seen.
     *
     * @param section a name of the section, the same for {@link #seeSection}
     */
    public Optional<Mark> sectionMark(long tpid, String section, Predicate<RemoteChange> inSection) {
        Instant seen = seenSections.getOrDefault(tpid + ":" + section, Instant.MIN);
        Instant oldest = clock.instant().minus(SECTION_SHOWN_FOR);
        return latest(c -> c.tpid() == tpid && c.changedAt().isAfter(seen) && c.changedAt().isAfter(oldest)
                && inSection.test(c));
    }

    /** The person opened (began to edit) the section: its mark goes, until the next change by someone else. */
    public void seeSection(long tpid, String section, Predicate<RemoteChange> inSection) {
        sectionMark(tpid, section, inSection).ifPresent(mark -> {
            seenSections.put(tpid + ":" + section, mark.at());
            version.set(version.get() + 1);
        });
    }

    private Optional<Mark> latest(Predicate<RemoteChange> wanted) {
        return changes.stream().filter(wanted).max((a, b) -> a.changedAt().compareTo(b.changedAt()))
                .map(c -> {
                    String who = names.getOrDefault(c.changedBy(), c.changedBy());
                    return new Mark(who, c.changedAt(), text(who, c.changedAt(), clock));
                });
    }

    /** "Updated by Lee Gu just now", "… 5 min ago", "… at 14:05" (in the clock's zone); without a name when none is known. */
    static String text(String who, Instant at, Clock clock) {
        Duration ago = Duration.between(at, clock.instant());
        String when;
        if (ago.compareTo(TICK) < 0) {
            when = "just now";
        } else if (ago.toMinutes() < 60) {
            when = ago.toMinutes() + " min ago";
        } else {
            when = "at " + HOUR.format(LocalTime.ofInstant(at, clock.getZone()).truncatedTo(ChronoUnit.MINUTES));
        }
        return who == null || who.isBlank() ? "Updated " + when : "Updated by " + who + " " + when;
    }
}
