package ftop.sync.server;

import ftop.core.user.User;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The password sessions this instance checked a moment ago, so that a desktop's stream of requests
 * (a long-poll answered and sent again, a push, a pull) does not ask the database who it is each
 * time: each check costs two queries on a small pool.
 *
 * <p>Kept by the SHA-256 of the token, as the database keeps it; the token itself is never held.
 * Only sessions found valid are remembered: an unknown or ended token goes to the database every
 * time (the sign-in throttle, not this, deals with guessing), so a fresh sign-in is never refused.
 *
 * <p>A remembered session is believed for {@link #TRUST} at most, and never past the token's
 * expiry. Anything that ends sessions forgets the person's remembered ones at once, on this
 * instance: signing out, an administrator disabling them ({@link AccountsApi}), and any commit that
 * changes the directory of people (deleting a user ends their sessions, {@link RowWrites}) or a
 * person's scope ({@link #heard}). On PostgreSQL the commits of the other instances arrive the same
 * way ({@link PgChangeListener}), so a user deleted or edited through another instance is forgotten
 * here as soon as the notice arrives. What takes no revision tells no other instance: a sign-out or
 * a disabling through another instance is honoured here within {@link #TRUST}, as is a notice lost
 * while the listening connection was down.
 *
 * <p>Forgetting is race-free without locks: every forgetting takes a new stamp, and a session read
 * from the database counts only if its read began after the last forgetting that concerns its user
 * (a read that started before a revocation committed may have seen the session still valid).
 */
final class SessionCache {

    /**
     * How long a checked session is believed without asking the database again. The same trade-off
     * every signed-token scheme (a JWT, OIDC access tokens) makes for the whole life of a token,
     * bounded much tighter: a revocation this instance does not hear of (a sign-out or a disabling
     * through another instance) takes effect here within this time; one it hears of, at once.
     */
    static final Duration TRUST = Duration.ofSeconds(10);

    /**
     * Sessions remembered at most; when full, all are forgotten and remembered again as they come.
     * 2,000 connected desktops hold 2,000; the bound only keeps a flood of sign-ins from growing the
     * heap (an entry holds a user and a hash, about half a kilobyte).
     */
    static final int MAX_ENTRIES = 50_000;

    private final Lookup lookup;
    private final Clock clock;
    private final ConcurrentHashMap<String, Remembered> sessions = new ConcurrentHashMap<>();
    /** Taken by every forgetting; a read remembers the stamp at which it began. */
    private final AtomicLong stamps = new AtomicLong();
    /** The stamp of the last forgetting of each person (only of people forgotten alone). */
    private final ConcurrentHashMap<String, Long> forgottenAt = new ConcurrentHashMap<>();
    /** The stamp of the last forgetting of everyone. */
    private final AtomicLong allForgottenAt = new AtomicLong();
    private final LongAdder fromMemory = new LongAdder();
    private final LongAdder fromDatabase = new LongAdder();

    /** A session found valid: its user, when it was checked and until when it is believed. */
    private record Remembered(User user, Instant checkedAt, Instant trustedUntil, long stamp) {
    }

    /** How a session is checked in the database. */
    @FunctionalInterface
    interface Lookup {
        /**
         * The valid session of the token whose SHA-256 is {@code tokenHash} at {@code now};
         * {@code forWrite} asks in the writes' lane of the admission queue.
         */
        Optional<Accounts.Session> find(String tokenHash, Instant now, boolean forWrite) throws SQLException;
    }

    /** Remembers the sessions checked in {@code db}, believing them for {@link #TRUST} by {@code clock}. */
    SessionCache(Database db, Clock clock) {
        this((hash, now, forWrite) -> forWrite
                ? db.readForWrite(c -> Accounts.sessionOf(c, hash, now))
                : db.read(c -> Accounts.sessionOf(c, hash, now)), clock);
    }

    /** Remembers the sessions {@code lookup} finds (tests stand in for the database with it). */
    SessionCache(Lookup lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /**
     * The user of the session {@code token}, if it is valid: from memory when it was checked within
     * {@link #TRUST} and nothing since ended it, else from the database. {@code forWrite} asks in
     * the writes' lane of the admission queue (a push's authentication does not queue behind pulls).
     */
    Optional<User> user(String token, boolean forWrite) throws SQLException {
        String hash = Accounts.sha256(token);
        Instant now = clock.instant();
        Remembered remembered = sessions.get(hash);
        if (remembered != null) {
            if (believed(remembered, now)) {
                fromMemory.increment();
                return Optional.of(remembered.user());
            }
            sessions.remove(hash, remembered);
        }
        long stamp = stamps.get();
        fromDatabase.increment();
        Optional<Accounts.Session> session = lookup.find(hash, now, forWrite);
        session.ifPresent(s -> remember(hash, s, now, stamp));
        return session.map(Accounts.Session::user);
    }

    private boolean believed(Remembered remembered, Instant now) {
        // A clock set back must not stretch the trust: a check "from the future" is not believed.
        return now.isBefore(remembered.trustedUntil()) && !now.isBefore(remembered.checkedAt())
                && remembered.stamp() >= allForgottenAt.get()
                && remembered.stamp() >= forgottenAt.getOrDefault(remembered.user().userId(), 0L);
    }

    private void remember(String hash, Accounts.Session session, Instant now, long stamp) {
        if (sessions.size() >= MAX_ENTRIES) {
            sessions.clear();
        }
        Instant until = now.plus(TRUST);
        sessions.put(hash, new Remembered(session.user(), now,
                session.expiresAt().isBefore(until) ? session.expiresAt() : until, stamp));
    }

    /**
     * Forgets every remembered session of {@code userId}: call it once a change that may end them
     * has committed (a read begun before the commit may still be remembered until then).
     */
    void forget(String userId) {
        long stamp = stamps.incrementAndGet();
        forgottenAt.merge(userId, stamp, Math::max);
        if (forgottenAt.size() > MAX_ENTRIES) {
            // Only people named since the last forgetting of everyone stay in this map: forgetting
            // everyone covers all older names, so the map stays bounded too.
            forgetEveryone();
        }
    }

    /** Forgets every remembered session. */
    void forgetEveryone() {
        long stamp = stamps.incrementAndGet();
        allForgottenAt.accumulateAndGet(stamp, Math::max);
        forgottenAt.values().removeIf(at -> at <= stamp);
        sessions.clear();
    }

    /**
     * Hears of a committed transaction (this instance's or, on PostgreSQL, another's): a change to
     * the directory of people (a user edited or deleted: their sessions may have ended, their
     * roles changed) forgets everyone, as does a commit too large to list; people whose scope
     * changed are forgotten; so is everyone when an instance opened the database (it may be a
     * restored copy).
     */
    void heard(ChangeNotice notice) {
        if (notice.everyone() || notice.epochStarted() || notice.tpids().contains(ScopeIndex.DIRECTORY_TPID)) {
            forgetEveryone();
        } else {
            notice.users().forEach(this::forget);
        }
    }

    /** How many sessions are remembered now (some perhaps no longer believed). */
    int size() {
        return sessions.size();
    }

    /** How many checks were answered from memory. */
    long answeredFromMemory() {
        return fromMemory.sum();
    }

    /** How many checks asked the database. */
    long askedDatabase() {
        return fromDatabase.sum();
    }
}
