package ftop.core.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How text is cut into words for the search, the same way for what is indexed and what is typed:
 * a word is a run of letters and digits; case and accents do not count ("Müller" is found by
 * "muller"). A query word matches every word it starts, so results follow as the user types.
 */
public final class SearchText {

    /** Longer words are cut to this length, in the index and in queries alike. */
    public static final int MAX_WORD = 64;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    /** A run of text to show, and whether the query matched it. */
    public record Span(String text, boolean matched) {
    }

    /** The normalised words of {@code text}, in order, repeats included. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        forEachWord(text, (start, end) -> out.add(normalise(text.substring(start, end))));
        return out;
    }

    /** The distinct normalised words of a query, in the order typed; empty when it has none. */
    public static List<String> terms(String query) {
        return List.copyOf(new LinkedHashSet<>(words(query == null ? "" : query)));
    }

    /** A word as the index keeps it: lower case, without accents, at most {@link #MAX_WORD} characters. */
    public static String normalise(String word) {
        String plain = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
        String lower = plain.toLowerCase(Locale.ROOT);
        return lower.length() > MAX_WORD ? lower.substring(0, MAX_WORD) : lower;
    }

    /** The words of {@code text}, as written there, that one of {@code terms} starts. */
    public static Set<String> matchedWords(String text, Collection<String> terms) {
        Set<String> out = new LinkedHashSet<>();
        forEachWord(text, (start, end) -> {
            String word = text.substring(start, end);
            if (matches(normalise(word), terms)) {
                out.add(word);
            }
        });
        return out;
    }

    /**
     * {@code text} cut into runs that the query matched and runs it did not, for drawing the
     * matched words in bold. The runs joined give {@code text} back.
     */
    public static List<Span> spans(String text, Collection<String> matchedWords) {
        List<Span> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int[] plainFrom = {0};
        forEachWord(text, (start, end) -> {
            if (matchedWords.contains(text.substring(start, end))) {
                if (start > plainFrom[0]) {
                    out.add(new Span(text.substring(plainFrom[0], start), false));
                }
                out.add(new Span(text.substring(start, end), true));
                plainFrom[0] = end;
            }
        });
        if (plainFrom[0] < text.length()) {
            out.add(new Span(text.substring(plainFrom[0]), false));
        }
        return out;
    }

    static boolean matches(String normalisedWord, Collection<String> terms) {
        for (String term : terms) {
            if (normalisedWord.startsWith(term)) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface WordRange {
        void accept(int start, int end);
    }

    private static void forEachWord(String text, WordRange action) {
        if (text == null) {
            return;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < n && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                action.accept(start, i);
            }
        }
    }

    private static boolean isWordChar(int codePoint) {
        // combining marks stay inside their word ("Mu\u0308ller" is one word)
        return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK;
    }
}
