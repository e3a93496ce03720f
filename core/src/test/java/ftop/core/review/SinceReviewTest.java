package ftop.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ftop.core.change.FieldChange;
import ftop.core.health.CustomerProgress;
import ftop.core.health.HealthRules;
import ftop.core.health.Workload;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.store.CustomerHistory;
import ftop.core.usage.WorkloadUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of "Since the previous review": what counts, in which order, in which words. */
class SinceReviewTest {

    private static final long TPID = 1001;
    private static final LocalDate TODAY = LocalDate.of(2021, 5, 3);
    private static final LocalDate REVIEW = LocalDate.of(2021, 4, 19);
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, String> NAMES = Map.of("megan.bowen", "Megan Bowen", "lee.gu", "Lee Gu",
            "diego.siciliani", "Diego Siciliani", "lidia.holloway", "Lidia Holloway");

    private final List<FieldChange> history = new ArrayList<>();
    private long revision;

    private static Instant at(String dayAndTime) {
        return Instant.parse(dayAndTime + "Z");
    }

    private void change(String at, String user, String kind, String id, String field, JsonNode from, JsonNode to) {
        history.add(new FieldChange(++revision, at(at), user, kind, id, field, from, to));
    }

    private void usage(String at, Workload workload, Long activeBefore, long active, long entitled) {
        String id = TPID + ":" + workload.name();
        if (activeBefore == null) {
            change(at, "usage.feed", "usage", id, "workload", null, JSON.textNode(workload.name()));
            change(at, "usage.feed", "usage", id, "tpid", null, JSON.numberNode(TPID));
            change(at, "usage.feed", "usage", id, "entitled", null, JSON.numberNode(entitled));
        }
        change(at, "usage.feed", "usage", id, "active", activeBefore == null ? null : JSON.numberNode(activeBefore),
                JSON.numberNode(active));
    }

    private void status(String at, String user, String from, String to) {
        change(at, user, "health", Long.toString(TPID), "progress.status", text(from), text(to));
    }

    private static JsonNode text(String value) {
        return value == null ? NullNode.getInstance() : JSON.textNode(value);
    }

    private static CustomerProgress reviewedOn(LocalDate previous) {
        return new CustomerProgress(null, null, null, null, Optional.ofNullable(previous), null, null, null);
    }

    private static CustomerHistory held(List<FieldChange> entries, Instant fetchedAt) {
        return new CustomerHistory(TPID, entries, entries.size(), Optional.ofNullable(fetchedAt));
    }

    private SinceReview since(CustomerProgress progress, List<WorkloadUsage> now, List<EnterpriseStatusNote> notes) {
        return SinceReview.of(progress, held(history, at("2021-05-03T08:00:00")), now, notes, HealthRules.defaults(),
                ZONE, TODAY, NAMES::get);
    }

    private static WorkloadUsage row(Workload workload, long active, long entitled) {
        return new WorkloadUsage(TPID, workload, active, entitled, TODAY);
    }

    private static EnterpriseStatusNote note(String at, String author, String summary) {
        return new EnterpriseStatusNote(UUID.randomUUID(), TPID, UUID.randomUUID(), summary, "", "", author, at(at));
    }

