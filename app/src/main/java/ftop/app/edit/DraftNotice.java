package ftop.app.edit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import ftop.app.widgets.DateText;
import ftop.core.store.Draft;

/** The words a form shows once it holds a restored draft, and when a draft was typed. */
public final class DraftNotice {

    private DraftNotice() {
    }

    /**
     * When {@code at} was, as short as is clear on {@code now}'s day: "2:32 PM" today, "May 3, 2:32 PM"
     * this year, "May 3, 2020, 2:32 PM" before (as the locale writes them); in the computer's time zone.
     */
    public static String when(Instant at, Instant now) {
        ZoneId zone = ZoneId.systemDefault();
        ZonedDateTime then = at.atZone(zone);
        ZonedDateTime today = now.atZone(zone);
        if (then.toLocalDate().equals(today.toLocalDate())) {
            return DateText.time(at, zone);
        }
        return then.getYear() == today.getYear()
                ? DateText.dayAndMonth(then.toLocalDate()) + ", " + DateText.time(at, zone)
                : DateText.dateTime(at, zone);
    }

    /**
     * e.g. "Restored draft from 14:32, not saved yet." and, when the saved values changed since the
     * draft began (a sync brought a newer version), that the draft now sits on top of them.
     *
     * @param what the form, e.g. "Customer Perspective"
     */
    public static String restored(Draft draft, boolean savedChangedSince, String what, Instant now) {
        String text = "Restored draft from " + when(draft.savedAt(), now) + ", not saved yet.";
        if (savedChangedSince) {
            text += " The saved " + what + " changed since the draft began (a newer version came in); the draft "
                    + "is shown on top of it, so check the values before you save.";
        }
        return text;
    }
}
