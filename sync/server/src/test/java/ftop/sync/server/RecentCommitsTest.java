package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.change.EntityKind;
import ftop.sync.protocol.ChangesPage;
import ftop.sync.protocol.RowChange;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What may be answered from memory: only a range of revisions whose every commit was heard of. */
class RecentCommitsTest {

    private static final long[] SCOPE = {0, 7, 9};

    private final RecentCommits recent = new RecentCommits("server");

    private static CommittedChanges touching(long after, long revision, long tpid) {
        return heard(ChangeNotice.of(after, revision, Set.of(tpid), Set.of()));
    }

    /** A commit heard of without its rows (another instance's, or an epoch started). */
    private static CommittedChanges heard(ChangeNotice notice) {
        return CommittedChanges.withoutRows(notice);
    }

    private RecentCommits started(long latest) {
        recent.start(latest, "old", "new", latest + 1);
        recent.rememberScope("fm", SCOPE, false, latest);
        return recent;
    }

    @Test
    void nothingIsAnsweredBeforeTheRangeStarts() {
        recent.publish(touching(10, 11, 5));
        recent.rememberScope("fm", SCOPE, false, 11);
        assertThat(recent.scope("fm")).isNull();
        assertThat(recent.quietPage("fm", SCOPE, 11, null)).isNull();
    }

    @Test
    void aQuietPullIsAnsweredUpToTheLatestCommitHeardOf() {
        started(10);
        recent.publish(touching(10, 12, 5));
        ChangesPage page = recent.quietPage("fm", SCOPE, 10, null);
        assertThat(page).isNotNull();
        assertThat(page.changes()).isEmpty();
        assertThat(page.next()).isEqualTo(12);
        assertThat(page.serverRevision()).isEqualTo(12);
        assertThat(page.more()).isFalse();
        assertThat(page.serverId()).isEqualTo("server");
    }

    @Test
    void aCommitTouchingTheScopeAfterTheCursorGoesToTheDatabase() {
        started(10);
        recent.publish(touching(10, 12, 9));
        recent.publish(touching(12, 13, 5));
        assertThat(recent.quietPage("fm", SCOPE, 10, null)).isNull();
        assertThat(recent.quietPage("fm", SCOPE, 12, null).next()).isEqualTo(13);
    }

    @Test
    void aCursorOutsideTheKnownRangeGoesToTheDatabase() {
        started(10);
        recent.publish(touching(10, 12, 5));
        assertThat(recent.quietPage("fm", SCOPE, 9, null)).as("older than the range").isNull();
        assertThat(recent.quietPage("fm", SCOPE, 13, null)).as("newer than heard of").isNull();
    }

    @Test
    void aMissingCommitHoldsTheRangeWhereItWasUntilItArrives() {
        started(10);
        recent.publish(touching(12, 13, 5));
        assertThat(recent.quietPage("fm", SCOPE, 10, null).next()).as("up to the gap").isEqualTo(10);
        assertThat(recent.quietPage("fm", SCOPE, 12, null)).isNull();
        recent.publish(touching(10, 12, 9));
        assertThat(recent.quietPage("fm", SCOPE, 10, null)).as("the late commit touches the scope").isNull();
        assertThat(recent.quietPage("fm", SCOPE, 12, null).next()).isEqualTo(13);
    }

    @Test
    void tooManyCommitsBehindAGapStartTheRangeAfresh() {
        started(10);
        for (int i = 0; i <= RecentCommits.MOST_WAITING; i++) {
            recent.publish(touching(20 + i, 21 + i, 5));
        }
        assertThat(recent.knownRange()).isEmpty();
        assertThat(recent.quietPage("fm", SCOPE, 10, null)).isNull();
        recent.start(100, "old", "new", 11);
        assertThat(recent.knownRange()).containsExactly(100, 100);
    }

