package ftop.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import org.junit.jupiter.api.Test;

/** The steady list shows what its source shows, through the smallest changes. */
class SteadyListTest {

    private final ObservableList<String> names = FXCollections.observableArrayList(
            "Adatum", "Bellows", "Coho", "Contoso", "Datum", "Fabrikam", "Litware", "Northwind");
    private final FilteredList<String> filtered = new FilteredList<>(names);
    private final SortedList<String> sorted = new SortedList<>(filtered);
    private final SteadyList<String> steady = SteadyList.following(sorted);
    /** What each change the steady list fired was, in words. */
    private final List<String> kinds = new ArrayList<>();

    SteadyListTest() {
        steady.addListener((ListChangeListener<String>) c -> {
            List<String> seen = new ArrayList<>();
            while (c.next()) {
                seen.add(c.wasPermutated() ? "permuted" : c.wasReplaced() ? "replaced"
                        : c.wasRemoved() ? "removed " + c.getRemoved() : "added " + c.getAddedSubList());
            }
            kinds.add(String.join("; ", seen));
        });
    }

    @Test
    void aFilterThatLetsTheSameItemsThroughChangesNothing() {
        filter(n -> n.contains("o"));
        kinds.clear();

        filter(n -> n.contains("o") || n.equals("nothing"));

        assertThat(steady).containsExactlyElementsOf(sorted);
        assertThat(kinds).isEmpty();
    }

    @Test
    void aNarrowerFilterRemovesOnlyWhatLeftAndAWiderOneAddsOnlyWhatCame() {
        filter(n -> n.startsWith("C"));
        assertThat(steady).containsExactly("Coho", "Contoso");
        kinds.clear();

        filter(n -> n.startsWith("Co") && n.length() > 4);
        assertThat(steady).containsExactly("Contoso");
        assertThat(kinds).containsExactly("removed [Coho]");

        kinds.clear();
        filter(n -> n.startsWith("C") || n.startsWith("D"));
        assertThat(steady).containsExactly("Coho", "Contoso", "Datum");
        assertThat(kinds).containsExactly("added [Coho]", "added [Datum]");
        assertThat(kinds).noneMatch(k -> k.contains("replaced"));
    }

    @Test
    void sortingAgainIsOnePermutation() {
        sorted.setComparator(String.CASE_INSENSITIVE_ORDER.reversed());

        assertThat(steady).containsExactlyElementsOf(sorted);
        assertThat(kinds).containsExactly("permuted");
    }

    @Test
    void everythingNewIsOneReplacementOrRuns() {
        names.setAll("Tailspin", "Wingtip");

        assertThat(steady).containsExactly("Tailspin", "Wingtip");
        assertThat(kinds).isNotEmpty();
    }

    private void filter(Predicate<String> predicate) {
        filtered.setPredicate(predicate);
    }
}
