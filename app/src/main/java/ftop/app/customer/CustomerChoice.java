package ftop.app.customer;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A customer as the picker lists it: name and TPID, so a person can find it by either.
 */
public record CustomerChoice(long tpid, String name) {

    @Override
    public String toString() {
        return name + " (" + tpid + ")";
    }

    /** True when {@code query} is part of the name (any case) or the start of the TPID. */
    public boolean matches(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return q.isEmpty() || name.toLowerCase(Locale.ROOT).contains(q) || Long.toString(tpid).startsWith(q)
                || toString().toLowerCase(Locale.ROOT).equals(q);
    }

    /** The choices that match {@code query}; names that start with it first, at most {@code limit}. */
    public static List<CustomerChoice> search(Collection<CustomerChoice> choices, String query, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return choices.stream()
                .filter(c -> c.matches(q))
                .sorted(Comparator.comparing((CustomerChoice c) -> !c.name().toLowerCase(Locale.ROOT).startsWith(q))
                        .thenComparing(CustomerChoice::name, String.CASE_INSENSITIVE_ORDER))
                .limit(limit)
                .toList();
    }

    /** The one choice {@code text} names exactly: its name, its TPID, or how the picker shows it. */
    public static Optional<CustomerChoice> exact(Collection<CustomerChoice> choices, String text) {
        String q = text == null ? "" : text.strip();
        return choices.stream()
                .filter(c -> c.name().equalsIgnoreCase(q) || Long.toString(c.tpid()).equals(q)
                        || c.toString().equalsIgnoreCase(q))
                .findFirst();
    }
}
