package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncStatusTest {

    @Test
    void unreachableMeansOfflineOtherFailuresMeanFailing() {
        SyncStatus start = SyncStatus.initial(3, 1, Optional.empty());
        SyncStatus offline = start.failed(new SyncException(SyncFailure.UNREACHABLE, "no route"));
        SyncStatus login = start.failed(new SyncException(SyncFailure.LOGIN_NEEDED, null));

        assertThat(offline.state()).isEqualTo(SyncState.OFFLINE);
        assertThat(offline.failure()).contains(SyncFailure.UNREACHABLE);
        assertThat(offline.message()).contains("no route");
        assertThat(login.state()).isEqualTo(SyncState.FAILING);
        assertThat(login.message()).contains(SyncFailure.LOGIN_NEEDED.advice());
        assertThat(login.pendingCount()).isEqualTo(3);
        assertThat(login.problemCount()).isEqualTo(1);
    }

    @Test
    void successClearsTheFailureAndRecordsTheTime() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        SyncStatus status = SyncStatus.initial(0, 0, Optional.empty())
                .failed(new SyncException(SyncFailure.SERVER_ERROR, "boom"))
                .withState(SyncState.SYNCING)
                .withProgress(Optional.of(0.4));
        assertThat(status.failure()).contains(SyncFailure.SERVER_ERROR);

        SyncStatus ok = status.succeeded(now);
        assertThat(ok.state()).isEqualTo(SyncState.ONLINE);
        assertThat(ok.failure()).isEmpty();
        assertThat(ok.message()).isEmpty();
        assertThat(ok.lastSuccess()).contains(now);
        assertThat(ok.firstSyncProgress()).isEmpty();
    }

    @Test
    void progressIsClampedToZeroToOne() {
        SyncStatus status = SyncStatus.initial(0, 0, Optional.empty());
        assertThat(status.withProgress(Optional.of(1.7)).firstSyncProgress()).contains(1.0);
        assertThat(status.withProgress(Optional.of(-0.2)).firstSyncProgress()).contains(0.0);
    }
}
