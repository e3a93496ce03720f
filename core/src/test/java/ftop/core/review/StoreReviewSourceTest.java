package ftop.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.health.CustomerHealth;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.store.LocalStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review preparation from a real H2 workspace, as the desktop app runs it offline. */
class StoreReviewSourceTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 3);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ReviewQueue queue = new ReviewQueue(HealthRules.defaults(), ZoneOffset.UTC);
    private final CustomerBriefs briefs = new CustomerBriefs(HealthRules.defaults(), ZoneOffset.UTC);

    @Test
    void theStoreGivesTheSameQueueAndBriefsAsTheDataItWasLoadedWith() {
        Dataset demo = DatasetGenerator.demo(TODAY);
        ReviewSource fromData = new DatasetReviewSource(demo);
        List<Long> all = demo.customers().stream().map(Customer::tpid).toList();

        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(demo, 1);
            ReviewSource fromStore = new StoreReviewSource(store);

            assertThat(queue.build(fromStore, TODAY)).extracting(ReviewItem::tpid, ReviewItem::reasons)
                    .containsExactlyElementsOf(queue.build(fromData, TODAY).stream()
                            .map(item -> org.assertj.core.groups.Tuple.tuple(item.tpid(), item.reasons())).toList());
            assertThat(briefs.of(all, fromStore, TODAY)).isEqualTo(briefs.of(all, fromData, TODAY));
            ReviewSource snapshot = StoreReviewSource.snapshot(store);
            assertThat(queue.build(snapshot, TODAY)).extracting(ReviewItem::tpid, ReviewItem::reasons)
                    .containsExactlyElementsOf(queue.build(fromData, TODAY).stream()
                            .map(item -> org.assertj.core.groups.Tuple.tuple(item.tpid(), item.reasons())).toList());
            assertThat(briefs.of(all, snapshot, TODAY)).isEqualTo(briefs.of(all, fromData, TODAY));
            assertThat(fromStore.customer(-1)).isEmpty();
            assertThat(fromStore.notes(all.get(0))).isSortedAccordingTo(
                    java.util.Comparator.comparing(ftop.core.status.EnterpriseStatusNote::createdAt).reversed());
        }
    }

    @Test
    void anUnsyncedLocalEditShowsInTheBrief() {
        Dataset demo = DatasetGenerator.demo(TODAY);
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(demo, 1);
            ReviewSource source = new StoreReviewSource(store);
            CustomerHealth health = demo.health().stream()
                    .filter(h -> h.progress().expectedHealth().isPresent()).findFirst().orElseThrow();
            HealthColour target = health.progress().expectedHealth().get() == HealthColour.BLUE
                    ? HealthColour.GREEN : HealthColour.BLUE;
            LocalDate due = LocalDate.of(2021, 9, 30);
            store.save(health.withProgress(new ftop.core.health.CustomerProgress(health.progress().status(),
                    Optional.of(due), Optional.of(target), health.progress().nextReviewDate(),
                    health.progress().previousReviewDate(), health.progress().cxpWatchlist(),
                    health.progress().region(), health.progress().vertical())));

            CustomerBrief brief = briefs.of(health.tpid(), source, TODAY);

            assertThat(store.outbox().pendingCount()).isEqualTo(1);
            assertThat(brief.opening()).endsWith(" " + target.label() + " by the end of September 2021.");
        }
    }

    @Test
    void theBriefSaysWhatChangedSinceThePreviousReviewFromTheHistoryTheWorkspaceKeeps() {
        Dataset demo = DatasetGenerator.demo(TODAY);
        CustomerHealth health = demo.health().stream()
                .filter(h -> h.progress().previousReviewDate().filter(d -> d.isBefore(TODAY.minusDays(3))).isPresent()
                        && h.progress().status().isPresent())
                .findFirst().orElseThrow();
        long tpid = health.tpid();
        LocalDate review = health.progress().previousReviewDate().orElseThrow();
        String status = health.progress().status().orElseThrow().name();
        String was = status.equals("NO_INTENT") ? "IN_PROGRESS" : "NO_INTENT";
        java.time.Instant before = review.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC);
        java.time.Instant after = review.plusDays(1).atTime(9, 30).toInstant(ZoneOffset.UTC);
        com.fasterxml.jackson.databind.node.JsonNodeFactory json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        List<ftop.core.change.FieldChange> history = List.of(
                new ftop.core.change.FieldChange(10, before, "megan.bowen", "health", Long.toString(tpid),
                        "progress.status", null, json.textNode(was)),
                new ftop.core.change.FieldChange(20, after, "megan.bowen", "health", Long.toString(tpid),
                        "progress.status", json.textNode(was), json.textNode(status)));

        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.bulkLoad(demo, 1);
            CustomerBrief unfetched = briefs.of(tpid, StoreReviewSource.snapshot(store), TODAY);
            assertThat(unfetched.sinceReview()).contains("holds no field history of the customer yet");
            store.addHistory(tpid, history, 20, CLOCK.instant());
        }
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            CustomerBrief brief = briefs.of(tpid, StoreReviewSource.snapshot(store), TODAY);

            assertThat(brief.previousReview()).contains(review);
            assertThat(brief.heading(BriefSection.SINCE_REVIEW)).startsWith("Since the previous review (");
            assertThat(brief.sinceReview()).startsWith("- Customer Status went from "
                    + ftop.core.health.CustomerStatus.valueOf(was).label() + " to "
                    + health.progress().status().get().label() + " (Megan Bowen, ")
                    .doesNotContain("may be incomplete");
            assertThat(briefs.of(tpid, new StoreReviewSource(store), TODAY)).isEqualTo(brief);
        }
    }
}
