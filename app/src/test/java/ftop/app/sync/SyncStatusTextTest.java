package ftop.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ftop.sync.client.CacheCheck;
import ftop.sync.client.SyncException;
import ftop.sync.client.SyncFailure;
import ftop.sync.client.SyncState;
import ftop.sync.client.SyncStatus;

class SyncStatusTextTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void saysHowLongAgoTheLastSyncWas() {
        assertThat(SyncStatusText.lastSync(Optional.empty(), NOW)).isEqualTo("Never synced");
        assertThat(SyncStatusText.lastSync(Optional.of(NOW.minusSeconds(20)), NOW)).isEqualTo("Synced just now");
        assertThat(SyncStatusText.lastSync(Optional.of(NOW.minus(Duration.ofMinutes(2))), NOW))
                .isEqualTo("Synced 2 min ago");
        assertThat(SyncStatusText.lastSync(Optional.of(NOW.minus(Duration.ofHours(3))), NOW)).isEqualTo("Synced 3 h ago");
        assertThat(SyncStatusText.lastSync(Optional.of(NOW.minus(Duration.ofHours(30))), NOW))
                .isEqualTo("Synced yesterday");
        assertThat(SyncStatusText.lastSync(Optional.of(NOW.minus(Duration.ofDays(5))), NOW))
                .isEqualTo("Synced 5 days ago");
    }

    @Test
    void saysWhatTheLastCacheCheckFound() {
        ZoneOffset zone = ZoneOffset.ofHours(1);
        assertThat(SyncStatusText.cacheCheck(Optional.empty(), zone)).isEmpty();
        assertThat(SyncStatusText.cacheCheck(Optional.of(new CacheCheck.Result(NOW, List.of(), 900, List.of())), zone))
                .contains("Cache verified 13:00");
        assertThat(SyncStatusText.cacheCheck(Optional.of(new CacheCheck.Result(NOW, List.of(1001L), 900, List.of())), zone))
                .contains("Repaired 1 customer 13:00");
        assertThat(SyncStatusText.cacheCheck(Optional.of(new CacheCheck.Result(NOW, List.of(1001L, 2002L), 900, List.of())), zone))
                .contains("Repaired 2 customers 13:00");
    }

    @Test
    void namesTheStateAndTheReasonOfAFailure() {
        SyncStatus initial = SyncStatus.initial(0, 0, Optional.empty());
        assertThat(SyncStatusText.state(initial)).isEqualTo("Connecting…");
        assertThat(SyncStatusText.state(initial.succeeded(NOW))).isEqualTo("Online");
        assertThat(SyncStatusText.reason(initial.succeeded(NOW))).isEmpty();
        assertThat(SyncStatusText.state(initial.withState(SyncState.SYNCING))).isEqualTo("Syncing…");

        SyncStatus offline = initial.failed(new SyncException(SyncFailure.UNREACHABLE, "Cannot reach http://x/"));
        assertThat(SyncStatusText.state(offline)).isEqualTo("Offline");
        assertThat(SyncStatusText.reason(offline)).contains("Cannot reach http://x/");

        SyncStatus login = initial.failed(new SyncException(SyncFailure.LOGIN_NEEDED, ""));
        assertThat(SyncStatusText.state(login)).isEqualTo("Sign in again to sync");
        assertThat(SyncStatusText.reason(login)).contains(SyncFailure.LOGIN_NEEDED.advice());

        String words = "The server's data was reset; the workspace is being synced again. Your 2 unsynced edits are kept.";
        SyncStatus resyncing = initial.failed(new SyncException(SyncFailure.RESYNCING, 409, SyncException.RESYNC, words, null));
        assertThat(SyncStatusText.state(resyncing)).isEqualTo("Syncing again");
        assertThat(SyncStatusText.reason(resyncing)).contains(words);
    }

    @Test
    void countsPendingChangesAndConflicts() {
        SyncStatus base = SyncStatus.initial(0, 0, Optional.empty());
        assertThat(SyncStatusText.pending(base)).isEqualTo("No pending changes");
        assertThat(SyncStatusText.pending(base.withCounts(1, 0))).isEqualTo("1 pending change");
        assertThat(SyncStatusText.pending(base.withCounts(4, 2))).isEqualTo("4 pending changes");
        assertThat(SyncStatusText.problems(base)).isEmpty();
        assertThat(SyncStatusText.problems(base.withCounts(4, 1))).contains("1 conflict");
        assertThat(SyncStatusText.problems(base.withCounts(4, 2))).contains("2 conflicts");
    }
}
