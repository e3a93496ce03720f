package ftop.sync.server;

import ftop.core.user.User;
import ftop.sync.protocol.LoginRequest;
import ftop.sync.protocol.LoginResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/session} (sign in), {@code GET /api/v1/session} (who the token belongs to:
 * how a desktop signed in through the identity provider learns its user) and
 * {@code DELETE /api/v1/session} (sign out).
 */
final class SessionApi {

    /** Every sign-in attempt, its outcome and address; never a password. */
    private static final Logger AUDIT = LoggerFactory.getLogger("ftop.sync.server.SignIn");

    private final Database db;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final SignInThrottle throttle;
    private final SessionCache sessions;
    /**
     * The slow hash is pure CPU: one per core at a time, the others wait their turn in order. A
     * crowd signing in at once then finishes one by one at full speed, instead of all crawling
     * together for the whole time and starving every other request of CPU.
     */
    private final Semaphore hashSlots = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    SessionApi(Database db, Clock clock, Duration tokenLifetime, SignInThrottle.Policy signIn, SessionCache sessions) {
        this.db = db;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.throttle = new SignInThrottle(signIn, clock);
        this.sessions = sessions;
    }

    void register(RoutesConfig routes) {
        routes.post(FtopServer.API + "/session", this::login);
        routes.get(FtopServer.API + "/session", this::whoAmI);
        routes.delete(FtopServer.API + "/session", this::logout);
    }

    /** The signed-in user, as a sign-in names them; the token is the caller's own and not repeated. */
    private void whoAmI(Context ctx) {
        User u = Http.user(ctx);
        Http.json(ctx, 200, new LoginResponse(null, null, u.userId(), u.displayName(),
                List.copyOf(new TreeSet<>(u.roles())), db.serverId()));
    }

    private void login(Context ctx) throws SQLException {
        LoginRequest request = Http.body(ctx, LoginRequest.class);
        if (request.userName() == null || request.userName().isBlank()) {
            throw ApiException.badRequest("\"userName\" is required", "userName");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw ApiException.badRequest("\"password\" is required", "password");
        }
        String userName = request.userName().trim();
        String address = ctx.ip();
        Optional<SignInThrottle.Refusal> refusal = throttle.begin(userName, address);
        if (refusal.isPresent()) {
            // Refusals cost nothing and come by the thousand in an attack: the lock itself is logged once.
            AUDIT.debug("Sign-in refused for {} from {}: {}", loggable(userName), address, refusal.get().locked() ? "locked" : "too soon");
            throw ApiException.tooManyAttempts((refusal.get().locked()
                    ? "Too many wrong passwords: signing in is locked for now."
                    : "Too many wrong passwords.") + " Try again in " + refusal.get().retryAfterSeconds() + " s.",
                    refusal.get().retryAfterSeconds());
        }
        Accounts.Credential credential;
        Optional<User> user;
        try {
            // The slow hash runs between two short reads, never while holding a pooled connection.
            Accounts.Credential stored = db.read(c -> Accounts.credential(c, userName, db.passwordIterations()));
            credential = stored;
            user = hashing(() -> Accounts.matches(stored, request.password()))
                    ? db.read(c -> Accounts.user(c, userName)) : Optional.empty();
            if (user.isEmpty()) {
                throttle.failed(userName, address);
                AUDIT.info("Sign-in failed for {} from {}", loggable(userName), address);
                throw ApiException.unauthorized("Wrong user name or password");
            }
            throttle.succeeded(userName, address);
        } finally {
            throttle.end(userName, address);
        }
        AUDIT.info("Sign-in of {} from {}", loggable(userName), address);
        upgradeHash(userName, credential, request.password());
        Instant now = clock.instant();
        Instant expires = now.plus(tokenLifetime);
        String token = db.inTransaction(c -> {
            Accounts.sweepExpired(c, now);
            return Accounts.issueToken(c, userName, now, expires);
        }).orElseThrow(() -> ApiException.forbidden("This account is disabled; ask an administrator to enable it."));
        User u = user.get();
        Http.json(ctx, 200, new LoginResponse(token, expires, u.userId(), u.displayName(),
                List.copyOf(new TreeSet<>(u.roles())), db.serverId()));
    }

    /** The one moment the server knows the password: replaces a hash weaker than today's. */
    private void upgradeHash(String userName, Accounts.Credential credential, String password) throws SQLException {
        if (!credential.olderThan(db.passwordIterations())) {
            return;
        }
        Accounts.Credential fresh = hashing(() -> Accounts.rehash(password, db.passwordIterations()));
        db.inTransaction(c -> {
            Accounts.replaceHash(c, userName, credential, fresh);
            return null;
        });
        AUDIT.info("Password hash of {} upgraded from {} ({} rounds) to {} ({} rounds)", loggable(userName),
                credential.algorithm(), credential.iterations(), fresh.algorithm(), fresh.iterations());
    }

    /** A name typed by anyone, safe for one log line: no control characters, not too long. */
    static String loggable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "..." : clean;
    }

    /** Runs the slow hash {@code work} when a core is free for it. */
    private <T> T hashing(Supplier<T> work) {
        try {
            if (!hashSlots.tryAcquire(Database.PoolSettings.DEFAULT_MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(503, "busy", "Too many people are signing in at once; try again shortly.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "busy", "The server is busy; try again shortly.", null);
        }
        try {
            return work.get();
        } finally {
            hashSlots.release();
        }
    }

    private void logout(Context ctx) throws SQLException {
        User user = Http.user(ctx);
        String token = ctx.attribute(Http.TOKEN);
        db.inTransaction(c -> Accounts.revoke(c, token, clock.instant()));
        // The person's other sessions are checked again too: cheaper than a race-free forgetting of one.
        sessions.forget(user.userId());
        ctx.status(204);
    }
}
