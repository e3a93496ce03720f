package ftop.app.widgets;

import java.util.Locale;

/**
 * Counts in the words people read: "1 change", "2 changes", "1 edit queued", "1,500 customers".
 * English plurals of the nouns the app counts, with numbers grouped as everywhere in the app; a noun
 * whose plural is not its singular plus "s" names both forms.
 */
public final class Plurals {

    private Plurals() {
    }

    /** e.g. {@code count(1, "change")} is "1 change", {@code count(3, "change")} is "3 changes". */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** e.g. {@code count(2, "entry", "entries")} is "2 entries". */
    public static String count(long n, String singular, String plural) {
        return String.format(Locale.US, "%,d %s", n, n == 1 ? singular : plural);
    }

    /** The noun alone for {@code n}: "change" for 1, "changes" otherwise. */
    public static String noun(long n, String singular) {
        return n == 1 ? singular : singular + "s";
    }
}
