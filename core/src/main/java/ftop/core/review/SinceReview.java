package ftop.core.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import ftop.core.change.EntityKind;
import ftop.core.change.FieldChange;
import ftop.core.change.FieldLabels;
import ftop.core.health.CustomerProgress;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.UsageTrend;
import ftop.core.health.WorkloadGroup;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.store.CustomerHistory;
import ftop.core.usage.WorkloadUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What moved for a customer since its previous review, from the field history the workspace holds:
 * the regional lead's first question in a review meeting.
 *
 * <p>The previous review is the last one completed on or before today: the Customer Progress
 * section's Previous Review Date, or, when that is not set or lies ahead, the latest earlier value of
 * it the history holds. A review is a day, not a moment, so what changed on the review day itself
 * counts as changed since.
 *
 * <p>What counts, in this order: the Customer Status, the overall colour and each group's colour, the
 * Overall Mindset (each as where it stood at the review and where it stands now, with who made the
 * last move and when; a field moved and moved back counts as unchanged), new Enterprise Status notes
 * (newest first), assignments made, ended or changed (oldest first), and the usage of each group then
 * and now. The history a workspace holds can be incomplete: never fetched, starting after the review
 * (the server prunes old history), or fetched before today; {@link #caveats()} says so.
 *
 * @param previousReview the day of the previous review; empty when none is recorded
 * @param changes        one line per change, in the order above
 * @param caveats        why the changes may be incomplete; empty when the history covers the whole time
 */
public record SinceReview(Optional<LocalDate> previousReview, List<String> changes, List<String> caveats) {

    /** Said when no previous review is recorded. */
    public static final String NO_PREVIOUS_REVIEW =
            "No previous review is recorded: set the Previous Review Date in Customer Progress.";
    /** Said when the history shows nothing that counts since the previous review. */
    public static final String NOTHING_CHANGED = "Nothing that the history holds changed since then.";

    private static final String STATUS = "progress.status";
    private static final String PREVIOUS_REVIEW = "progress.previousReviewDate";
    private static final String MINDSET = "perspective.mindset";
    private static final int NOTE_EXCERPT = 90;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public SinceReview {
        Objects.requireNonNull(previousReview, "previousReview");
        changes = List.copyOf(changes);
        caveats = List.copyOf(caveats);
    }

    /**
     * The day of the last review completed on or before {@code today}: the Previous Review Date when
     * it is not ahead of today, else the latest value it had in {@code history} that is not.
     */
    public static Optional<LocalDate> previousReview(CustomerProgress progress, List<FieldChange> history,
            LocalDate today) {
        Optional<LocalDate> current = progress.previousReviewDate().filter(d -> !d.isAfter(today));
        if (current.isPresent()) {
            return current;
        }
        TreeSet<LocalDate> earlier = new TreeSet<>();
        for (FieldChange change : history) {
            if (change.kind().equals(EntityKind.HEALTH.wireName()) && change.field().equals(PREVIOUS_REVIEW)) {
                date(change.from()).ifPresent(earlier::add);
                date(change.to()).ifPresent(earlier::add);
            }
        }
        return Optional.ofNullable(earlier.floor(today));
    }

    /**
     * What changed for one customer since its previous review.
     *
     * @param progress the customer's Customer Progress section now (for the previous review date)
     * @param history  the customer's field history as the workspace holds it
     * @param usageNow the customer's usage rows now
     * @param notes    the customer's Enterprise Status notes
     * @param rules    the health rules colours are judged by
     * @param zone     the zone whose calendar makes times days
     * @param today    the day of the brief
     * @param names    a person's name from their user ID
     */
    public static SinceReview of(CustomerProgress progress, CustomerHistory history, List<WorkloadUsage> usageNow,
            List<EnterpriseStatusNote> notes, HealthRules rules, ZoneId zone, LocalDate today,
            Function<String, String> names) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(zone, "zone");
        Optional<LocalDate> review = previousReview(progress, history.entries(), today);
        if (review.isEmpty()) {
            return new SinceReview(review, List.of(), List.of());
        }
        Instant since = review.get().atStartOfDay(zone).toInstant();
        List<FieldChange> after = history.entries().stream()
                .filter(c -> !c.at().isBefore(since))
                .sorted(Comparator.comparing(FieldChange::at).thenComparingLong(FieldChange::revision))
                .toList();
        Writer w = new Writer(zone, names);

        fieldMove(w, after, STATUS);
        colours(w, history.entries(), after, usageNow, rules, since);
        fieldMove(w, after, MINDSET);
        notes.stream()
                .filter(n -> !n.createdAt().isBefore(since))
                .sorted(Comparator.comparing(EnterpriseStatusNote::createdAt).reversed())
                .forEach(n -> w.add("New Enterprise Status note", n.author(), n.createdAt(), excerpt(n)));
        assignments(w, after);
        usage(w, history.entries(), usageNow, rules, since);

        return new SinceReview(review, w.lines, caveats(history, since, today, zone));
    }

    /** The section's text: one bullet per change, or why there is none, then the caveats. */
    public String text() {
        if (previousReview.isEmpty()) {
            return NO_PREVIOUS_REVIEW;
        }
        StringBuilder s = new StringBuilder();
        if (changes.isEmpty()) {
            s.append(NOTHING_CHANGED);
        } else {
            for (String change : changes) {
                s.append(s.length() == 0 ? "" : "\n").append("- ").append(change);
            }
        }
        for (String caveat : caveats) {
            s.append('\n').append(caveat);
        }
        return s.toString();
    }

    /** The heading of the section: "Since the previous review (3 November 2026)". */
    public static String heading(Optional<LocalDate> previousReview) {
        return BriefSection.SINCE_REVIEW.label() + previousReview.map(d -> " (" + DAY.format(d) + ")").orElse("");
    }

    /** Collects lines of changes, each ending with who made it and when. */
    private static final class Writer {
        final ZoneId zone;
        final Function<String, String> names;
        final List<String> lines = new ArrayList<>();

        Writer(ZoneId zone, Function<String, String> names) {
            this.zone = zone;
            this.names = names;
        }

        void add(String what, String userId, Instant at, String detail) {
            lines.add(what + " (" + who(userId) + ", " + DAY.format(LocalDate.ofInstant(at, zone)) + ")" + detail);
        }

        String who(String userId) {
            String name = names == null ? null : names.apply(userId);
            return name == null || name.isBlank() ? userId : name;
        }
    }

    /** "Customer Status went from In Progress to Blocked Business (who, when)", when the field ends elsewhere than it began. */
    private static void fieldMove(Writer w, List<FieldChange> after, String field) {
        List<FieldChange> moves = after.stream()
                .filter(c -> c.kind().equals(EntityKind.HEALTH.wireName()) && c.field().equals(field))
                .toList();
        if (moves.isEmpty()) {
            return;
        }
        FieldChange first = moves.get(0);
        FieldChange last = moves.get(moves.size() - 1);
        Optional<String> from = FieldLabels.value(EntityKind.HEALTH, field, first.from());
        Optional<String> to = FieldLabels.value(EntityKind.HEALTH, field, last.to());
        if (from.equals(to)) {
            return;
        }
        w.add(FieldLabels.label(EntityKind.HEALTH, field) + " went from " + from.orElse("not set") + " to "
                + to.orElse("not set"), last.userId(), last.at(), "");
    }

    /**
     * The overall and group colours at the review (the usage history replayed up to it) against now,
     * with the usage entry that last moved each colour.
     */
    private static void colours(Writer w, List<FieldChange> history, List<FieldChange> after,
            List<WorkloadUsage> usageNow, HealthRules rules, Instant since) {
        List<WorkloadUsage> then = UsageTrend.usageBefore(history, since);
        if (then.isEmpty() || usageNow.isEmpty()) {
            return;
        }
        HealthAssessment before = HealthAssessment.of(then, rules);
        HealthAssessment now = HealthAssessment.of(usageNow, rules);
        Map<String, Function<HealthAssessment, Optional<HealthColour>>> measures = new LinkedHashMap<>();
        measures.put("Overall health", HealthAssessment::overall);
        for (WorkloadGroup group : WorkloadGroup.values()) {
            measures.put(group.label(), a -> a.group(group));
        }
        List<FieldChange> usageAfter = after.stream().filter(c -> c.kind().equals(EntityKind.USAGE.wireName())).toList();
        measures.forEach((name, measure) -> {
            Optional<HealthColour> from = measure.apply(before);
            Optional<HealthColour> to = measure.apply(now);
            if (from.equals(to)) {
                return;
            }
            FieldChange mover = lastMover(history, usageAfter, rules, measure, from, to);
            String what = name + " went from " + from.map(HealthColour::label).orElse("no data") + " to "
                    + to.map(HealthColour::label).orElse("no data");
            if (mover == null) {
                w.lines.add(what);
            } else {
                w.add(what, mover.userId(), mover.at(), "");
            }
        });
    }

    /** The usage entry after which the colour last became what it is now; null when none did. */
    private static FieldChange lastMover(List<FieldChange> history, List<FieldChange> usageAfter, HealthRules rules,
            Function<HealthAssessment, Optional<HealthColour>> measure, Optional<HealthColour> atReview,
            Optional<HealthColour> now) {
        FieldChange mover = null;
        Optional<HealthColour> previous = atReview;
        for (int i = 0; i < usageAfter.size(); i++) {
            FieldChange change = usageAfter.get(i);
            if (i + 1 < usageAfter.size() && usageAfter.get(i + 1).at().equals(change.at())) {
                continue; // entries made at the same moment move the colour together
            }
            Optional<HealthColour> colour = measure.apply(HealthAssessment.of(
                    UsageTrend.usageBefore(history, change.at().plusNanos(1)), rules));
            if (!colour.equals(previous)) {
                mover = colour.equals(now) ? change : null;
            }
            previous = colour;
        }
        return mover;
    }

    /** Assignments made, ended or changed, one line per edit of a row, oldest first. */
    private static void assignments(Writer w, List<FieldChange> after) {
        // the entries of one edit of a row share its revision and time
        Map<String, List<FieldChange>> byEdit = new LinkedHashMap<>();
        for (FieldChange change : after) {
            if (change.kind().equals(EntityKind.ASSIGNMENT.wireName())) {
                byEdit.computeIfAbsent(change.at() + "/" + change.entityId(), k -> new ArrayList<>()).add(change);
            }
        }
        for (List<FieldChange> entries : byEdit.values()) {
            FieldChange first = entries.get(0);
            Optional<FieldChange> deletion = entries.stream().filter(FieldChange::deletesRow).findFirst();
            if (deletion.isPresent()) {
                w.add("Unassigned " + who(w, deletion.get().from()), first.userId(), first.at(), "");
                continue;
            }
            Map<String, JsonNode> to = new LinkedHashMap<>();
            boolean created = false;
            for (FieldChange e : entries) {
                to.put(e.field(), e.to());
                created |= e.field().equals("userId") && e.from().isNull();
            }
            if (created) {
                w.add("Assigned " + who(w, Map.of("userId", node(to, "userId"), "role", node(to, "role"),
                        "area", node(to, "area"))), first.userId(), first.at(), "");
            } else {
                List<String> fields = entries.stream()
                        .map(e -> FieldLabels.label(EntityKind.ASSIGNMENT, e.field()).toLowerCase(Locale.ROOT))
                        .distinct().toList();
                w.add("Changed an assignment (" + String.join(", ", fields) + ")", first.userId(), first.at(), "");
            }
        }
    }

    private static JsonNode node(Map<String, JsonNode> fields, String name) {
        return fields.getOrDefault(name, NullNode.getInstance());
    }

    /** "Diego Siciliani as FastTrack Manager in Onboarding", from a row's fields. */
    private static String who(Writer w, JsonNode row) {
        return who(w, Map.of("userId", row.path("userId"), "role", row.path("role"), "area", row.path("area")));
    }

    private static String who(Writer w, Map<String, JsonNode> row) {
        String user = row.get("userId").isTextual() ? w.who(row.get("userId").asText()) : "someone";
        StringBuilder s = new StringBuilder(user);
        FieldLabels.value(EntityKind.ASSIGNMENT, "role", row.get("role")).ifPresent(r -> s.append(" as ").append(r));
        FieldLabels.value(EntityKind.ASSIGNMENT, "area", row.get("area")).ifPresent(a -> s.append(" in ").append(a));
        return s.toString();
    }

    /** "Usage: Group 1 from 62% to 71% (up 9 points), Group 2 unchanged at 40%", from the review's usage to now's. */
    private static void usage(Writer w, List<FieldChange> history, List<WorkloadUsage> usageNow, HealthRules rules,
            Instant since) {
        List<WorkloadUsage> then = UsageTrend.usageBefore(history, since);
        if (then.isEmpty() || usageNow.isEmpty()) {
            return;
        }
        HealthAssessment before = HealthAssessment.of(then, rules);
        HealthAssessment now = HealthAssessment.of(usageNow, rules);
        List<String> parts = new ArrayList<>();
        for (WorkloadGroup group : WorkloadGroup.values()) {
            OptionalInt from = before.groupPercent(group);
            OptionalInt to = now.groupPercent(group);
            if (from.isEmpty() && to.isEmpty()) {
                continue;
            }
            String part = group.label() + " ";
            if (from.isEmpty() || to.isEmpty()) {
                part += "from " + percent(from) + " to " + percent(to);
            } else if (from.getAsInt() == to.getAsInt()) {
                part += "unchanged at " + to.getAsInt() + "%";
            } else {
                int delta = to.getAsInt() - from.getAsInt();
                part += "from " + from.getAsInt() + "% to " + to.getAsInt() + "% (" + (delta > 0 ? "up " : "down ")
                        + Math.abs(delta) + (Math.abs(delta) == 1 ? " point)" : " points)");
            }
            parts.add(part);
        }
        if (!parts.isEmpty()) {
            w.lines.add("Usage: " + String.join(", ", parts));
        }
    }

    private static String percent(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() + "%" : "no data";
    }

    private static String excerpt(EnterpriseStatusNote note) {
        String text = note.executiveSummary().isBlank() ? note.risks() : note.executiveSummary();
        text = text.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        if (text.codePointCount(0, text.length()) > NOTE_EXCERPT) {
            text = text.substring(0, text.offsetByCodePoints(0, NOTE_EXCERPT - 1)).stripTrailing() + "\u2026";
        }
        return ": \u201c" + text + "\u201d";
    }

    /** Why the history may not show everything since {@code since}. */
    private static List<String> caveats(CustomerHistory history, Instant since, LocalDate today, ZoneId zone) {
        List<String> out = new ArrayList<>();
        if (history.fetchedAt().isEmpty()) {
            out.add("This may be incomplete: this workspace holds no field history of the customer yet (it is "
                    + "fetched when the customer is opened while connected), so only new Enterprise Status notes are shown.");
            return out;
        }
        Optional<Instant> starts = history.entries().stream().map(FieldChange::at).min(Comparator.naturalOrder());
        boolean fromCreation = history.entries().stream()
                .anyMatch(c -> c.kind().equals(EntityKind.CUSTOMER.wireName()) && c.from().isNull());
        if (!fromCreation && (starts.isEmpty() || starts.get().isAfter(since))) {
            out.add("This may be incomplete: the history this workspace holds "
                    + starts.map(s -> "starts on " + DAY.format(LocalDate.ofInstant(s, zone))).orElse("is empty")
                    + ", after the previous review (the server prunes old history), so earlier changes are not shown.");
        }
        LocalDate fetched = LocalDate.ofInstant(history.fetchedAt().get(), zone);
        if (fetched.isBefore(today)) {
            out.add("This may be incomplete: the history was last fetched on " + DAY.format(fetched)
                    + "; changes made elsewhere since are not shown.");
        }
        return out;
    }

    private static Optional<LocalDate> date(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(node.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
