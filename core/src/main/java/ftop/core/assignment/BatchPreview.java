package ftop.core.assignment;

import ftop.core.validation.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a batch of assignment changes would do, line by line, before anything is written: the
 * assignments it adds, changes, hands to another person and removes, the customers where nothing changes, and the ones it
 * refuses with the reason. {@link BatchAssignment#apply} writes exactly the lines shown here.
 *
 * @param title what the batch does, in words
 * @param lines one line per assignment touched (or per customer where nothing is touched)
 */
public record BatchPreview(String title, List<Line> lines) {

    /** What happens to one line. */
    public enum Outcome {
        /** A new assignment is created. */
        ADDED,
        /** An existing assignment gets a wider scope or the primary flag. */
        CHANGED,
        /**
         * An existing assignment passes to another person, with its scope and primary flag: the
         * same row with a new user, so the handover syncs as one edit of one field.
         */
        REPLACED,
        /** An assignment is deleted. */
        REMOVED,
        /** Nothing to do: the person already holds (or does not hold) the role as asked. */
        UNCHANGED,
        /** Not done, see {@link Line#refusal()}. */
        REFUSED
    }

    /** Why a line is refused. */
    public enum RefusalKind {
        /** The person at the keyboard may not change this customer's assignments. */
        PERMISSION,
        /** The change would break a rule, e.g. an unknown user or a role the area does not offer. */
        RULE
    }

    /**
     * One assignment the batch touches.
     *
     * @param tpid         the customer
     * @param customerName the customer's name, or empty when the customer is unknown
     * @param outcome      what happens
     * @param before       the assignment as it is now, if there is one
     * @param after        the assignment as it will be (or would have been, when refused); empty when removed
     * @param message      the line in words; for a refused line, the reason
     * @param refusal      why the line is refused; empty unless {@code outcome} is REFUSED
     * @param warnings     portfolio rules the change newly breaks (shown, not enforced), e.g. a second primary
     */
    public record Line(long tpid, String customerName, Outcome outcome, Optional<Assignment> before,
            Optional<Assignment> after, String message, Optional<RefusalKind> refusal, List<Problem> warnings) {

        public Line {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
            customerName = customerName == null ? "" : customerName;
            before = before == null ? Optional.empty() : before;
            after = after == null ? Optional.empty() : after;
            refusal = refusal == null ? Optional.empty() : refusal;
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            if ((outcome == Outcome.REFUSED) != refusal.isPresent()) {
                throw new IllegalArgumentException("A line has a refusal reason exactly when it is refused");
            }
        }

        /** Whether applying the batch writes this line. */
        public boolean writes() {
            return outcome == Outcome.ADDED || outcome == Outcome.CHANGED || outcome == Outcome.REPLACED
                    || outcome == Outcome.REMOVED;
        }
    }

    public BatchPreview {
        Objects.requireNonNull(title, "title");
        lines = List.copyOf(lines);
    }

    /** The lines with {@code outcome}, in order. */
    public List<Line> lines(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).toList();
    }

    /** How many lines have each outcome; every outcome is present, possibly with 0. */
    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        lines.forEach(l -> counts.merge(l.outcome(), 1, Integer::sum));
        return counts;
    }

    /** Whether applying would write anything. */
    public boolean hasChanges() {
        return lines.stream().anyMatch(Line::writes);
    }

    /** The assignments applying creates, changes or hands over, in their new form. */
    public List<Assignment> saves() {
        List<Assignment> saves = new ArrayList<>();
        for (Line line : lines) {
            if (line.outcome() == Outcome.ADDED || line.outcome() == Outcome.CHANGED
                    || line.outcome() == Outcome.REPLACED) {
                saves.add(line.after().orElseThrow());
            }
        }
        return saves;
    }

    /** The assignments applying deletes. */
    public List<Assignment> deletes() {
        return lines(Outcome.REMOVED).stream().map(l -> l.before().orElseThrow()).toList();
    }

    /** The counts in words, e.g. "3 added, 1 removed, 2 unchanged, 1 refused". */
    public String summary() {
        String words = counts().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
                .collect(Collectors.joining(", "));
        return words.isEmpty() ? "nothing to do" : words;
    }
}
