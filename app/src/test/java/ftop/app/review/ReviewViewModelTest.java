package ftop.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.AppFixtures;
import ftop.app.tasks.BackgroundTasks;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.health.HealthRules;
import ftop.core.review.BriefSection;
import ftop.core.review.CustomerBrief;
import ftop.app.review.export.MarkdownExporter;
import ftop.core.review.ReviewItem;
import ftop.core.review.StoreReviewSource;
import ftop.core.store.LocalStore;

/** The Review tab's state on a real local store holding the demo workspace. */
class ReviewViewModelTest {

    @TempDir
    Path dir;

    private LocalStore store;
    private ReviewViewModel model;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store"), AppFixtures.clock());
        store.bulkLoad(DatasetGenerator.demo(AppFixtures.TODAY), 1);
        model = new ReviewViewModel(() -> StoreReviewSource.snapshot(store), HealthRules.defaults(),
                BackgroundTasks.immediate(), AppFixtures.clock());
        model.refresh();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theQueueListsDueCustomersWithTheirReasons() {
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.queue()).isNotEmpty();
        assertThat(model.queue()).allSatisfy(item -> assertThat(item.reason()).isNotBlank());
        assertThat(model.failedProperty().get()).isFalse();
    }

    @Test
    void editsOfABriefSurviveOpeningAnotherCustomer() {
        ReviewItem first = model.queue().get(0);
        ReviewItem second = model.queue().get(1);
        model.open(first.tpid());
        assertThat(model.briefProperty().get().customerName()).isEqualTo(first.customer().name());
        assertThat(model.briefProperty().get().missing()).contains(CustomerBrief.ASKS_MISSING);

        model.edit(BriefSection.ASKS, "- An executive sponsor call in July");
        model.open(second.tpid());
        assertThat(model.briefProperty().get().tpid()).isEqualTo(second.tpid());
        model.open(first.tpid());

        CustomerBrief back = model.briefProperty().get();
        assertThat(back.asks()).isEqualTo("- An executive sponsor call in July");
        assertThat(back.missing()).doesNotContain(CustomerBrief.ASKS_MISSING);

        model.regenerate();
        assertThat(model.briefProperty().get().asks()).isNotEqualTo("- An executive sponsor call in July");
    }

    @Test
    void exportWritesTheNominatedCustomersInQueueOrderWithTheEdits() throws Exception {
        ReviewItem first = model.queue().get(0);
        ReviewItem third = model.queue().get(2);
        model.nominate(third.tpid(), true);
        model.nominate(first.tpid(), true);
        model.open(third.tpid());
        model.edit(BriefSection.ASKS, "Budget for a migration partner");
        model.titleProperty().set("EMEA review");

        Path file = dir.resolve("out/pack.md");
        model.export(new MarkdownExporter(), file);

        String text = Files.readString(file);
        assertThat(text).contains("EMEA review", "Budget for a migration partner");
        assertThat(text.indexOf(first.customer().name())).isLessThan(text.lastIndexOf(third.customer().name()));
        assertThat(model.messageProperty().get()).startsWith("Exported 2 customers");
        assertThat(model.failedProperty().get()).isFalse();
    }

    @Test
    void exportingWithNobodyNominatedSaysSoAndWritesNothing() {
        Path file = dir.resolve("pack.md");
        model.export(new MarkdownExporter(), file);
        assertThat(file).doesNotExist();
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("Nominate at least one customer");
    }

    @Test
    void nominateAllTakesEveryCustomerShownAndClearTakesThemOff() {
        List<Long> shown = model.queue().stream().map(ReviewItem::tpid).toList();
        model.nominateAll(shown);
        assertThat(model.nominated()).containsExactlyElementsOf(shown);
        model.nominate(shown.get(0), false);
        assertThat(model.nominated()).doesNotContain(shown.get(0));
        model.clearNominations();
        assertThat(model.nominated()).isEmpty();
    }

    @Test
    void editsTitleAndNominationsAreKeptForTheNextSession() {
        Path draft = dir.resolve("store/review-draft.json");
        ReviewViewModel first = new ReviewViewModel(() -> StoreReviewSource.snapshot(store), HealthRules.defaults(),
                BackgroundTasks.immediate(), AppFixtures.clock(), java.util.Optional.of(draft));
        first.refresh();
        ReviewItem item = first.queue().get(0);
        first.open(item.tpid());
        first.edit(BriefSection.RISKS, "- The CISO leaves in August");
        first.nominate(item.tpid(), true);
        first.titleProperty().set("APAC review");

        ReviewViewModel next = new ReviewViewModel(() -> StoreReviewSource.snapshot(store), HealthRules.defaults(),
                BackgroundTasks.immediate(), AppFixtures.clock(), java.util.Optional.of(draft));
        next.refresh();
        assertThat(next.titleProperty().get()).isEqualTo("APAC review");
        assertThat(next.nominated()).containsExactly(item.tpid());
        next.open(item.tpid());
        assertThat(next.briefProperty().get().risks()).isEqualTo("- The CISO leaves in August");

        // starting again from the data forgets the edit for good
        next.regenerate();
        ReviewViewModel third = new ReviewViewModel(() -> StoreReviewSource.snapshot(store), HealthRules.defaults(),
                BackgroundTasks.immediate(), AppFixtures.clock(), java.util.Optional.of(draft));
        third.refresh();
        third.open(item.tpid());
        assertThat(third.briefProperty().get().risks()).isNotEqualTo("- The CISO leaves in August");
    }

    @Test
    void aDamagedDraftIsReportedAndTheQueueStillShows() throws Exception {
        Path draft = dir.resolve("store/review-draft.json");
        Files.writeString(draft, "not a pack");
        ReviewViewModel model = new ReviewViewModel(() -> StoreReviewSource.snapshot(store), HealthRules.defaults(),
                BackgroundTasks.immediate(), AppFixtures.clock(), java.util.Optional.of(draft));
        model.refresh();
        assertThat(model.queue()).isNotEmpty();
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).startsWith("Your saved brief edits could not be read:");
        assertThat(Files.readString(draft)).isEqualTo("not a pack");
    }

    @Test
    void anUnreadableStoreIsReportedNotThrown() {
        ReviewViewModel broken = new ReviewViewModel(() -> {
            throw new IllegalStateException("The workspace is closed.");
        }, HealthRules.defaults(), BackgroundTasks.immediate(), AppFixtures.clock());
        broken.refresh();
        assertThat(broken.failedProperty().get()).isTrue();
        assertThat(broken.messageProperty().get()).isEqualTo("The review queue could not be read: The workspace is closed.");
        assertThat(broken.queue()).isEmpty();
    }
}