    @Test
    void aNewEpochOrANoticeOfAnOlderServerStopsAnsweringFromMemory() {
        started(10);
        recent.publish(heard(ChangeNotice.epochStarted(10)));
        assertThat(recent.knownRange()).isEmpty();
        started(10);
        recent.publish(heard(new ChangeNotice(11, Set.of(5L), Set.of(), false, null, false)));
        assertThat(recent.knownRange()).isEmpty();
    }

    @Test
    void aScopeIsForgottenWhenACommitChangesIt() {
        started(10);
        assertThat(recent.scope("fm")).containsExactly(SCOPE);
        recent.publish(heard(ChangeNotice.of(10, 11, Set.of(), Set.of("fm"))));
        assertThat(recent.scope("fm")).isNull();
        assertThat(recent.quietPage("fm", SCOPE, 10, null)).isNull();
    }

    @Test
    void aScopeLookedAtNowAndThenOutlivesTheNoticesItWasCheckedAgainst() {
        started(10);
        long revision = 10;
        for (int i = 0; i < RecentCommits.KEPT * 2; i++) {
            recent.publish(touching(revision, revision + 1, 5));
            revision++;
            if (i % 1000 == 0) {
                assertThat(recent.scope("fm")).as("after %d commits", i).containsExactly(SCOPE);
            }
        }
        assertThat(recent.knownRange()[0]).as("the first notices are forgotten").isGreaterThan(10 + RecentCommits.KEPT / 2);
        assertThat(recent.scope("fm")).containsExactly(SCOPE);
        recent.rememberScope("fta", SCOPE, false, 10);
        assertThat(recent.scope("fta")).as("read before the oldest notice kept").isNull();
    }

    @Test
    void epochsAreCheckedAndHandedOutAsTheDatabaseWould() {
        started(10);
        recent.publish(touching(10, 11, 5));
        assertThat(recent.quietPage("fm", SCOPE, 10, "old").nextEpoch()).isEqualTo("new");
        assertThat(recent.quietPage("fm", SCOPE, 11, "new").nextEpoch()).isEqualTo("new");
        assertThat(recent.quietPage("fm", SCOPE, 11, "").nextEpoch()).isEqualTo("new");
        assertThat(recent.quietPage("fm", SCOPE, 10, "new")).as("another epoch: the database answers 409").isNull();
        assertThat(recent.quietPage("fm", SCOPE, 10, null).nextEpoch()).isNull();
    }

    /** A health row of customer {@code tpid} at {@code revision}, its body naming the revision. */
    private static StoredRow row(String id, long tpid, long revision) {
        return new StoredRow(EntityKind.HEALTH, id, tpid, revision, "{\"rev\":" + revision + "}", "lee",
                Instant.parse("2026-12-07T10:00:00Z"));
    }

    /** This instance's commit after {@code after} up to {@code last}, of {@code rows}. */
    private static CommittedChanges own(long after, long last, StoredRow... rows) {
        Set<Long> tpids = new TreeSet<>();
        for (StoredRow r : rows) {
            tpids.add(r.tpid());
        }
        return new CommittedChanges(ChangeNotice.of(after, last, tpids, Set.of()), List.of(rows));
    }

    @Test
    void theRowsOfOwnCommitsAreHandedOutInRevisionOrderEachAtItsLastRevision() {
        started(10);
        recent.publish(own(10, 12, row("a", 7, 11), row("b", 5, 12)));
        recent.publish(own(12, 13, row("c", 9, 13)));
        recent.publish(own(13, 14, row("a", 7, 14)));
        ChangesPage page = recent.page("fm", SCOPE, 10, null, 500);
        assertThat(page.changes()).extracting(c -> c.id() + "@" + c.revision()).containsExactly("c@13", "a@14");
        assertThat(page.changes().get(1).body().toString()).isEqualTo("{\"rev\":14}");
        assertThat(page.changes().get(1).changedBy()).isEqualTo("lee");
        assertThat(page.next()).isEqualTo(14);
        assertThat(page.serverRevision()).isEqualTo(14);
        assertThat(page.more()).isFalse();
        assertThat(page.droppedCustomers()).isEmpty();
        assertThat(recent.page("fm", SCOPE, 13, null, 500).changes()).extracting(RowChange::id).containsExactly("a");
        assertThat(recent.answeredWithRows()).isEqualTo(2);
        assertThat(recent.quietPage("fm", SCOPE, 10, null)).as("a quiet page only when nothing is new").isNull();
    }

