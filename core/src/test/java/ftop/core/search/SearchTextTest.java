package ftop.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void cutsWordsAtAnythingButLettersAndDigitsWithoutCaseOrAccents() {
        assertThat(SearchText.words("Jürgen MÜLLER, isaiah@microsoft.com; 60% done"))
                .containsExactly("jurgen", "muller", "isaiah", "microsoft", "com", "60", "done");
        assertThat(SearchText.terms(" lic  ren lic ")).containsExactly("lic", "ren");
        assertThat(SearchText.terms(null)).isEmpty();
    }

    @Test
    void findsTheWordsAQueryStartsAsWritten() {
        assertThat(SearchText.matchedWords("The licensing renewal is late; Renewals wait.", List.of("ren", "lic")))
                .containsExactly("licensing", "renewal", "Renewals");
    }

    @Test
    void spansGiveTheTextBackWithTheMatchedWordsApart() {
        List<SearchText.Span> spans = SearchText.spans("The licensing renewal is late", Set.of("licensing", "renewal"));
        assertThat(spans).containsExactly(new SearchText.Span("The ", false), new SearchText.Span("licensing", true),
                new SearchText.Span(" ", false), new SearchText.Span("renewal", true),
                new SearchText.Span(" is late", false));
        assertThat(SearchText.spans("", Set.of("x"))).isEmpty();
    }
}