    @Test
    void listsStatusColoursNotesAssignmentsAndUsageEachWithWhoAndWhenInThatOrder() {
        usage("2021-03-01T06:00:00", Workload.EXCHANGE, null, 3_000, 10_000); // 30%: Red
        usage("2021-03-01T06:00:00", Workload.ODSP, null, 4_000, 10_000); // 40%: Yellow
        status("2021-04-10T09:00:00", "megan.bowen", null, "IN_PROGRESS"); // before the review: not listed
        status("2021-04-20T09:00:00", "megan.bowen", "IN_PROGRESS", "BLOCKED_BUSINESS");
        ObjectNode ended = JSON.objectNode().put("userId", "lidia.holloway").put("role", "FRP").put("area", "PARTNER");
        String made = UUID.randomUUID().toString();
        change("2021-04-22T10:00:00", "lee.gu", "assignment", made, "area", null, text("ONBOARDING"));
        change("2021-04-22T10:00:00", "lee.gu", "assignment", made, "role", null, text("FM"));
        change("2021-04-22T10:00:00", "lee.gu", "assignment", made, "userId", null, text("diego.siciliani"));
        change("2021-04-23T10:00:00", "lee.gu", "assignment", UUID.randomUUID().toString(), "", ended, null);
        usage("2021-04-25T06:00:00", Workload.EXCHANGE, 3_000L, 5_000, 10_000); // 50%: Yellow

        SinceReview since = since(reviewedOn(REVIEW),
                List.of(row(Workload.EXCHANGE, 5_000, 10_000), row(Workload.ODSP, 4_000, 10_000)),
                List.of(note("2021-04-01T12:00:00", "megan.bowen", "Older news."),
                        note("2021-04-28T12:00:00", "megan.bowen", "Network upgrade done; Teams pilot starts in May.")));

        assertThat(since.previousReview()).contains(REVIEW);
        assertThat(since.changes()).containsExactly(
                "Customer Status went from In Progress to Blocked Business (Megan Bowen, 20 April 2021)",
                "Group 1 went from Red to Yellow (usage.feed, 25 April 2021)",
                "New Enterprise Status note (Megan Bowen, 28 April 2021): "
                        + "\u201cNetwork upgrade done; Teams pilot starts in May.\u201d",
                "Assigned Diego Siciliani as FastTrack Manager in Onboarding (Lee Gu, 22 April 2021)",
                "Unassigned Lidia Holloway as FastTrack Ready Partner in Partner (Lee Gu, 23 April 2021)",
                "Usage: Group 1 from 35% to 45% (up 10 points)");
        assertThat(since.caveats()).isEmpty();
        assertThat(since.text()).startsWith("- Customer Status went from In Progress to Blocked Business")
                .contains("\n- Usage: Group 1");
        assertThat(SinceReview.heading(since.previousReview())).isEqualTo("Since the previous review (19 April 2021)");
    }

    @Test
    void aFieldMovedAndMovedBackHasNotChangedAndNothingElseIsSaidSo() {
        change("2021-04-20T09:00:00", "megan.bowen", "health", "1001", "perspective.mindset", text("ALIGNED"),
                text("AVERSE"));
        change("2021-04-27T09:00:00", "megan.bowen", "health", "1001", "perspective.mindset", text("AVERSE"),
                text("ALIGNED"));
        change("2021-01-02T09:00:00", "megan.bowen", "health", "1001", "progress.region", null, text("UNITED_STATES"));

        SinceReview since = since(reviewedOn(REVIEW), List.of(), List.of());

        assertThat(since.changes()).isEmpty();
        assertThat(since.text()).isEqualTo(SinceReview.NOTHING_CHANGED);
    }

    @Test
    void whatChangedOnTheReviewDayCountsWhatChangedTheDayBeforeDoesNot() {
        change("2021-01-02T09:00:00", "megan.bowen", "health", "1001", "progress.region", null, text("UNITED_STATES"));
        status("2021-04-18T23:59:00", "megan.bowen", null, "IN_PROGRESS");
        change("2021-04-19T00:00:00", "lee.gu", "health", "1001", "perspective.mindset", null, text("COMPETE"));

        SinceReview since = since(reviewedOn(REVIEW), List.of(), List.of());

        assertThat(since.changes()).containsExactly("Overall Mindset went from not set to Compete (Lee Gu, 19 April 2021)");
    }

