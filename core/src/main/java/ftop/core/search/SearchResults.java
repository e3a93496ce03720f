package ftop.core.search;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one query found, grouped by kind in the order of {@link SearchKind}.
 *
 * @param query  the query as typed
 * @param terms  the normalised words of the query; empty for a query with no word in it
 * @param groups the hits of each kind that has any, best first
 * @param more   the kinds that have more hits than were asked for
 */
public record SearchResults(String query, List<String> terms, Map<SearchKind, List<SearchHit>> groups,
                            Set<SearchKind> more) {

    public SearchResults {
        Objects.requireNonNull(query, "query");
        terms = List.copyOf(terms);
        EnumMap<SearchKind, List<SearchHit>> copy = new EnumMap<>(SearchKind.class);
        groups.forEach((kind, hits) -> {
            if (!hits.isEmpty()) {
                copy.put(kind, List.copyOf(hits));
            }
        });
        groups = Collections.unmodifiableMap(copy);
        more = more.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(more));
    }

    /** No hits for {@code query}. */
    public static SearchResults none(String query) {
        return new SearchResults(query, SearchText.terms(query), Map.of(), Set.of());
    }

    /** True when nothing was found. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** How many hits there are, over every kind. */
    public int size() {
        return groups.values().stream().mapToInt(List::size).sum();
    }
}
