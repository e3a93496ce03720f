package ftop.sync.server;

import ftop.core.change.EntityKind;
import ftop.core.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Sign-in accounts and bearer tokens. Passwords are kept as salted PBKDF2-HMAC-SHA512 hashes
 * (slow on purpose; older HMAC-SHA256 or cheaper hashes are replaced at the next sign-in); tokens are 256 random bits, given to the client once and stored only as
 * their SHA-256, with an expiry and the generation of the user's access: deleting or disabling
 * a user starts a new generation, which ends every older token.
 */
final class Accounts {

    /** The production cost of a password hash: OWASP's advice for PBKDF2-HMAC-SHA512 (Password Storage Cheat Sheet). */
    static final int ITERATIONS = 210_000;
    /** The hash every password set from now on gets. */
    static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    /** What hashes from before {@link #ALGORITHM} used (still checked, replaced at the next sign-in). */
    static final String LEGACY_ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int KEY_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Hashed when the user is unknown, so that a wrong name takes as long as a wrong password. */
    private static final byte[] DUMMY_SALT = new byte[16];

    private Accounts() {
    }

    private static final String INSERT =
            "INSERT INTO account (user_id, password_hash, salt, iterations, algorithm) VALUES (?, ?, ?, ?, ?)";

    /** Sets (or replaces) the password of {@code userId}, hashed with {@code iterations} rounds. */
    static void setPassword(Connection c, String userId, String password, int iterations) throws SQLException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String hash = HexFormat.of().formatHex(pbkdf2(ALGORITHM, password, salt, iterations));
        try (PreparedStatement del = c.prepareStatement("DELETE FROM account WHERE user_id = ?")) {
            del.setString(1, userId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, userId);
            ps.setString(2, hash);
            ps.setString(3, HexFormat.of().formatHex(salt));
            ps.setInt(4, iterations);
            ps.setString(5, ALGORITHM);
            ps.executeUpdate();
        }
    }

    /**
     * Gives every user in {@code userIds} the same password, hashing it once. For demo and test
     * workspaces only, where hundreds of people share the password "demo": hashing it per person
     * would take minutes, and a shared salt protects nothing less there.
     */
    static void setSharedPassword(Connection c, Iterable<String> userIds, String password, int iterations)
            throws SQLException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String hash = HexFormat.of().formatHex(pbkdf2(ALGORITHM, password, salt, iterations));
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (String userId : userIds) {
                ps.setString(1, userId);
                ps.setString(2, hash);
                ps.setString(3, HexFormat.of().formatHex(salt));
                ps.setInt(4, iterations);
                ps.setString(5, ALGORITHM);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The stored hash of {@code userId}, or a dummy one of {@code iterations} rounds (what new
     * passwords get) for an unknown user, so that checking it costs the same time (no user-name
     * probing by timing).
     */
    static Credential credential(Connection c, String userId, int iterations) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT password_hash, salt, iterations, algorithm FROM account WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new Credential(rs.getString(1), HexFormat.of().parseHex(rs.getString(2)), rs.getInt(3),
                            rs.getString(4));
                }
            }
        }
        return new Credential(null, DUMMY_SALT, iterations, ALGORITHM);
    }

    /**
     * A new hash of {@code password} ({@link #ALGORITHM}, {@code iterations} rounds, a salt of its
     * own) to replace {@code old} with {@link #replaceHash}. Slow: run it with no connection held.
     */
    static Credential rehash(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Credential(HexFormat.of().formatHex(pbkdf2(ALGORITHM, password, salt, iterations)), salt,
                iterations, ALGORITHM);
    }

    /**
     * Replaces the hash of {@code userId} with {@code fresh}, unless the password changed meanwhile
     * (the stored hash is no longer {@code old}).
     */
    static void replaceHash(Connection c, String userId, Credential old, Credential fresh) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE account SET password_hash = ?, salt = ?, iterations = ?, "
                + "algorithm = ? WHERE user_id = ? AND password_hash = ?")) {
            ps.setString(1, fresh.hash());
            ps.setString(2, HexFormat.of().formatHex(fresh.salt()));
            ps.setInt(3, fresh.iterations());
            ps.setString(4, fresh.algorithm());
            ps.setString(5, userId);
            ps.setString(6, old.hash());
            ps.executeUpdate();
        }
    }

    /**
     * True when {@code password} matches {@code credential}. The slow hash runs here, with no
     * database connection held, so many people signing in at once do not starve the pool.
     */
    static boolean matches(Credential credential, String password) {
        byte[] computed = pbkdf2(credential.algorithm(), password, credential.salt(), credential.iterations());
        return credential.hash() != null && MessageDigest.isEqual(computed, HexFormat.of().parseHex(credential.hash()));
    }

    /** A stored password hash; {@code hash} null for an unknown user. */
    record Credential(String hash, byte[] salt, int iterations, String algorithm) {

        /** True when this hash is weaker than what a password set now gets: replace it at sign-in. */
        boolean olderThan(int currentIterations) {
            return hash != null && (!ALGORITHM.equals(algorithm) || iterations < currentIterations);
        }
    }

    /**
     * A new token for {@code userId}, valid until {@code expiresAt}, bound to the user's current
     * generation; empty when the user is disabled. Only its hash is stored.
     */
    static Optional<String> issueToken(Connection c, String userId, Instant now, Instant expiresAt) throws SQLException {
        Access access = access(c, userId);
        if (access.disabled()) {
            return Optional.empty();
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_token (token_hash, user_id, created_at, "
                + "expires_at, generation) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, sha256(token));
            ps.setString(2, userId);
            ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setObject(4, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            ps.setLong(5, access.generation());
            ps.executeUpdate();
        }
        return Optional.of(token);
    }

    /** Whether a person may use the server, and the generation their tokens must carry. */
    record Access(long generation, boolean disabled) {
    }

    /** The access of {@code userId}: generation 0 and enabled when nothing was ever recorded. */
    static Access access(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT generation, disabled FROM user_access WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Access(rs.getLong(1), rs.getBoolean(2)) : new Access(0, false);
            }
        }
    }

    /**
     * Ends every session of {@code userId} (a new generation: tokens issued before are refused even
     * if one survived) and records whether the person is {@code disabled}.
     */
    static void revokeAll(Connection c, String userId, boolean disabled) throws SQLException {
        Access old = access(c, userId);
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE user_access SET generation = ?, disabled = ? WHERE user_id = ?")) {
            ps.setLong(1, old.generation() + 1);
            ps.setBoolean(2, disabled);
            ps.setString(3, userId);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO user_access (user_id, generation, disabled) VALUES (?, ?, ?)")) {
                ps.setString(1, userId);
                ps.setLong(2, old.generation() + 1);
                ps.setBoolean(3, disabled);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_token WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
    }

    /**
     * Forgets a deleted user: every session ends and the password goes, so that a user created
     * later with the same id is a new person who neither inherits the tokens nor the password.
     */
    static void forget(Connection c, String userId) throws SQLException {
        revokeAll(c, userId, false);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM account WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
    }

    /** Lets a disabled person in again (they sign in anew: their old tokens stay revoked). */
    static void enable(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE user_access SET disabled = FALSE WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
    }

    /** A valid session: its user and when its token expires. */
    record Session(User user, Instant expiresAt) {
    }

    /**
     * The session of the token whose SHA-256 is {@code tokenHash}, if the token is known, not
     * expired, of the user's current generation and the user is neither deleted nor disabled.
     */
    static Optional<Session> sessionOf(Connection c, String tokenHash, Instant now) throws SQLException {
        String userId = null;
        Instant expiresAt = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT t.user_id, t.expires_at FROM session_token t "
                + "LEFT JOIN user_access a ON a.user_id = t.user_id "
                + "WHERE t.token_hash = ? AND t.expires_at > ? AND t.generation = COALESCE(a.generation, 0) "
                + "AND (a.disabled IS NULL OR a.disabled = FALSE)")) {
            ps.setString(1, tokenHash);
            ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    userId = rs.getString(1);
                    expiresAt = rs.getObject(2, OffsetDateTime.class).toInstant();
                }
            }
        }
        if (userId == null) {
            return Optional.empty();
        }
        Instant expires = expiresAt;
        return user(c, userId).map(u -> new Session(u, expires));
    }

    /** Ends a session; true when the token was known. Expired tokens are swept at the same time. */
    static boolean revoke(Connection c, String token, Instant now) throws SQLException {
        int removed;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_token WHERE token_hash = ?")) {
            ps.setString(1, sha256(token));
            removed = ps.executeUpdate();
        }
        sweepExpired(c, now);
        return removed > 0;
    }

    /** Forgets expired tokens, so the table holds only live sessions. */
    static void sweepExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_token WHERE expires_at <= ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    static Optional<User> user(Connection c, String userId) throws SQLException {
        return RowStore.find(c, EntityKind.USER, userId, false).filter(r -> !r.deleted()).map(StoredRow::entity);
    }

    static byte[] pbkdf2(String algorithm, String password, byte[] salt, int iterations) {
        int bits = LEGACY_ALGORITHM.equals(algorithm) ? 256 : KEY_BITS;
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