    @Test
    void thePreviousReviewIsTheLastOneCompletedByToday() {
        LocalDate ahead = TODAY.plusDays(3);
        change("2021-03-01T09:00:00", "megan.bowen", "health", "1001", "progress.previousReviewDate",
                text("2021-02-15"), text("2021-03-01"));
        change("2021-04-19T09:00:00", "megan.bowen", "health", "1001", "progress.previousReviewDate",
                text("2021-03-01"), text("2021-04-19"));
        change("2021-05-02T09:00:00", "megan.bowen", "health", "1001", "progress.previousReviewDate",
                text("2021-04-19"), text(ahead.toString()));

        assertThat(SinceReview.previousReview(reviewedOn(LocalDate.of(2021, 4, 30)), history, TODAY))
                .contains(LocalDate.of(2021, 4, 30));
        assertThat(SinceReview.previousReview(reviewedOn(TODAY), history, TODAY)).contains(TODAY);
        // a date ahead of today is not a completed review: the latest earlier one in the history is
        assertThat(SinceReview.previousReview(reviewedOn(ahead), history, TODAY)).contains(LocalDate.of(2021, 4, 19));
        assertThat(SinceReview.previousReview(reviewedOn(null), history, TODAY)).contains(LocalDate.of(2021, 4, 19));
        assertThat(SinceReview.previousReview(reviewedOn(null), List.of(), TODAY)).isEmpty();

        SinceReview none = SinceReview.of(reviewedOn(null), held(List.of(), null), List.of(), List.of(),
                HealthRules.defaults(), ZONE, TODAY, NAMES::get);
        assertThat(none.text()).isEqualTo(SinceReview.NO_PREVIOUS_REVIEW);
        assertThat(SinceReview.heading(none.previousReview())).isEqualTo("Since the previous review");
    }

    @Test
    void saysWhenTheHistoryHeldMayBeIncomplete() {
        List<EnterpriseStatusNote> notes = List.of(note("2021-04-28T12:00:00", "someone.unknown", ""));

        SinceReview neverFetched = SinceReview.of(reviewedOn(REVIEW), held(List.of(), null), List.of(), notes,
                HealthRules.defaults(), ZONE, TODAY, NAMES::get);
        assertThat(neverFetched.changes()).containsExactly("New Enterprise Status note (someone.unknown, 28 April 2021)");
        assertThat(neverFetched.caveats()).singleElement().asString()
                .startsWith("This may be incomplete: this workspace holds no field history of the customer yet");

        status("2021-04-26T09:00:00", "megan.bowen", "IN_PROGRESS", "NO_INTENT");
        SinceReview startsLater = SinceReview.of(reviewedOn(REVIEW), held(history, at("2021-05-01T08:00:00")),
                List.of(), List.of(), HealthRules.defaults(), ZONE, TODAY, NAMES::get);
        assertThat(startsLater.changes()).containsExactly(
                "Customer Status went from In Progress to No Intent (Megan Bowen, 26 April 2021)");
        assertThat(startsLater.caveats()).containsExactly(
                "This may be incomplete: the history this workspace holds starts on 26 April 2021, after the previous "
                        + "review (the server prunes old history), so earlier changes are not shown.",
                "This may be incomplete: the history was last fetched on 1 May 2021; changes made elsewhere since "
                        + "are not shown.");
        assertThat(startsLater.text()).endsWith("changes made elsewhere since are not shown.");
    }

    @Test
    void aColourNamesTheChangeThatLastMovedItAndUsageWithoutDataThenSaysSo() {
        usage("2021-03-01T06:00:00", Workload.WINDOWS_10, null, 6_000, 10_000); // Green
        usage("2021-04-20T06:00:00", Workload.WINDOWS_10, 6_000L, 2_000, 10_000); // Red
        change("2021-04-21T06:00:00", "lee.gu", "usage", TPID + ":WINDOWS_10", "active", JSON.numberNode(2_000),
                JSON.numberNode(3_500)); // Yellow

        SinceReview since = since(reviewedOn(REVIEW),
                List.of(row(Workload.WINDOWS_10, 3_500, 10_000), row(Workload.INTUNE, 100, 1_000)), List.of());

        assertThat(since.changes()).contains("Group 2 went from Green to Yellow (Lee Gu, 21 April 2021)",
                "Usage: Group 2 from 60% to 35% (down 25 points), Group 3 from no data to 10%");
    }
}
