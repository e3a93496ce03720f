package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.sync.protocol.ChangesPage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What may be answered from memory: only a range of revisions whose every commit was heard of. */
class RecentCommitsTest {

    private static final long[] SCOPE = {0, 7, 9};

    private final RecentCommits recent = new RecentCommits("server");

    private static ChangeNotice touching(long after, long revision, long tpid) {
        return ChangeNotice.of(after, revision, Set.of(tpid), Set.of());
    }

    private RecentCommits started(long latest) {
        recent.start(latest, "old", "new", latest + 1);
        recent.rememberScope("fm", SCOPE, latest);
        return recent;
    }

    @Test
    void nothingIsAnsweredBeforeTheRangeStarts() {
        recent.publish(touching(10, 11, 5));
        recent.rememberScope("fm", SCOPE, 11);
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
        recent.publish(ChangeNotice.epochStarted(10));
        assertThat(recent.knownRange()).isEmpty();
        started(10);
        recent.publish(new ChangeNotice(11, Set.of(5L), Set.of(), false, null, false));
        assertThat(recent.knownRange()).isEmpty();
    }

    @Test
    void aScopeIsForgottenWhenACommitChangesIt() {
        started(10);
        assertThat(recent.scope("fm")).containsExactly(SCOPE);
        recent.publish(ChangeNotice.of(10, 11, Set.of(), Set.of("fm")));
        assertThat(recent.scope("fm")).isNull();
        assertThat(recent.quietPage("fm", SCOPE, 10, null)).isNull();
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
}