    @Test
    void aTombstoneGoesOutAsOne() {
        started(10);
        recent.publish(own(10, 11, new StoredRow(EntityKind.HEALTH, "a", 7, 11, null, "lee", null)));
        RowChange change = recent.page("fm", SCOPE, 10, null, 500).changes().get(0);
        assertThat(change.body()).isNull();
        assertThat(change.revision()).isEqualTo(11);
    }

    @Test
    void whatMemoryCannotTellGoesToTheDatabase() {
        started(10);
        recent.publish(heard(ChangeNotice.of(10, 11, Set.of(7L), Set.of())));
        assertThat(recent.page("fm", SCOPE, 10, null, 500)).as("another instance's commit: no rows").isNull();
        recent.publish(own(11, 12, row("a", 7, 12)));
        assertThat(recent.page("fm", SCOPE, 11, null, 500)).isNotNull();
        assertThat(recent.page("fm", SCOPE, 11, null, 0)).as("more rows than the page takes").isNull();
        recent.publish(new CommittedChanges(ChangeNotice.everyone(12L, 13), List.of(row("b", 5, 13))));
        assertThat(recent.page("fm", SCOPE, 12, null, 500)).as("too large to list").isNull();
        recent.publish(new CommittedChanges(ChangeNotice.of(13, 14, Set.of(7L), Set.of("fm")), List.of(row("a", 7, 14))));
        assertThat(recent.page("fm", SCOPE, 13, null, 500)).as("the caller's scope changed").isNull();
    }

    @Test
    void aPartnersRowsComeFromTheDatabase() {
        recent.start(10, "old", "new", 11);
        recent.rememberScope("partner", SCOPE, true, 10);
        recent.publish(own(10, 11, row("a", 7, 11)));
        recent.publish(own(11, 12, row("b", 5, 12)));
        assertThat(recent.page("partner", SCOPE, 10, null, 500)).as("which tenants a partner sees").isNull();
        assertThat(recent.page("partner", SCOPE, 11, null, 500).changes()).as("nothing of theirs: quiet").isEmpty();
    }

    @Test
    void anOwnCommitHeardFirstAsANotificationStillKeepsItsRows() {
        started(10);
        CommittedChanges commit = own(10, 11, row("a", 7, 11));
        recent.publish(heard(commit.notice()));
        recent.publish(commit);
        assertThat(recent.page("fm", SCOPE, 10, null, 500).changes()).extracting(RowChange::id).containsExactly("a");
        // Waiting behind a missing commit: the notification without rows does not lose them either.
        CommittedChanges later = own(12, 13, row("b", 9, 13));
        recent.publish(later);
        recent.publish(heard(later.notice()));
        recent.publish(own(11, 12, row("c", 5, 12)));
        assertThat(recent.page("fm", SCOPE, 11, null, 500).changes()).extracting(RowChange::id).containsExactly("b");
    }

    @Test
    void theOldestRowsAreForgottenBeyondTheBound() {
        started(10);
        long revision = 10;
        for (int i = 0; i < RecentCommits.ROWS_KEPT / 100 + 1; i++) {
            StoredRow[] rows = new StoredRow[100];
            for (int j = 0; j < rows.length; j++) {
                rows[j] = row("r" + (revision + j + 1), 7, revision + j + 1);
            }
            recent.publish(own(revision, revision + rows.length, rows));
            revision += rows.length;
        }
        assertThat(recent.rowsKept()).isEqualTo(RecentCommits.ROWS_KEPT);
        assertThat(recent.page("fm", SCOPE, 10, null, 5000)).as("the first commit's rows are gone").isNull();
        assertThat(recent.page("fm", SCOPE, 110, null, 50_000).changes()).hasSize(RecentCommits.ROWS_KEPT);
    }
}
