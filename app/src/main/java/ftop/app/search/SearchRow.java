package ftop.app.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ftop.core.search.SearchHit;
import ftop.core.search.SearchKind;
import ftop.core.search.SearchResults;

/**
 * One line of the results list: a group's heading or a hit under it.
 *
 * @param kind the group
 * @param more for a heading: the group has more hits than show
 * @param hit  the hit; null for a heading
 */
record SearchRow(SearchKind kind, boolean more, SearchHit hit) {

    SearchRow {
        Objects.requireNonNull(kind, "kind");
    }

    boolean isHeading() {
        return hit == null;
    }

    /** The lines of {@code results}: each group's heading, then its hits. */
    static List<SearchRow> of(SearchResults results) {
        List<SearchRow> rows = new ArrayList<>(results.size() + results.groups().size());
        results.groups().forEach((kind, hits) -> {
            rows.add(new SearchRow(kind, results.more().contains(kind), null));
            hits.forEach(hit -> rows.add(new SearchRow(kind, false, hit)));
        });
        return rows;
    }
}
