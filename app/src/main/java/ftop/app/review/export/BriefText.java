package ftop.app.review.export;

import ftop.core.review.OverviewRow;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the exporters read a section's text: one block per non-blank line, "- " making it a bullet. */
final class BriefText {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** One paragraph or bullet point. */
    record Block(boolean bullet, String text) {
    }

    private BriefText() {
    }

    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("- ") || s.startsWith("* ") || s.startsWith("\u2022 ")) {
                blocks.add(new Block(true, s.substring(2).strip()));
            } else {
                blocks.add(new Block(false, s));
            }
        }
        return blocks;
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    static String nextReview(OverviewRow row) {
        if (row.nextReview().isEmpty()) {
            return "Not set";
        }
        return SHORT_DAY.format(row.nextReview().get()) + (row.reviewOverdue() ? " (overdue)" : "");
    }
}
