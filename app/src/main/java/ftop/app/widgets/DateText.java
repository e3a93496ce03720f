package ftop.app.widgets;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How dates read everywhere in the app: "May 17, 2021", as the FTOP guides write them. */
public final class DateText {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    private DateText() {
    }

    public static String of(LocalDate date) {
        return date == null ? "" : FORMAT.format(date);
    }

    /** The date, or {@code whenEmpty} when there is none. */
    public static String of(Optional<LocalDate> date, String whenEmpty) {
        return date.map(DateText::of).orElse(whenEmpty);
    }
}
