package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.sync.protocol.LoginRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Passwords are PBKDF2-HMAC-SHA512 hashes; an older hash is replaced at its owner's next sign-in. */
@ParameterizedClass
@EnumSource(ServerTestBase.Backend.class)
class PasswordHashTest extends ServerTestBase {

    record Stored(String hash, int iterations, String algorithm) {
    }

    private Stored stored(String userId) throws Exception {
        return server.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT password_hash, iterations, algorithm FROM account WHERE user_id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Stored(rs.getString(1), rs.getInt(2), rs.getString(3));
                }
            }
        });
    }

    private void storeLegacy(String userId, String algorithm, int iterations) throws Exception {
        byte[] salt = new byte[16];
        String hash = HexFormat.of().formatHex(Accounts.pbkdf2(algorithm, World.PASSWORD, salt, iterations));
        server.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE account SET password_hash = ?, salt = ?, iterations = ?, algorithm = ? WHERE user_id = ?")) {
                ps.setString(1, hash);
                ps.setString(2, HexFormat.of().formatHex(salt));
                ps.setInt(3, iterations);
                ps.setString(4, algorithm);
                ps.setString(5, userId);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            return null;
        });
    }

    @Test
    void theProductionCostIsOwaspsAdviceForSha512() {
        assertThat(Database.DEFAULT_PASSWORD_ITERATIONS).isEqualTo(210_000);
        assertThat(Accounts.ALGORITHM).isEqualTo("PBKDF2WithHmacSHA512");
    }

    @Test
    void newPasswordsAreSha512WithTheConfiguredRounds() throws Exception {
        Stored fm = stored(World.FM.userId());
        assertThat(fm.algorithm()).isEqualTo("PBKDF2WithHmacSHA512");
        assertThat(fm.iterations()).isEqualTo(World.PASSWORD_ITERATIONS);
        assertThat(fm.hash()).hasSize(128);
    }

    @Test
    void aSha256HashIsReplacedAtTheNextSignIn() throws Exception {
        storeLegacy(World.FM.userId(), Accounts.LEGACY_ALGORITHM, World.PASSWORD_ITERATIONS);
        assertThat(login(World.FM).token()).isNotBlank();
        Stored upgraded = stored(World.FM.userId());
        assertThat(upgraded.algorithm()).isEqualTo(Accounts.ALGORITHM);
        assertThat(upgraded.iterations()).isEqualTo(World.PASSWORD_ITERATIONS);
        assertThat(login(World.FM).token()).as("the new hash checks the same password").isNotBlank();
        assertThat(stored(World.FM.userId())).as("and is not replaced again").isEqualTo(upgraded);
    }

    @Test
    void aHashWithFewerRoundsIsReplacedButAWrongPasswordReplacesNothing() throws Exception {
        storeLegacy(World.FM.userId(), Accounts.ALGORITHM, 10);
        Stored weak = stored(World.FM.userId());
        assertThat(post("/session", null, json(new LoginRequest(World.FM.userId(), "wrong"))).status())
                .isEqualTo(401);
        assertThat(stored(World.FM.userId())).isEqualTo(weak);
        login(World.FM);
        assertThat(stored(World.FM.userId()).iterations()).isEqualTo(World.PASSWORD_ITERATIONS);
    }
}
