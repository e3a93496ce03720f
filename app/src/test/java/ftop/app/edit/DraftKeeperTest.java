package ftop.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftop.app.tasks.BackgroundTasks;
import ftop.app.tasks.VirtualScheduler;
import ftop.core.store.Draft;
import ftop.core.store.LocalStore;

/**
 * The draft keeper on a real workspace file and virtual time: a draft is written 500 ms after the
 * last change (at the latest 5 s after the first), with the latest values; it goes at once when the
 * form holds nothing unsaved any more; nothing ever reaches the outbox.
 */
class DraftKeeperTest {

    private static final Instant START = Instant.parse("2021-05-03T14:32:00Z");
    private static final long TPID = 10_404_073;

    @TempDir
    Path dir;

    private LocalStore store;
    private final VirtualScheduler time = new VirtualScheduler(START);
    private DraftKeeper keeper;
    private final TypedForm form = new TypedForm();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir);
        keeper = new DraftKeeper(Optional.of(store.drafts()), BackgroundTasks.immediate(), time, time.clock());
        OpenForms forms = new OpenForms();
        forms.whenRegistered(keeper::watch);
        forms.register(form);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Optional<Draft> kept() {
        return store.drafts().get(DraftForm.HEALTH_PERSPECTIVE.id(), Long.toString(TPID));
    }

    @Test
    void aDraftIsWrittenHalfASecondAfterTheLastChangeWithTheLatestValues() {
        form.startEditing();
        form.type("mindset", "AVERSE");
        time.advance(Duration.ofMillis(300));
        form.type("mindset", "COMPETE");
        time.advance(Duration.ofMillis(499));
        assertThat(kept()).as("499 ms after the last change").isEmpty();

        time.advance(Duration.ofMillis(1));
        Draft draft = kept().orElseThrow();
        assertThat(draft.values()).containsEntry("mindset", "COMPETE");
        assertThat(draft.base()).containsEntry("mindset", "ALIGNED");
        assertThat(draft.tpid()).isEqualTo(TPID);
        assertThat(draft.savedAt()).as("when it was typed").isEqualTo(START.plusMillis(300));
        assertThat(keeper.lastWrittenProperty().get()).isEqualTo(draft);
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void someoneTypingWithoutPauseHasADraftWrittenEveryFiveSeconds() {
        form.startEditing();
        for (int i = 0; i < 30; i++) {
            form.type("businessReason", "typed " + i);
            time.advance(Duration.ofMillis(200));
        }
        // a change every 200 ms for 6 s, never a pause of 500 ms: what was typed by 5 s is on disk
        assertThat(kept().orElseThrow().values().get("businessReason")).isEqualTo("typed 24");
        assertThat(kept().orElseThrow().savedAt()).isEqualTo(START.plusMillis(4800));
        time.advance(Duration.ofMillis(500));
        assertThat(kept().orElseThrow().values().get("businessReason")).isEqualTo("typed 29");
    }

    @Test
    void savingCancellingOrTypingBackDeletesTheDraftAtOnce() {
        form.startEditing();
        form.type("mindset", "COMPETE");
        time.advance(Duration.ofSeconds(1));
        assertThat(kept()).isPresent();

        // typed back to what is saved: nothing unsaved, no draft (no timer needed)
        form.type("mindset", "ALIGNED");
        assertThat(kept()).isEmpty();

        form.type("mindset", "AVERSE");
        time.advance(Duration.ofSeconds(1));
        assertThat(kept()).isPresent();
        form.discard();
        assertThat(kept()).as("Cancel").isEmpty();

        // a change noted but not written yet, then Cancel: nothing is written later either
        form.startEditing();
        form.type("mindset", "COMPETE");
        form.discard();
        time.advance(Duration.ofSeconds(1));
        assertThat(kept()).isEmpty();
        assertThat(time.waiting()).isZero();
    }

    @Test
    void whatIsNotedButNotWrittenIsWrittenWhenTheProcessEnds() {
        form.startEditing();
        form.type("mindset", "COMPETE");
        assertThat(kept()).isEmpty();

        assertThat(keeper.writePendingNow()).isEqualTo(1);
        assertThat(kept().orElseThrow().values()).containsEntry("mindset", "COMPETE");
        assertThat(keeper.writePendingNow()).as("nothing noted twice").isZero();
    }

    @Test
    void aDraftFromBeforeStaysUntilAFormHoldsItAgainThenGoesWithThatForm() {
        Map<String, String> base = Map.of("mindset", "ALIGNED", "businessReason", "");
        Draft before = new Draft(DraftForm.HEALTH_PERSPECTIVE.id(), Long.toString(TPID), TPID,
                Map.of("mindset", "COMPETE", "businessReason", ""), base, START.minusSeconds(3600));
        store.drafts().put(before);
        store.drafts().put(new Draft(DraftForm.FORECAST.id(), Long.toString(TPID), TPID, Map.of("x", "1"), Map.of(),
                START.minusSeconds(3600)));

        // the same form opens and closes without holding it: the draft from before stays
        form.startEditing();
        form.discard();
        assertThat(kept()).contains(before);

        // restored into the form, the form owns it: Cancel deletes it
        form.startEditing();
        form.type("mindset", "COMPETE");
        keeper.adopt(before);
        form.discard();
        assertThat(kept()).isEmpty();

        // restored, but holding nothing unsaved (the row says the same by now): deleted at once
        store.drafts().put(before);
        form.startEditing();
        keeper.adopt(before);
        assertThat(kept()).isEmpty();

        keeper.discard(store.drafts().get(DraftForm.FORECAST.id(), Long.toString(TPID)).orElseThrow());
        assertThat(store.drafts().all()).isEmpty();
    }

    @Test
    void aWorkspaceWithoutAStoreKeepsNothingAndDoesNotFail() {
        DraftKeeper none = new DraftKeeper(Optional.empty(), BackgroundTasks.immediate(), time, time.clock());
        TypedForm other = new TypedForm();
        none.watch(other);
        other.startEditing();
        other.type("mindset", "COMPETE");
        time.advance(Duration.ofSeconds(1));
        assertThat(none.writePendingNow()).isZero();
        assertThat(store.drafts().all()).isEmpty();
    }

    /** A form of a few text fields, open or not: dirty while open with values that differ from its base. */
    private static final class TypedForm implements OpenForm {

        private final Map<String, String> base = new LinkedHashMap<>(Map.of("mindset", "ALIGNED", "businessReason", ""));
        private final Map<String, String> values = new LinkedHashMap<>(base);
        private final List<Runnable> listeners = new ArrayList<>();
        private boolean open;

        void startEditing() {
            open = true;
            values.putAll(base);
            listeners.forEach(Runnable::run);
        }

        void type(String field, String text) {
            values.put(field, text);
            listeners.forEach(Runnable::run);
        }

        @Override
        public String owner() {
            return "Contoso";
        }

        @Override
        public String title() {
            return "Customer Perspective";
        }

        @Override
        public boolean hasUnsavedChanges() {
            return open && !values.equals(base);
        }

        @Override
        public void save(Consumer<Boolean> done) {
            open = false;
            listeners.forEach(Runnable::run);
            done.accept(true);
        }

        @Override
        public void discard() {
            open = false;
            listeners.forEach(Runnable::run);
        }

        @Override
        public void reveal() {
        }

        @Override
        public void addChangeListener(Runnable listener) {
            listeners.add(listener);
        }

        @Override
        public Optional<DraftKey> draftKey() {
            return Optional.of(DraftKey.ofCustomer(DraftForm.HEALTH_PERSPECTIVE, TPID));
        }

        @Override
        public Map<String, String> draftValues() {
            return Map.copyOf(values);
        }

        @Override
        public Map<String, String> draftBase() {
            return Map.copyOf(base);
        }
    }
}
