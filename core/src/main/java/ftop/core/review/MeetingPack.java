package ftop.core.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The document a Regional Customer Health Review meeting works from: a one-page overview of the
 * nominated customers and a brief per customer, in the order they will be discussed.
 *
 * @param title    what the meeting is, e.g. "Americas Customer Health Review"
 * @param date     the day of the meeting; overdue reviews are judged against it
 * @param briefs   one brief per customer, as edited by the presenters
 * @param overview one row per brief, in the same order
 */
public record MeetingPack(String title, LocalDate date, List<CustomerBrief> briefs, List<OverviewRow> overview) {

    /**
     * A blank title becomes "Customer Health Review".
     *
     * @throws IllegalArgumentException when there is not exactly one overview row per brief
     */
    public MeetingPack {
        title = title == null || title.isBlank() ? "Customer Health Review" : title.strip();
        Objects.requireNonNull(date, "date");
        briefs = List.copyOf(briefs);
        overview = List.copyOf(overview);
        if (briefs.size() != overview.size()) {
            throw new IllegalArgumentException("A meeting pack needs one overview row per brief, not "
                    + overview.size() + " rows for " + briefs.size() + " briefs");
        }
    }

    /** A pack whose overview is derived from the briefs. */
    public static MeetingPack of(String title, LocalDate date, List<CustomerBrief> briefs) {
        return new MeetingPack(title, date, briefs, briefs.stream().map(b -> OverviewRow.of(b, date)).toList());
    }

    /** A copy with one brief replaced (matched by TPID), as a presenter edited it. */
    public MeetingPack withBrief(CustomerBrief edited) {
        boolean found = false;
        List<CustomerBrief> list = new ArrayList<>(briefs.size());
        for (CustomerBrief b : briefs) {
            if (b.tpid() == edited.tpid()) {
                list.add(edited);
                found = true;
            } else {
                list.add(b);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("Customer " + edited.customerName() + " (" + edited.tpid()
                    + ") is not in this meeting pack");
        }
        return new MeetingPack(title, date, list, overview);
    }
}
