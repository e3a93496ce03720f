package ftop.sync.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server runs.
 *
 * @param port          TCP port; 0 picks a free one (tests)
 * @param bind          the address to listen on; {@code 127.0.0.1} keeps the server private to the machine
 * @param jdbcUrl       where the data lives: an H2 file URL or a PostgreSQL URL
 * @param tokenLifetime how long a login stays valid
 * @param maxBodyBytes  the largest request body accepted
 * @param signIn        how password guessing is throttled
 * @param oidc          the OpenID Connect identity provider whose access tokens are accepted, if any
 * @param tls           the certificate to serve HTTPS with; empty: plain HTTP (behind a reverse proxy, or loopback)
 * @param forwarded     true behind a reverse proxy: the client's address comes from its {@code X-Forwarded-For}
 *                      (or {@code Forwarded}) header, so that sign-in is throttled per real client
 */
public record ServerConfig(int port, String bind, String jdbcUrl, Duration tokenLifetime, long maxBodyBytes,
                           SignInThrottle.Policy signIn, Optional<OidcSettings> oidc, Optional<TlsSettings> tls,
                           boolean forwarded) {

    public static final int DEFAULT_PORT = 8470;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(12);
    /** Room for a full batch of 200 mutations with long status notes. */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port);
        }
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("The body size limit must be positive");
        }
        Objects.requireNonNull(signIn, "signIn");
        oidc = oidc == null ? Optional.empty() : oidc;
        tls = tls == null ? Optional.empty() : tls;
    }

    /** A server on {@code port} and {@code bind} over {@code jdbcUrl}, other settings by default. */
    public static ServerConfig of(int port, String bind, String jdbcUrl) {
        return new ServerConfig(port, bind, jdbcUrl, DEFAULT_TOKEN_LIFETIME, DEFAULT_MAX_BODY_BYTES,
                SignInThrottle.Policy.DEFAULT, Optional.empty(), Optional.empty(), false);
    }

    /** This configuration without any throttle on sign-in: for benchmarks that measure what it prevents. */
    public ServerConfig withoutSignInThrottle() {
        return withSignIn(SignInThrottle.Policy.OFF);
    }

    /** This configuration with sign-in throttled by {@code policy}. */
    ServerConfig withSignIn(SignInThrottle.Policy policy) {
        return new ServerConfig(port, bind, jdbcUrl, tokenLifetime, maxBodyBytes, policy, oidc, tls, forwarded);
    }

    /** This configuration trusting the identity provider {@code settings} describe. */
    public ServerConfig withOidc(OidcSettings settings) {
        return new ServerConfig(port, bind, jdbcUrl, tokenLifetime, maxBodyBytes, signIn, Optional.of(settings), tls,
                forwarded);
    }

    /** This configuration serving HTTPS with {@code settings}. */
    public ServerConfig withTls(TlsSettings settings) {
        return new ServerConfig(port, bind, jdbcUrl, tokenLifetime, maxBodyBytes, signIn, oidc, Optional.of(settings),
                forwarded);
    }

    /** This configuration behind a reverse proxy whose forwarding headers name the client. */
    public ServerConfig behindProxy() {
        return new ServerConfig(port, bind, jdbcUrl, tokenLifetime, maxBodyBytes, signIn, oidc, tls, true);
    }

    /**
     * The JDBC URL of an H2 file database in {@code directory}. {@code WRITE_DELAY=0}: every commit
     * is written to the file before it returns (H2's default writes up to half a second later, so a
     * killed process lost the newest acknowledged changes); {@link Database} adds the sync to disk.
     */
    public static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve(H2_FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** The name of the H2 database in its folder; its file is this plus {@code .mv.db}. */
    public static final String H2_FILE_NAME = "ftop-server";
}
