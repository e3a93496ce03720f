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
}
