package ftop.core.assignment;

import ftop.core.assignment.BatchPreview.Line;
import ftop.core.assignment.BatchPreview.Outcome;
import ftop.core.store.WorkspaceWrites;
import ftop.core.validation.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What importing an assignment CSV file would do, line by line: each good line adds an
 * assignment, changes one, or finds it already as the file says; each bad line says why. Reading
 * a file writes nothing; {@link #changes()} is what {@link BatchAssignment#apply} writes.
 *
 * @param lines one per data line of the file (blank lines skipped), and one for a bad header
 */
public record CsvImport(List<ImportLine> lines) {

    /** What happens to one line of the file. */
    public enum Status {
        ADDED,
        CHANGED,
        UNCHANGED,
        /** The line cannot be imported; see its message. */
        BAD
    }

    /**
     * One line of the file and its fate.
     *
     * @param line         the line of the file the record starts on (1 is the header)
     * @param tpid         the customer, or 0 when the line names none that can be read
     * @param customerName the customer's name, when known
     * @param status       what happens
     * @param message      what happens in words; for a bad line, the reason
     * @param before       the assignment as it is now, if there is one
     * @param after        the assignment as the file wants it; empty for a bad line that cannot be read
     * @param warnings     portfolio rules the customer's assignments newly break once the file is imported
     *                     (shown on the customer's last line that writes; not enforced)
     */
    public record ImportLine(int line, long tpid, String customerName, Status status, String message,
            Optional<Assignment> before, Optional<Assignment> after, List<Problem> warnings) {

        public ImportLine {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
            customerName = customerName == null ? "" : customerName;
            before = before == null ? Optional.empty() : before;
            after = after == null ? Optional.empty() : after;
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** Whether importing writes this line. */
        public boolean writes() {
            return status == Status.ADDED || status == Status.CHANGED;
        }

        /** The line as a person reads it, e.g. {@code line 4: bad: There is no user "nobdy".} */
        public String describe() {
            StringBuilder text = new StringBuilder("line ").append(line).append(": ")
                    .append(status.name().toLowerCase()).append(": ").append(message);
            warnings.forEach(w -> text.append(" Warning: ").append(w.message()));
            return text.toString();
        }

        ImportLine withWarnings(List<Problem> newWarnings) {
            return new ImportLine(line, tpid, customerName, status, message, before, after, newWarnings);
        }
    }

    public CsvImport {
        lines = List.copyOf(lines);
    }

    public boolean hasBadLines() {
        return lines.stream().anyMatch(l -> l.status() == Status.BAD);
    }

    public List<ImportLine> badLines() {
        return lines.stream().filter(l -> l.status() == Status.BAD).toList();
    }

    /** How many lines have each status; every status is present, possibly with 0. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        lines.forEach(l -> counts.merge(l.status(), 1, Integer::sum));
        return counts;
    }

    /** The counts in words, e.g. "3 added, 1 bad". */
    public String summary() {
        String words = counts().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
                .collect(Collectors.joining(", "));
        return words.isEmpty() ? "no assignments in the file" : words;
    }

    /**
     * Imports the file into {@code store}: the good lines in one all-or-nothing write, through the
     * outbox like any edit. By default a file with any bad line writes nothing at all, so a
     * half-imported file never has to be untangled; {@code applyValid} writes the good lines anyway.
     *
     * @return the batch as written, which can be undone
     * @throws BadLinesException   when the file has bad lines and {@code applyValid} is false; nothing was written
     * @throws StaleBatchException when the store changed since the file was read; nothing was written
     */
    public AppliedBatch apply(WorkspaceWrites store, boolean applyValid) {
        if (hasBadLines() && !applyValid) {
            throw new BadLinesException(badLines());
        }
        return BatchAssignment.apply(changes(), store);
    }

    /** The good lines as a batch to apply; bad lines are left out. See {@link #apply} for the policy. */
    public BatchPreview changes() {
        List<Line> out = new ArrayList<>();
        for (ImportLine line : lines) {
            Outcome outcome = switch (line.status()) {
                case ADDED -> Outcome.ADDED;
                case CHANGED -> Outcome.CHANGED;
                case UNCHANGED -> Outcome.UNCHANGED;
                case BAD -> null;
            };
            if (outcome != null) {
                out.add(new Line(line.tpid(), line.customerName(), outcome, line.before(), line.after(),
                        "line " + line.line() + ": " + line.message(), Optional.empty(), line.warnings()));
            }
        }
        return new BatchPreview("Import assignments from CSV", out);
    }

    /** A file with bad lines was not imported; nothing was written. */
    public static final class BadLinesException extends IllegalStateException {

        private final List<ImportLine> badLines;

        BadLinesException(List<ImportLine> badLines) {
            super(badLines.size() + " bad line" + (badLines.size() == 1 ? "" : "s") + ", so nothing was written: "
                    + badLines.stream().map(ImportLine::describe).collect(Collectors.joining("; ")));
            this.badLines = List.copyOf(badLines);
        }

        /** The lines that stopped the import, each with its number and reason. */
        public List<ImportLine> badLines() {
            return badLines;
        }
    }
}
