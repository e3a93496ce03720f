package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityKind;
import ftop.core.change.FieldChange;
import ftop.core.validation.Contoso;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of customers' field history: what was fetched stays, across a restart, until the customer leaves. */
class StoreHistoryTest {

    @TempDir
    Path dir;

    private static final Instant MARCH = Instant.parse("2026-03-01T06:00:00Z");

    private static FieldChange change(long revision, String field, long from, long to) {
        return new FieldChange(revision, MARCH.plusSeconds(revision), "usage-feed", "usage", Contoso.TPID + ":EXCHANGE",
                field, from < 0 ? null : LongNode.valueOf(from), LongNode.valueOf(to));
    }

    @Test
    void fetchedEntriesAreKeptOnceWithTheirCursorAndTime() {
        Instant fetched = Instant.parse("2026-11-27T10:00:00Z");
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            CustomerHistory none = store.history(Contoso.TPID);
            assertThat(none.entries()).isEmpty();
            assertThat(none.lastRevision()).isZero();
            assertThat(none.fetchedAt()).isEmpty();
            List<String> heard = new java.util.ArrayList<>();
            store.addListener(change -> heard.add(change.kinds().toString()));

            store.addHistory(Contoso.TPID, List.of(change(5, "active", -1, 10), change(5, "entitled", -1, 100),
                    new FieldChange(6, MARCH, "admin", "usage", Contoso.TPID + ":INTUNE", "", TextNode.valueOf("{}"),
                            NullNode.getInstance())), 6, fetched);
            // a repeated entry (a fetch that overlapped) is kept once; the cursor never moves back
            store.addHistory(Contoso.TPID, List.of(change(5, "active", -1, 10), change(9, "active", 10, 20)), 9,
                    fetched.plusSeconds(60));
            store.addHistory(Contoso.TPID, List.of(), 3, fetched.plusSeconds(120));
            assertThat(heard).isEmpty();
        }
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            CustomerHistory history = store.history(Contoso.TPID);
            assertThat(history.entries()).extracting(FieldChange::revision).containsExactly(5L, 5L, 6L, 9L);
            assertThat(history.entries().get(0).field()).isEqualTo("active");
            assertThat(history.entries().get(0).from().isNull()).isTrue();
            assertThat(history.entries().get(3).from().asLong()).isEqualTo(10);
            assertThat(history.entries().get(2).deletesRow()).isTrue();
            assertThat(history.entries().get(3).at()).isEqualTo(MARCH.plusSeconds(9));
            assertThat(history.lastRevision()).isEqualTo(9);
            assertThat(history.fetchedAt()).contains(fetched.plusSeconds(120));
            assertThat(store.history(Contoso.FABRIKAM.tpid()).entries()).isEmpty();

            // the customer leaves the user's scope: its history goes with it
            store.applyPull(List.of(), Set.of(Contoso.TPID), 20);
            assertThat(store.history(Contoso.TPID).entries()).isEmpty();
            assertThat(store.history(Contoso.TPID).fetchedAt()).isEmpty();
            assertThat(EntityKind.USAGE.wireName()).isEqualTo("usage");
        }
    }
}
