package ftop.app.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import ftop.sync.client.CacheCheck;
import ftop.sync.client.SyncFailure;
import ftop.sync.client.SyncState;
import ftop.sync.client.SyncStatus;

/**
 * The words the status bar uses for a {@link SyncStatus}: what state sync is in (and why it fails),
 * how many changes wait, and how long ago the last sync succeeded. Pure functions, so the wording is
 * tested without a window.
 */
public final class SyncStatusText {

    /** What the status bar says while the server waits for a new sign-in; edits queue meanwhile. */
    public static final String SIGN_IN_AGAIN = "Sign in again to sync";

    private static final DateTimeFormatter CHECK_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private SyncStatusText() {
    }

    /** "Online", "Offline", "Syncing…", or "Sign in again to sync" and the like for a failure. */
    public static String state(SyncStatus status) {
        return switch (status.state()) {
            case ONLINE -> "Online";
            case SYNCING -> "Syncing…";
            // Offline without a failure: no sync has been tried yet since the start.
            case OFFLINE -> status.failure().isEmpty() ? "Connecting…" : "Offline";
            case FAILING -> status.failure().map(SyncStatusText::failureTitle).orElse("Sync failing");
        };
    }

    private static String failureTitle(SyncFailure failure) {
        return switch (failure) {
            case LOGIN_NEEDED -> SIGN_IN_AGAIN;
            case SERVER_ERROR -> "Server error";
            case BAD_ANSWER -> "Unreadable server answer";
            case RESYNCING -> "Syncing again";
            case UNREACHABLE -> "Offline";
        };
    }

    /** The reason in words for a failing or offline state; empty when all is well. */
    public static Optional<String> reason(SyncStatus status) {
        if (status.state() == SyncState.ONLINE || status.failure().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(status.message().filter(m -> !m.isBlank()).orElse(status.failure().get().advice()));
    }

    /** "No pending changes", "1 pending change", "4 pending changes". */
    public static String pending(SyncStatus status) {
        int n = status.pendingCount();
        return n == 0 ? "No pending changes" : n == 1 ? "1 pending change" : n + " pending changes";
    }

    /** "1 conflict", "3 conflicts"; empty when there is nothing to decide. */
    public static Optional<String> problems(SyncStatus status) {
        int n = status.problemCount();
        return n == 0 ? Optional.empty() : Optional.of(n == 1 ? "1 conflict" : n + " conflicts");
    }

    /** "Never synced", "Synced just now", "Synced 2 min ago", "Synced 3 h ago", "Synced 2 days ago". */
    public static String lastSync(Optional<Instant> lastSuccess, Instant now) {
        if (lastSuccess.isEmpty()) {
            return "Never synced";
        }
        Duration ago = Duration.between(lastSuccess.get(), now);
        if (ago.isNegative() || ago.toSeconds() < 60) {
            return "Synced just now";
        }
        if (ago.toMinutes() < 60) {
            return "Synced " + ago.toMinutes() + " min ago";
        }
        if (ago.toHours() < 24) {
            return "Synced " + ago.toHours() + " h ago";
        }
        long days = ago.toDays();
        return days == 1 ? "Synced yesterday" : "Synced " + days + " days ago";
    }

    /**
     * "Cache verified 10:42", "Repaired 1 customer 10:42", "Repaired 3 customers 10:42": what the
     * last cache check found, at {@code zone}'s time of day; empty before the first check.
     */
    public static Optional<String> cacheCheck(Optional<CacheCheck.Result> last, ZoneId zone) {
        return last.map(result -> {
            String time = CHECK_TIME.format(result.at().atZone(zone));
            int repaired = result.repaired().size();
            return result.verified() ? "Cache verified " + time
                    : "Repaired " + repaired + (repaired == 1 ? " customer " : " customers ") + time;
        });
    }
}
