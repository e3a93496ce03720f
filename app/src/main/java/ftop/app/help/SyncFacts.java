package ftop.app.help;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import java.util.stream.Collectors;

import ftop.app.sync.SyncSession;
import ftop.sync.client.CacheCheck;
import ftop.sync.client.SyncStatus;

/**
 * Where the workspace's sync stands, for support.
 *
 * @param state       online, offline, failing, syncing, or local only (no server)
 * @param server      the server's URL; empty for a local-only workspace
 * @param demo        true when the server is the demo's own, inside the app
 * @param user        who signed in last
 * @param lastSuccess when a sync last completed
 * @param problem     what the last failed sync said; empty after a success
 * @param cacheCheck  what the last cache check found, and the last repair; empty before the first check
 */
public record SyncFacts(String state, Optional<String> server, boolean demo, Optional<String> user,
        Optional<Instant> lastSuccess, Optional<String> problem, Optional<String> cacheCheck) {

    /** The state of a workspace that no server is connected to. */
    public static final String LOCAL_ONLY = "local only (not connected to a server)";

    public SyncFacts {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(cacheCheck, "cacheCheck");
    }

    /** Facts without a cache check. */
    public SyncFacts(String state, Optional<String> server, boolean demo, Optional<String> user,
            Optional<Instant> lastSuccess, Optional<String> problem) {
        this(state, server, demo, user, lastSuccess, problem, Optional.empty());
    }

    /**
     * These facts with what {@code session}'s last cache check found ("verified at ...", "repaired
     * customers 1001, 2002 at ...") and its last repair. Reads the workspace: off the FX thread.
     */
    public SyncFacts withCacheCheck(SyncSession session) {
        Optional<CacheCheck.Result> last = session.lastCacheCheck();
        if (last.isEmpty()) {
            return this;
        }
        String text = describe(last.get());
        Optional<CacheCheck.Result> repair = session.lastCacheRepair();
        if (repair.isPresent() && !repair.get().at().equals(last.get().at())) {
            text += "; last " + describe(repair.get());
        }
        return new SyncFacts(state, server, demo, user, lastSuccess, problem, Optional.of(text));
    }

    private static String describe(CacheCheck.Result result) {
        return (result.verified() ? "verified" : "repaired customers " + result.repaired().stream().map(String::valueOf)
                .collect(Collectors.joining(", "))) + " at " + result.at();
    }

    /** What {@code session} says now; no database or network access. */
    public static SyncFacts of(SyncSession session) {
        if (!session.connected()) {
            return new SyncFacts(LOCAL_ONLY, Optional.empty(), false, session.user(), Optional.empty(),
                    Optional.empty());
        }
        SyncStatus status = session.status();
        return new SyncFacts(status.state().name().toLowerCase(Locale.ROOT),
                session.server().map(Object::toString), session.demo().isPresent(), session.user(),
                status.lastSuccess(), status.message());
    }

    /** A workspace without sync (opened from a generated data set). */
    public static SyncFacts none(Optional<String> user) {
        return new SyncFacts(LOCAL_ONLY, Optional.empty(), false, user, Optional.empty(), Optional.empty());
    }
}
